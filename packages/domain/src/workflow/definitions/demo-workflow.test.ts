// The demo workflow seeded for Acme Outdoor is active as is: it must validate without problems.
import { demoWorkflowDefinition } from "@markettina/db";
import { describe, expect, it } from "vitest";
import { validateWorkflow } from "./validate-workflow.ts";

describe("the seeded demo workflow", () => {
  it("validates without problems", () => {
    const { definition, problems } = validateWorkflow(demoWorkflowDefinition);
    expect(problems).toEqual([]);
    expect(definition?.steps.map((s) => s.id)).toEqual(["note", "hold", "approve", "apology", "settle"]);
  });
});
