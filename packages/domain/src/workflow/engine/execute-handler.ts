// Runs a step handler and turns whatever it does into a StepOutcome. "external" handlers run
// outside any transaction, aborted at the step's timeout (their signal fires; an answer that comes
// later is ignored and the attempt is recorded as `timeout`). "transaction" handlers run inside
// the finishing transaction, in a savepoint: a handler that throws leaves none of its rows behind
// and the step records the failure instead.
import type { OperationContext } from "../../context.ts";
import { DomainError } from "../../errors.ts";
import type { StepType } from "../definition.ts";
import { type StepHandler, stepHandler } from "../steps/index.ts";
import type { StepOutcome, StepRun, WorkflowEngineDeps } from "./engine-ports.ts";

export type PreparedRun = Omit<StepRun, "signal">;

/** The handler of a type, or null when there is none (an unknown type in a draft). */
export function handlerOf(type: string): StepHandler | null {
  try {
    return stepHandler(type as StepType);
  } catch {
    return null;
  }
}

export const unknownType = (type: string): StepOutcome => ({
  status: "failed",
  retryable: false,
  error: { message: `Unknown step type ${type}.`, code: "UNKNOWN_STEP_TYPE" },
});

/** A thrown error as a failure: domain refusals are final, anything else may pass on a retry. */
export function thrownOutcome(error: unknown): StepOutcome {
  if (error instanceof DomainError) {
    return {
      status: "failed",
      retryable: false,
      error: { message: error.message, code: error.errors[0]?.code ?? "INVALID" },
    };
  }
  // A failed query's own message is the SQL; what went wrong is its cause's.
  const cause = (error as { cause?: unknown })?.cause;
  const message =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return { status: "failed", retryable: true, error: { message } };
}

export async function runOutside(
  handler: Extract<StepHandler, { mode: "external" }>,
  run: PreparedRun,
  timeoutSeconds: number | null,
  deps: WorkflowEngineDeps,
): Promise<{ outcome: StepOutcome; timedOut: boolean }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    if (timeoutSeconds)
      timer = setTimeout(() => {
        controller.abort(new Error(`The step ran longer than ${timeoutSeconds} s.`));
        resolve("timeout");
      }, timeoutSeconds * 1000);
  });
  const timedOut: StepOutcome = {
    status: "failed",
    retryable: true,
    error: { message: `The step ran longer than its timeout (${timeoutSeconds} s).`, code: "TIMEOUT" },
  };
  try {
    const answer = await Promise.race([handler.run({ ...run, signal: controller.signal }, deps), timeout]);
    if (answer === "timeout") return { outcome: timedOut, timedOut: true };
    return { outcome: answer, timedOut: false };
  } catch (error) {
    if (controller.signal.aborted) return { outcome: timedOut, timedOut: true };
    return { outcome: thrownOutcome(error), timedOut: false };
  } finally {
    clearTimeout(timer);
  }
}

export async function runInside(
  ctx: OperationContext,
  handler: Extract<StepHandler, { mode: "transaction" }>,
  run: PreparedRun,
  deps: WorkflowEngineDeps,
): Promise<StepOutcome> {
  try {
    return await ctx.tx.transaction((savepoint) =>
      handler.run({ ...ctx, tx: savepoint }, { ...run, signal: new AbortController().signal }, deps),
    );
  } catch (error) {
    return thrownOutcome(error);
  }
}
