// Activating a definition with problems fails with INVALID_DEFINITION, one user error per problem,
// and carries the problems themselves so the API can answer them with their step ids.
import { DomainError } from "../../errors.ts";
import type { WorkflowProblem } from "../definition.ts";

export class InvalidWorkflowDefinitionError extends DomainError {
  readonly problems: WorkflowProblem[];
  constructor(problems: WorkflowProblem[]) {
    super(
      problems.map((p) => ({
        code: "INVALID_DEFINITION" as const,
        field: p.stepId === null ? `definition.${p.field}` : `definition.steps.${p.stepId}.${p.field}`,
        message: p.message,
      })),
    );
    this.name = "InvalidWorkflowDefinitionError";
    this.problems = problems;
  }
}
