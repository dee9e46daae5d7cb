// set_variable: writes one workflow variable (insert or overwrite) in the step's finishing
// transaction, so the value and the step's completion commit together.
import { schema } from "@markettina/db";
import { sql } from "drizzle-orm";
import type { StepHandler } from "./step-handler.ts";
import { completed, jsonType, parametersOf } from "./step-outcomes.ts";

export const setVariableStep: StepHandler = {
  mode: "transaction",
  async run(ctx, run) {
    const parsed = parametersOf("set_variable", run);
    if (!parsed.ok) return parsed.outcome;
    const { name } = parsed.parameters;
    const value = parsed.parameters.value ?? null;
    const v = schema.workflowVariables;
    // Sent as JSON text and cast: a bare boolean or number parameter is not a jsonb value.
    const json = sql`${JSON.stringify(value)}::text::jsonb`;
    const row = { type: jsonType(value), value: json, updatedByStep: run.stepId, updatedAt: run.now };
    await ctx.tx
      .insert(v)
      .values({
        accountId: ctx.accountId,
        instanceId: run.instanceId,
        name,
        scope: "workflow",
        createdAt: run.now,
        ...row,
      })
      .onConflictDoUpdate({ target: [v.accountId, v.instanceId, v.name], set: row });
    return completed({ name, value });
  },
};
