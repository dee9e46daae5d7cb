// Publishing a definition with problems fails with INVALID_DEFINITION, one user error per problem,
// and carries the problems themselves so the API can answer them with their node ids.
import { DomainError } from "../../errors.ts";
import type { JourneyProblem } from "./validate-journey.ts";

export class InvalidDefinitionError extends DomainError {
  readonly problems: JourneyProblem[];
  constructor(problems: JourneyProblem[]) {
    super(
      problems.map((p) => ({
        code: "INVALID_DEFINITION" as const,
        field: p.nodeId === null ? "draft" : `draft.nodes.${p.nodeId}`,
        message: p.message,
      })),
    );
    this.name = "InvalidDefinitionError";
    this.problems = problems;
  }
}
