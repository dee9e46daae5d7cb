// Starts an instance of an ACTIVE definition (by id, or the newest active version of a name): the
// instance (running), one workflow_steps row per step (pending, in topological order), the initial
// variables (the definition's, overridden by the input of the same name), event 1
// `instance_started`, and the jobs of the steps without dependencies — all in the caller's
// transaction, so the jobs exist if and only if the instance does. The same idempotency key gives
// back the instance it started first (created: false); the partial unique index on
// (account_id, idempotency_key) decides between two concurrent starts.
import { schema } from "@markettina/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, notFound, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { PRIORITIES, WorkflowDefinition, type WorkflowPriority } from "../definition.ts";
import { appendEvent } from "./append-event.ts";
import type { WorkflowEngineDeps } from "./engine-ports.ts";
import { actorOf, clockOf, type InstanceRow, isSystem, writeVariables } from "./engine-rows.ts";
import { enqueueSteps } from "./enqueue-steps.ts";
import { settleInstance } from "./release-dependants.ts";
import { topologicalOrder } from "./topological-order.ts";

export const StartWorkflowInput = z
  .object({
    definitionId: z.uuid().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    input: z.record(z.string(), z.unknown()).default({}),
    priority: z.enum(PRIORITIES).default("normal"),
    correlationId: z.string().trim().min(1).max(200).nullish(),
    idempotencyKey: z.string().trim().min(1).max(200).nullish(),
    parentInstanceId: z.uuid().nullish(),
    parentStepId: z.string().trim().min(1).max(64).nullish(),
    scheduleId: z.uuid().nullish(),
  })
  .refine((v) => v.definitionId || v.name, {
    message: "Name the definition to start.",
    path: ["definitionId"],
  });

export type StartWorkflowInput = {
  definitionId?: string;
  name?: string;
  input?: Record<string, unknown>;
  priority?: WorkflowPriority;
  correlationId?: string | null;
  idempotencyKey?: string | null;
  parentInstanceId?: string | null;
  parentStepId?: string | null;
  scheduleId?: string | null;
};

export async function startWorkflow(
  ctx: OperationContext,
  raw: StartWorkflowInput,
  deps: WorkflowEngineDeps = {},
): Promise<{ instance: InstanceRow; created: boolean }> {
  // The engine itself (a start_workflow step, a schedule, a journey) acts as the system.
  if (!isSystem(ctx)) authorize(ctx, "workflows:write");
  const input = parseInput(StartWorkflowInput, raw);
  const i = schema.workflowInstances;
  const existing = async () => {
    if (!input.idempotencyKey) return null;
    const [row] = await ctx.tx
      .select()
      .from(i)
      .where(and(eq(i.accountId, ctx.accountId), eq(i.idempotencyKey, input.idempotencyKey)));
    return row ?? null;
  };
  const before = await existing();
  if (before) return { instance: before, created: false };

  const d = schema.workflowDefinitions;
  const [definitionRow] = input.definitionId
    ? await ctx.tx
        .select()
        .from(d)
        .where(and(eq(d.accountId, ctx.accountId), eq(d.id, input.definitionId)))
    : await ctx.tx
        .select()
        .from(d)
        .where(and(eq(d.accountId, ctx.accountId), eq(d.name, input.name!), eq(d.status, "active")))
        .orderBy(desc(d.version))
        .limit(1);
  if (!definitionRow)
    return notFound(input.definitionId ? "definitionId" : "name", "Active workflow definition");
  if (definitionRow.status !== "active") {
    return fail(
      "INVALID_TRANSITION",
      `Only active definitions start: this one is ${definitionRow.status}.`,
      "definitionId",
    );
  }
  const definition = WorkflowDefinition.parse(definitionRow.definition);
  const now = clockOf(deps);

  const [inserted] = await ctx.tx
    .insert(i)
    .values({
      accountId: ctx.accountId,
      definitionId: definitionRow.id,
      status: "running",
      priority: input.priority,
      context: input.input,
      correlationId: input.correlationId ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      parentInstanceId: input.parentInstanceId ?? null,
      parentStepId: input.parentStepId ?? null,
      scheduleId: input.scheduleId ?? null,
      startedBy: ctx.actor.userId,
      startedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: [i.accountId, i.idempotencyKey], where: sql`idempotency_key is not null` })
    .returning();
  if (!inserted) {
    // A concurrent start with the same key committed first.
    const winner = await existing();
    if (winner) return { instance: winner, created: false };
    return fail("CONFLICT", "The workflow could not be started: try again.", "idempotencyKey");
  }

  const order = topologicalOrder(definition.steps);
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const steps =
    order.length === 0
      ? []
      : await ctx.tx
          .insert(schema.workflowSteps)
          .values(
            order.map((stepId, position) => {
              const step = byId.get(stepId)!;
              const { max, ...backoff } = step.retry;
              return {
                accountId: ctx.accountId,
                instanceId: inserted.id,
                stepId,
                name: step.name || stepId,
                type: step.type,
                dependsOn: step.dependsOn,
                executionOrder: position + 1,
                maxAttempts: max + 1,
                timeoutSeconds: step.timeoutSeconds,
                backoff,
                parameters: step.parameters,
                updatedAt: now,
              };
            }),
          )
          .returning();

  const variables = Object.fromEntries(
    Object.entries(definition.variables).map(([name, value]) => [
      name,
      Object.hasOwn(input.input, name) ? input.input[name] : value,
    ]),
  );
  await writeVariables(ctx.tx, inserted, variables, null, now);

  let instance = await appendEvent(
    ctx.tx,
    inserted,
    {
      type: "instance_started",
      actor: actorOf(ctx),
      at: now,
      data: {
        definitionId: definitionRow.id,
        definitionVersion: definitionRow.version,
        priority: input.priority,
      },
    },
    deps,
  );
  await enqueueSteps(
    ctx.tx,
    instance,
    steps.filter((s) => s.dependsOn.length === 0).map((s) => ({ stepRowId: s.id, attempt: 1 })),
    deps,
  );
  // A definition without steps is done as soon as it starts.
  if (steps.length === 0) instance = await settleInstance(ctx, instance, [], deps, now);

  await recordChange(ctx, {
    action: "workflow_instance.started",
    entityType: "workflow_instance",
    entityId: instance.id,
    after: {
      definitionId: definitionRow.id,
      priority: instance.priority,
      correlationId: instance.correlationId,
    },
  });
  return { instance, created: true };
}
