// A step job's body (the worker's pg-boss handler calls it with its clock): (1) claim the attempt
// in one transaction (claim-step.ts); (2) run an "external" handler outside any transaction, with
// its timeout; (3) in a second transaction, lock the instance and the step again and record the
// outcome only if the step is still running this attempt (a cancel, the sweeper's timeout or a
// duplicate job may have moved it on). "transaction" handlers run inside (3), so their rows commit
// with the step's completion: exactly once. Compensation jobs (attempt 0) go the same way.
import type { Database } from "@markettina/db";
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { claimStep } from "./claim-step.ts";
import type { StepOutcome, WorkflowEngineDeps, WorkflowStepJob } from "./engine-ports.ts";
import { inTenant, lockInstance, lockStep } from "./engine-rows.ts";
import { handlerOf, runInside, runOutside, unknownType } from "./execute-handler.ts";
import { finishStep } from "./finish-step.ts";
import { finishCompensation } from "./run-compensation.ts";
import type { RunStepResult } from "./run-step-result.ts";

export async function runWorkflowStep(
  db: Database,
  job: WorkflowStepJob & { now: Date },
  deps: WorkflowEngineDeps = {},
): Promise<RunStepResult> {
  const claim = await inTenant(db, job.accountId, (ctx) => claimStep(ctx, job, deps));
  if (claim.kind === "done") return claim.result;

  // The clock moves on by the time the handler took (timestamps and durations stay real).
  const began = Date.now();
  const finishedAt = () => new Date(job.now.getTime() + (Date.now() - began));
  const handler = handlerOf(claim.run.type);
  let outside: { outcome: StepOutcome; timedOut: boolean } | null = null;
  if (!handler) outside = { outcome: unknownType(claim.run.type), timedOut: false };
  else if (handler.mode === "external") {
    outside = await runOutside(handler, claim.run, claim.kind === "run" ? claim.timeoutSeconds : null, deps);
  }

  return inTenant(db, job.accountId, async (ctx) => {
    const instance = await lockInstance(ctx.tx, job.accountId, job.instanceId);
    const step = instance && (await lockStep(ctx.tx, instance, { rowId: job.stepRowId }));
    if (!instance || !step) return { status: "ignored", reason: "missing" } as const;
    const inside = async () =>
      outside?.outcome ??
      (handler?.mode === "transaction"
        ? runInside(ctx, handler, claim.run, deps)
        : unknownType(claim.run.type));

    if (claim.kind === "compensate") {
      const c = schema.workflowCompensations;
      const [row] = await ctx.tx
        .select()
        .from(c)
        .where(and(eq(c.accountId, job.accountId), eq(c.id, claim.compensation.id)))
        .for("update");
      if (row?.status !== "running" || row.attempts !== claim.compensation.attempts) {
        return { status: "ignored", reason: "stale" } as const;
      }
      return finishCompensation(ctx, instance, step, row, await inside(), deps, finishedAt());
    }
    if (step.status !== "running" || step.attempts !== job.attempt || step.waitingFor !== null) {
      return { status: "ignored", reason: "stale" } as const;
    }
    return finishStep(ctx, instance, step, await inside(), {
      deps,
      now: finishedAt(),
      actor: "worker",
      timedOut: outside?.timedOut ?? false,
    });
  });
}
