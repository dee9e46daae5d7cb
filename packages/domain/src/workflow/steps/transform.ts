// transform: evaluates a JSONata expression over { input, vars, steps }; its value is the step's
// output (the output mapping stores it in variables). A failing expression fails the step for good:
// it would fail the same way on every retry.
import { ExpressionError, evaluate } from "./expressions.ts";
import type { StepHandler } from "./step-handler.ts";
import { completed, failed, parametersOf } from "./step-outcomes.ts";

export const transformStep: StepHandler = {
  mode: "transaction",
  async run(_ctx, run) {
    const parsed = parametersOf("transform", run);
    if (!parsed.ok) return parsed.outcome;
    try {
      return completed(await evaluate(parsed.parameters.expression, run.scope));
    } catch (error) {
      if (error instanceof ExpressionError) return failed(error.message, "INVALID_EXPRESSION");
      throw error;
    }
  },
};
