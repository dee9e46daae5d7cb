// One step of a definition version's lifecycle (draft → active → deprecated → archived), shared by
// activate, deprecate and archive: lock the version, refuse a move that does not start from one of
// `from`, set the status with its timestamps, record the change. Instances already running keep
// running whatever happens to the version they started from.
import { schema } from "@markettina/db";
import { eq, type SQL } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { lockWorkflowDefinition, type WorkflowDefinitionRow } from "./load-workflow-definition.ts";
import { WorkflowDefinitionRef, type WorkflowDefinitionRefInput } from "./workflow-definition-inputs.ts";

type Status = WorkflowDefinitionRow["status"];
type Insert = typeof schema.workflowDefinitions.$inferInsert;

export interface DefinitionMove {
  /** e.g. "activated": also the audit action workflow_definition.<action>. */
  action: string;
  from: readonly Status[];
  to: Status;
  /** Checks and changes once the move is allowed (in the same transaction, the row locked). */
  set?: (definition: WorkflowDefinitionRow) => { [K in keyof Insert]?: Insert[K] | SQL };
}

export async function moveWorkflowDefinition(
  ctx: OperationContext,
  raw: WorkflowDefinitionRefInput,
  move: DefinitionMove,
): Promise<WorkflowDefinitionRow> {
  authorize(ctx, "workflows:write");
  const input = parseInput(WorkflowDefinitionRef, raw);
  const before = await lockWorkflowDefinition(ctx, input.id);
  if (!move.from.includes(before.status)) {
    fail(
      "INVALID_TRANSITION",
      before.status === move.to
        ? `The version is already ${move.to}.`
        : `A ${before.status} version cannot be ${move.action}; only a ${move.from.join(" or ")} one can.`,
      "status",
    );
  }
  const d = schema.workflowDefinitions;
  const [after] = await ctx.tx
    .update(d)
    .set({ ...move.set?.(before), status: move.to })
    .where(eq(d.id, before.id))
    .returning();
  await recordChange(ctx, {
    action: `workflow_definition.${move.action}`,
    entityType: "workflow_definition",
    entityId: before.id,
    before: { status: before.status },
    after: { status: move.to },
  });
  return after!;
}
