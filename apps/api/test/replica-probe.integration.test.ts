// The read replica probe (DATABASE_REPLICA_URL) against a real server: a primary says it is not in
// recovery (no lag to speak of), an unreachable one fails fast instead of holding the report up.

import type { AddressInfo } from "node:net";
import { createServer, type Server } from "node:net";
import { createTestDatabase, type TestDatabase } from "@markettina/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReplicaProbe } from "../src/health/replica-probe.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("createReplicaProbe", () => {
  it("measures a server that is not a replica as not in recovery", async () => {
    const probe = createReplicaProbe(database.appUrl);
    try {
      expect(await probe.measure()).toEqual({ inRecovery: false, lagSeconds: null });
    } finally {
      await probe.close();
    }
  });

  it("rejects when the replica does not answer", async () => {
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const replica = createReplicaProbe(`postgres://markettina_app:x@127.0.0.1:${port}/markettina`);
    try {
      await expect(replica.measure()).rejects.toThrow();
    } finally {
      await replica.close();
    }
  });
});
