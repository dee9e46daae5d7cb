// What the step handlers share: outcomes, their parameters checked again at run time (placeholders
// and input mappings have been filled in since the definition was validated), and how a domain
// refusal becomes a step failure.
import type { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { DomainError, type UserErrorCode } from "../../errors.ts";
import { StepParameters, type StepType } from "../definition.ts";
import type { StepOutcome, StepRun } from "../engine/engine-ports.ts";

export const completed = (output: unknown): StepOutcome => ({ status: "completed", output });

export const failed = (message: string, code: string, retryable = false): StepOutcome => ({
  status: "failed",
  error: { message, code },
  retryable,
});

/** The run's parameters parsed for its type (defaults applied), or the failure that they are not. */
export function parametersOf<T extends StepType>(
  type: T,
  run: StepRun,
): { ok: true; parameters: z.output<(typeof StepParameters)[T]> } | { ok: false; outcome: StepOutcome } {
  const result = StepParameters[type].safeParse(run.parameters);
  if (result.success) return { ok: true, parameters: result.data as z.output<(typeof StepParameters)[T]> };
  const detail = result.error.issues
    .map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
  return {
    ok: false,
    outcome: failed(`The step's parameters are not valid once filled in: ${detail}`, "INVALID_PARAMETERS"),
  };
}

/**
 * A domain refusal as a step failure, retried when its code is one of `transient` (refusals that
 * may pass later without anyone changing the workflow: a top-up, a race lost); anything else is
 * thrown.
 */
export function refusal(error: unknown, transient: readonly UserErrorCode[] = []): StepOutcome {
  if (!(error instanceof DomainError)) throw error;
  const code = error.errors[0]?.code ?? "INVALID";
  return failed(error.message, code, transient.includes(code));
}

/**
 * Runs an operation in a savepoint of its own, with the permissions `scopes` give: a refusal (a
 * DomainError, possibly after a failed statement) rolls back only what the operation wrote and
 * becomes the step's failure, leaving the finishing transaction usable to record it.
 */
export async function attempt(
  ctx: OperationContext,
  access: { scopes: string[]; transient?: readonly UserErrorCode[] },
  op: (ctx: OperationContext) => Promise<StepOutcome>,
): Promise<StepOutcome> {
  try {
    return await ctx.tx.transaction((savepoint) => op({ ...withScopes(ctx, access.scopes), tx: savepoint }));
  } catch (error) {
    return refusal(error, access.transient);
  }
}

/**
 * The engine acts as the system (no role); the operations a step calls check permissions, so it
 * gets exactly the ones its step type needs, as an API key with those scopes would (the journey
 * executor does the same for generate_content).
 */
export const withScopes = (ctx: OperationContext, scopes: string[]): OperationContext => ({
  ...ctx,
  role: null,
  scopes,
});

/** The key of a step's effect in billing and elsewhere: the same on every attempt of the step. */
export const effectKey = (run: StepRun) => `workflow:${run.instanceId}:${run.stepId}`;

/** The JSON type a variable is stored with. */
export function jsonType(value: unknown): "string" | "number" | "boolean" | "object" | "array" {
  if (Array.isArray(value)) return "array";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "boolean";
  return "object";
}
