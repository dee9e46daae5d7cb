// A demo workflow for Acme Outdoor, active so the console opens on something real: a partner
// refund that reserves the tokens for the apology content, asks a manager, then writes the
// apology — and releases the tokens if a later step fails for good. Plus a weekday schedule,
// disabled (enabling it is the visitor's choice). The definition must pass the domain's
// validation (demo-workflow.test.ts).
import { sql as dsql } from "drizzle-orm";
import { uuidv7 } from "./schema/columns.ts";
import * as schema from "./schema/index.ts";
import type { SeedTx } from "./seed.ts";

export const demoWorkflowDefinition = {
  variables: { customer: "a customer", amount: 25 },
  steps: [
    {
      id: "note",
      name: "Note the refund",
      type: "set_variable",
      parameters: { name: "summary", value: "Refund of {{vars.amount}} EUR for {{vars.customer}}" },
    },
    {
      id: "hold",
      name: "Hold tokens for the apology",
      type: "reserve_tokens",
      parameters: { service: "content_generation", amount: 50 },
      dependsOn: ["note"],
      compensation: { type: "release_tokens", parameters: { reservationStep: "hold" } },
    },
    {
      id: "approve",
      name: "Manager approval",
      type: "approval",
      parameters: { prompt: "Approve this refund?", timeoutSeconds: 86_400 },
      dependsOn: ["note"],
    },
    {
      id: "apology",
      name: "Write the apology",
      type: "transform",
      parameters: { expression: "'Dear ' & vars.customer & ', ' & vars.summary & ' is on its way.'" },
      dependsOn: ["hold", "approve"],
      output: { apology: "result" },
    },
    {
      id: "settle",
      name: "Release the unused tokens",
      type: "release_tokens",
      parameters: { reservationStep: "hold" },
      dependsOn: ["apology"],
    },
  ],
};

export async function seedWorkflow(tx: SeedTx, acme: string, createdBy: string | null): Promise<void> {
  const existing = await tx.execute(
    dsql`select 1 from workflow_definitions where account_id = ${acme} limit 1`,
  );
  if (existing.length > 0) return;
  const definitionId = uuidv7();
  await tx.insert(schema.workflowDefinitions).values({
    id: definitionId,
    accountId: acme,
    name: "Partner refund",
    version: 1,
    description: "Notes a refund, holds tokens, asks a manager, writes the apology.",
    definition: demoWorkflowDefinition,
    status: "active",
    activatedAt: new Date(),
    createdBy,
  });
  await tx.insert(schema.workflowSchedules).values({
    accountId: acme,
    definitionId,
    name: "Weekday refund review",
    cron: "0 9 * * 1-5",
    timeZone: "Europe/Rome",
    enabled: false,
    input: { customer: "the weekly batch" },
    createdBy,
  });
}
