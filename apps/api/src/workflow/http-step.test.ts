// The http_request port without a network: the allowed-hosts check (loopback only when allowed),
// the Idempotency-Key a definition cannot override, and which answers are worth another attempt.
import type { StepRun } from "@markettina/domain";
import { describe, expect, it } from "vitest";
import { hostAllowed, httpStep, parseAllowedHosts } from "./http-step.ts";

const run = (parameters: Record<string, unknown>): StepRun => ({
  accountId: "a",
  instanceId: "i",
  stepId: "call",
  type: "http_request",
  attempt: 1,
  parameters,
  scope: { input: {}, vars: {}, steps: {} },
  idempotencyKey: "i:call",
  now: new Date(),
  signal: new AbortController().signal,
});

describe("hostAllowed", () => {
  const options = {
    allowedHosts: parseAllowedHosts(" api.partner.test, *.hooks.test ,"),
    allowLoopback: false,
  };

  it("allows listed hosts and the subdomains of a wildcard", () => {
    expect(options.allowedHosts).toEqual(["api.partner.test", "*.hooks.test"]);
    expect(hostAllowed("api.partner.test", options)).toBe(true);
    expect(hostAllowed("API.Partner.test.", options)).toBe(true);
    expect(hostAllowed("eu.hooks.test", options)).toBe(true);
    expect(hostAllowed("hooks.test", options)).toBe(true);
    expect(hostAllowed("partner.test", options)).toBe(false);
    expect(hostAllowed("evilhooks.test", options)).toBe(false);
  });

  it("allows loopback only when told to", () => {
    for (const host of ["localhost", "127.0.0.1", "127.1.2.3", "[::1]"]) {
      expect(hostAllowed(host, options)).toBe(false);
      expect(hostAllowed(host, { ...options, allowLoopback: true })).toBe(true);
    }
  });
});

describe("httpStep", () => {
  const answering = (status: number, body: unknown, seen: Request[] = []) =>
    httpStep({
      allowedHosts: ["api.partner.test"],
      allowLoopback: false,
      fetch: (async (url: URL, init: RequestInit) => {
        seen.push(new Request(url, init));
        return new Response(JSON.stringify(body), {
          status,
          headers: { "content-type": "application/json" },
        });
      }) as typeof fetch,
    });

  it("sends the step's idempotency key, whatever the definition's headers say, and answers the JSON", async () => {
    const seen: Request[] = [];
    const outcome = await answering(
      200,
      { id: 7 },
      seen,
    )(
      run({
        url: "https://api.partner.test/x",
        method: "POST",
        headers: { "Idempotency-Key": "mine" },
        body: { a: 1 },
      }),
    );
    expect(outcome).toEqual({ status: "completed", output: { status: 200, body: { id: 7 } } });
    expect(seen[0]!.headers.get("idempotency-key")).toBe("i:call");
    expect(await seen[0]!.json()).toEqual({ a: 1 });
  });

  it("retries 5xx and 429, not other 4xx, and never calls a host that is not allowed", async () => {
    expect(await answering(503, {})(run({ url: "https://api.partner.test/x" }))).toMatchObject({
      status: "failed",
      retryable: true,
    });
    expect(await answering(429, {})(run({ url: "https://api.partner.test/x" }))).toMatchObject({
      retryable: true,
    });
    expect(await answering(404, {})(run({ url: "https://api.partner.test/x" }))).toMatchObject({
      retryable: false,
    });
    const seen: Request[] = [];
    expect(await answering(200, {}, seen)(run({ url: "http://127.0.0.1:9/x" }))).toMatchObject({
      status: "failed",
      retryable: false,
      error: { code: "HOST_NOT_ALLOWED" },
    });
    expect(seen).toHaveLength(0);
  });

  it("treats a network error as temporary", async () => {
    const step = httpStep({
      allowedHosts: ["api.partner.test"],
      allowLoopback: false,
      fetch: (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch,
    });
    expect(await step(run({ url: "https://api.partner.test/x" }))).toMatchObject({
      status: "failed",
      retryable: true,
      error: { code: "NETWORK" },
    });
  });
});
