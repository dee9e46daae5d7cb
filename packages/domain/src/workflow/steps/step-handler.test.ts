// Which handler runs each step type, and the external ones' delegation to the worker's ports: the
// parameters they are given are parsed (defaults filled in), and without a port the step fails for
// good, saying so, instead of pretending the effect happened.
import { describe, expect, it } from "vitest";
import { STEP_TYPES, type StepType } from "../definition.ts";
import type { StepOutcome, StepRun } from "../engine/engine-ports.ts";
import { stepHandler } from "./step-handler.ts";

const run = (type: StepType, parameters: Record<string, unknown>): StepRun => ({
  accountId: "a",
  instanceId: "i",
  stepId: "s",
  type,
  attempt: 1,
  parameters,
  scope: { input: {}, vars: {}, steps: {} },
  idempotencyKey: "i:s",
  now: new Date("2026-11-22T10:00:00Z"),
  signal: new AbortController().signal,
});

const external = (type: StepType) => {
  const handler = stepHandler(type);
  if (handler.mode !== "external") throw new Error(`${type} runs in a transaction`);
  return handler;
};

describe("stepHandler", () => {
  it("has a handler for every step type, external only for effects that leave the database", () => {
    const modes = Object.fromEntries(STEP_TYPES.map((t) => [t, stepHandler(t).mode]));
    expect(
      Object.entries(modes)
        .filter(([, mode]) => mode === "external")
        .map(([t]) => t),
    ).toEqual(["http_request", "send_email"]);
  });

  it("throws on a type that does not exist", () => {
    expect(() => stepHandler("teleport" as StepType)).toThrow(/Unknown workflow step type/);
    expect(() => stepHandler("toString" as StepType)).toThrow(/Unknown workflow step type/);
  });

  it("hands http_request to the worker's port with parsed parameters", async () => {
    const seen: StepRun[] = [];
    const http = async (r: StepRun): Promise<StepOutcome> => {
      seen.push(r);
      return { status: "completed", output: { status: 200 } };
    };
    const outcome = await external("http_request").run(
      run("http_request", { url: "https://example.test/hook" }),
      {
        external: { http },
      },
    );
    expect(outcome).toEqual({ status: "completed", output: { status: 200 } });
    expect(seen[0]?.parameters).toEqual({ method: "POST", url: "https://example.test/hook", headers: {} });
    expect(seen[0]?.idempotencyKey).toBe("i:s");
  });

  it("fails for good without a port, and on parameters that are not valid", async () => {
    expect(
      await external("send_email").run(
        run("send_email", { to: "a@b.test", subject: "Hi", text: "Hello" }),
        {},
      ),
    ).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "NOT_CONFIGURED", message: "Sending email is not available on this worker." },
    });
    expect(await external("http_request").run(run("http_request", { url: "" }), {})).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "INVALID_PARAMETERS" },
    });
  });
});
