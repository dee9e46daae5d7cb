// /healthz (liveness: the process answers, without the database) and /readyz (readiness: the
// database answers and has every migration this build ships), on the real API. Neither says more
// than up or down to anonymous callers.

import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createNetServer, type Server as NetServer } from "node:net";
import { createClient, type DatabaseClient, shippedMigrations } from "@markettina/db";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createHttpServer } from "../src/http/server.ts";
import { type Harness, startHarness } from "./support/api-harness.ts";

async function get(base: string, path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, text: await res.text() };
}

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const probe: NetServer = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("on a database that is up to date", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers /healthz and /readyz with up", async () => {
    expect(await get(h.api.url, "/healthz")).toEqual({ status: 200, text: JSON.stringify({ status: "up" }) });
    expect(await get(h.api.url, "/readyz")).toEqual({ status: 200, text: JSON.stringify({ status: "up" }) });
  });

  it("answers /readyz with 503 while a shipped migration is not applied, and says nothing more", async () => {
    const latest = shippedMigrations().at(-1)!;
    const removed = await h.owner.sql<Record<string, unknown>[]>`
      delete from drizzle.__drizzle_migrations where name = ${latest} returning *`;
    expect(removed).toHaveLength(1);
    try {
      const answer = await get(h.api.url, "/readyz");
      expect(answer).toEqual({ status: 503, text: JSON.stringify({ status: "down" }) });
      // Liveness does not depend on the database.
      expect((await get(h.api.url, "/healthz")).status).toBe(200);
    } finally {
      await h.owner.sql`insert into drizzle.__drizzle_migrations ${h.owner.sql(removed[0]!)}`;
    }
    expect((await get(h.api.url, "/readyz")).status).toBe(200);
  });
});

describe("when the database cannot be reached", () => {
  let client: DatabaseClient;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    client = createClient(`postgres://markettina_app:x@127.0.0.1:${await closedPort()}/markettina`, {
      max: 1,
    });
    server = await createHttpServer({
      db: client.db,
      config: { ...loadConfig({}), port: 0 },
      logger: pino({ level: "silent" }),
      stripe: null,
      paymentGateway: undefined,
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await client?.close();
  });

  it("answers /readyz with 503 down and /healthz with 200 up", async () => {
    expect(await get(base, "/readyz")).toEqual({ status: 503, text: JSON.stringify({ status: "down" }) });
    expect(await get(base, "/healthz")).toEqual({ status: 200, text: JSON.stringify({ status: "up" }) });
  });
});

describe("configuration", () => {
  it("refuses to start with DATABASE_HEALTH_THRESHOLDS it cannot use, naming the key", () => {
    expect(() =>
      loadConfig({ DATABASE_HEALTH_THRESHOLDS: '{"connectionUse":{"warn":"high","fail":0.9}}' }),
    ).toThrow(/DATABASE_HEALTH_THRESHOLDS: connectionUse\.warn/);
    expect(() =>
      loadConfig({ DATABASE_HEALTH_THRESHOLDS: '{"conectionUse":{"warn":0.5,"fail":0.9}}' }),
    ).toThrow(/DATABASE_HEALTH_THRESHOLDS/);
    expect(() => loadConfig({ DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS: "soon" })).toThrow(
      /DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS/,
    );
  });

  it("merges thresholds over the defaults and reads the replica and EXPLAIN timeout", () => {
    const config = loadConfig({
      DATABASE_HEALTH_THRESHOLDS: '{"connectionUse":{"warn":0.6,"fail":0.8}}',
      DATABASE_REPLICA_URL: "postgres://reader:secret@replica.example.com:5432/markettina",
      DATABASE_HEALTH_EXPLAIN_TIMEOUT_MS: "2500",
    });
    expect(config.health.thresholds.connectionUse).toEqual({ warn: 0.6, fail: 0.8 });
    expect(config.health.thresholds.roundTripMs).toEqual({ warn: 100, fail: 1_000 });
    expect(config.health.replicaUrl).toBe("postgres://reader:secret@replica.example.com:5432/markettina");
    expect(config.health.explainTimeoutMs).toBe(2_500);
    expect(loadConfig({}).health).toMatchObject({ replicaUrl: null, explainTimeoutMs: 5_000 });
  });
});
