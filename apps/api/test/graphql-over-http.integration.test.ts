// The GraphQL-over-HTTP specification's audit suite (graphql-http) against the running API.
import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("GraphQL over HTTP audits", () => {
  // The audits are defined before the server starts, so the URL is read lazily.
  for (const audit of serverAudits({ url: () => `${h.api.url}/graphql` })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      const reason = "reason" in result ? result.reason : "";
      if (audit.name.startsWith("MUST")) expect(result.status, reason).toBe("ok");
      else expect(["ok", "warn"], `${audit.name}: ${reason}`).toContain(result.status);
    });
  }
});
