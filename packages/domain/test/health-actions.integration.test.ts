// The database health actions on a real server: they signal real sessions, reset real statement
// statistics, ANALYZE real tables and EXPLAIN statements this database really ran; each is for
// platform admins only and leaves an entry in platform_audit_logs.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { analyzeTable, cancelDatabaseBackend, explainQuery, resetQueryStats } from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";
import {
  auditEntries,
  createUser,
  domainErrorOf,
  runAsPlatform,
  sqlStateOf,
  statementId,
} from "./support/health-actions-fixtures.ts";

let h: DomainHarness;
let adminId: string;
let userId: string;

const asAdmin = <T>(op: Parameters<typeof runAsPlatform<T>>[2]) => runAsPlatform(h.db, adminId, op);
const asUser = <T>(op: Parameters<typeof runAsPlatform<T>>[2]) => runAsPlatform(h.db, userId, op);
const explainDeps = { explainTimeoutMs: 5_000 };

beforeAll(async () => {
  h = await startDomainHarness();
  adminId = await createUser(h.owner, { admin: true });
  userId = await createUser(h.owner, { admin: false });
});
afterAll(async () => {
  await h?.close();
});

/** A `select pg_sleep(60)` of the application role, on a client of its own (one connection). */
async function sleepingSession(): Promise<{
  pid: number;
  query: Promise<unknown>;
  end: () => Promise<void>;
}> {
  const conn = postgres(h.database.appUrl, { max: 1, onnotice: () => {} });
  const [row] = await conn<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const query = conn`select pg_sleep(60)`.execute();
  query.catch(() => {}); // observed by the test; never an unhandled rejection
  await vi.waitFor(async () => {
    const [a] = await h.owner<{ state: string; query: string }[]>`
      select state, query from pg_stat_activity where pid = ${row!.pid}`;
    expect(a).toMatchObject({ state: "active", query: "select pg_sleep(60)" });
  });
  return { pid: row!.pid, query, end: () => conn.end({ timeout: 1 }) };
}

async function isActive(pid: number): Promise<boolean> {
  const [a] = await h.owner<{ state: string }[]>`select state from pg_stat_activity where pid = ${pid}`;
  return a?.state === "active";
}

describe("cancelDatabaseBackend", () => {
  it("cancels another session's query (57014) and records what it stopped", async () => {
    const session = await sleepingSession();
    const result = await asAdmin((p) => cancelDatabaseBackend(p, { pid: session.pid, terminate: false }));
    expect(result).toEqual({ pid: session.pid, terminated: false });
    expect(await sqlStateOf(session.query)).toBe("57014");
    await session.end();
    const [entry] = await auditEntries(h.owner, "database.backend_cancelled");
    expect(entry).toMatchObject({
      actor_user_id: adminId,
      entity_type: "database",
      entity_id: null,
      after: { pid: session.pid, query: "select pg_sleep(60)", state: "active", user: "markettina_app" },
    });
  });

  it("terminates a session: its query fails and the session is gone", async () => {
    const session = await sleepingSession();
    const result = await asAdmin((p) => cancelDatabaseBackend(p, { pid: session.pid, terminate: true }));
    expect(result).toEqual({ pid: session.pid, terminated: true });
    // The server's FATAL 57P01, or the driver's own code when the socket closed first.
    expect(["57P01", "CONNECTION_CLOSED"]).toContain(await sqlStateOf(session.query));
    await session.end();
    await vi.waitFor(async () => {
      const rows = await h.owner`select 1 from pg_stat_activity where pid = ${session.pid}`;
      expect(rows).toHaveLength(0);
    });
    const [entry] = await auditEntries(h.owner, "database.backend_terminated");
    expect(entry?.after).toMatchObject({ pid: session.pid, query: "select pg_sleep(60)" });
  });

  it("answers NOT_FOUND for a pid that is no session of this database, or the caller's own", async () => {
    const unknown = await domainErrorOf(
      asAdmin((p) => cancelDatabaseBackend(p, { pid: 2_000_000_000, terminate: false })),
    );
    expect(unknown.errors).toEqual([
      { code: "NOT_FOUND", field: "pid", message: "No session with that pid in this database." },
    ]);
    const own = await domainErrorOf(
      asAdmin(async (p) => {
        const [row] = await p.tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
        return cancelDatabaseBackend(p, { pid: row!.pid, terminate: true });
      }),
    );
    expect(own.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "pid" });
  });

  it("is refused to a user who is not a platform admin, and the query keeps running", async () => {
    const session = await sleepingSession();
    try {
      const error = await domainErrorOf(
        asUser((p) => cancelDatabaseBackend(p, { pid: session.pid, terminate: true })),
      );
      expect(error.errors[0]?.code).toBe("FORBIDDEN");
      expect(await isActive(session.pid)).toBe(true);
      // The database refuses too: the function itself checks the caller.
      const state = await sqlStateOf(
        runAsPlatform(h.db, userId, (p) =>
          p.tx.execute(sql`select app.health_signal_backend(${session.pid}::int, false)`),
        ),
      );
      expect(state).toBe("42501");
      expect(await isActive(session.pid)).toBe(true);
    } finally {
      await h.owner`select pg_cancel_backend(${session.pid})`;
      await session.query.catch(() => {});
      await session.end();
    }
  });
});

describe("resetQueryStats", () => {
  it("forgets this database's statements and leaves other databases' alone", async () => {
    await h.db.execute(sql.raw("select count(*) from users /* reset probe */"));
    const probe = "select count(*) from users /* reset probe */";
    expect(await statementId(h.owner, probe)).not.toBeNull();
    // A statement of another database on the same server (the maintenance database).
    const maintenance = postgres(h.database.ownerUrl.replace(/\/[^/?]+(\?|$)/, "/postgres$1"), {
      max: 1,
      onnotice: () => {},
    });
    try {
      await maintenance.unsafe("select 1 as kept_elsewhere /* reset probe elsewhere */");
      const elsewhere = () => h.owner`
        select 1 from pg_stat_statements s join pg_database d on d.oid = s.dbid
         where d.datname = 'postgres' and s.query like '%reset probe elsewhere%'`;
      expect(await elsewhere()).toHaveLength(1);

      const { resetAt } = await asAdmin((p) => resetQueryStats(p));
      expect(resetAt).toBeInstanceOf(Date);
      expect(await statementId(h.owner, probe)).toBeNull();
      expect(await elsewhere()).toHaveLength(1);
    } finally {
      await maintenance.end();
    }
    const [entry] = await auditEntries(h.owner, "database.query_stats_reset");
    expect(entry).toMatchObject({ actor_user_id: adminId, entity_type: "database" });
  });
});

describe("analyzeTable", () => {
  const lastAnalyze = async (table: string) => {
    const [row] = await h.owner<{ last_analyze: Date | null }[]>`
      select last_analyze from pg_stat_user_tables where schemaname = 'public' and relname = ${table}`;
    return row?.last_analyze ?? null;
  };

  it("ANALYZEs a table by schema-qualified or bare name", async () => {
    expect(await lastAnalyze("contacts")).toBeNull();
    const result = await asAdmin((p) => analyzeTable(p, { table: "contacts" }));
    expect(result.table).toBe("public.contacts");
    await vi.waitFor(async () => expect(await lastAnalyze("contacts")).not.toBeNull());

    await asAdmin((p) => analyzeTable(p, { table: "pgboss.job" }));
    const entries = await auditEntries(h.owner, "database.table_analyzed");
    expect(entries.map((e) => (e.after as { table: string }).table)).toEqual([
      "pgboss.job",
      "public.contacts",
    ]);
  });

  it("answers NOT_FOUND for a table that is not ours (or not there)", async () => {
    for (const table of ["no_such_table", "pg_catalog.pg_class", "information_schema.tables"]) {
      const error = await domainErrorOf(asAdmin((p) => analyzeTable(p, { table })));
      expect(error.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "table" });
    }
  });
});

describe("explainQuery", () => {
  beforeAll(async () => {
    await h.owner`create table explain_probe (id int primary key)`;
    await h.owner`grant select, insert, delete on explain_probe to markettina_app`;
    await h.owner`
      create function slow_probe() returns void language plpgsql as $$ begin perform pg_sleep(1); end $$`;
    // Statements the application runs, so that pg_stat_statements knows them.
    await h.db.execute(sql`select id from explain_probe where id = ${42}`);
    await h.db.execute(sql.raw("select count(*) from explain_probe"));
    await h.db.execute(sql.raw("delete from explain_probe"));
    await h.db.execute(sql.raw("select slow_probe()"));
    await h.db.execute(sql.raw("select pg_advisory_unlock_all()"));
    await h.db.execute(sql.raw("show search_path"));
    await h.owner`insert into explain_probe select generate_series(1, 3)`;
  });

  const idOf = async (text: string) => {
    const id = await statementId(h.owner, text);
    if (!id) throw new Error(`pg_stat_statements has no "${text}"`);
    return id;
  };

  it("gives a generic plan of a parameterized statement, and refuses to execute it", async () => {
    const queryId = await idOf("select id from explain_probe where id = $1");
    const plan = await asAdmin((p) => explainQuery(p, { queryId, analyze: false }, explainDeps));
    expect(plan).toMatchObject({ queryId, generic: true, analyzed: false });
    expect(plan.plan).toMatch(/explain_probe/);
    expect(plan.plan).not.toMatch(/actual time/);

    const error = await domainErrorOf(
      asAdmin((p) => explainQuery(p, { queryId, analyze: true }, explainDeps)),
    );
    expect(error.errors[0]).toMatchObject({ code: "INVALID", field: "analyze" });
  });

  it("EXPLAIN ANALYZEs a statement without parameters and records who asked", async () => {
    const queryId = await idOf("select count(*) from explain_probe");
    const plan = await asAdmin((p) => explainQuery(p, { queryId, analyze: true }, explainDeps));
    expect(plan).toMatchObject({
      generic: false,
      analyzed: true,
      query: "select count(*) from explain_probe",
    });
    expect(plan.plan).toMatch(/actual time/);
    const [entry] = await auditEntries(h.owner, "database.query_explained");
    expect(entry).toMatchObject({ actor_user_id: adminId, after: { queryId, analyze: true } });
  });

  it("refuses to EXPLAIN ANALYZE a write (read-only) and keeps the rows", async () => {
    const queryId = await idOf("delete from explain_probe");
    const error = await domainErrorOf(
      asAdmin((p) => explainQuery(p, { queryId, analyze: true }, explainDeps)),
    );
    expect(error.errors).toEqual([
      {
        code: "INVALID",
        field: "analyze",
        message: "This statement writes; it can only be explained without ANALYZE.",
      },
    ]);
    const [kept] = await h.owner<{ n: number }[]>`select count(*)::int as n from explain_probe`;
    expect(kept?.n).toBe(3);
    // Without ANALYZE the plan is shown (nothing runs).
    const plan = await asAdmin((p) => explainQuery(p, { queryId, analyze: false }, explainDeps));
    expect(plan.plan).toMatch(/Delete on explain_probe/);
  });

  it("stops an EXPLAIN ANALYZE at the timeout", async () => {
    const queryId = await idOf("select slow_probe()");
    const error = await domainErrorOf(
      asAdmin((p) => explainQuery(p, { queryId, analyze: true }, { explainTimeoutMs: 200 })),
    );
    expect(error.errors[0]).toMatchObject({ code: "INVALID", field: "analyze" });
    expect(error.errors[0]?.message).toMatch(/200 ms/);
  });

  it("never executes functions with effects outside the transaction", async () => {
    const queryId = await idOf("select pg_advisory_unlock_all()");
    const error = await domainErrorOf(
      asAdmin((p) => explainQuery(p, { queryId, analyze: true }, explainDeps)),
    );
    expect(error.errors[0]).toMatchObject({ code: "INVALID", field: "analyze" });
    const plan = await asAdmin((p) => explainQuery(p, { queryId, analyze: false }, explainDeps));
    expect(plan.plan).toMatch(/Result/);
  });

  it("refuses what EXPLAIN does not accept, ids it does not know, and ids that are not numbers", async () => {
    const show = await domainErrorOf(
      asAdmin(async (p) =>
        explainQuery(p, { queryId: await idOf("show search_path"), analyze: false }, explainDeps),
      ),
    );
    expect(show.errors[0]).toMatchObject({
      code: "INVALID",
      message: "Only SELECT, INSERT, UPDATE, DELETE, MERGE and VALUES can be explained.",
    });
    const unknown = await domainErrorOf(
      asAdmin((p) => explainQuery(p, { queryId: "12345", analyze: false }, explainDeps)),
    );
    expect(unknown.errors[0]).toMatchObject({ code: "NOT_FOUND", field: "queryId" });
    const bad = await domainErrorOf(
      asAdmin((p) => explainQuery(p, { queryId: "1; drop", analyze: false }, explainDeps)),
    );
    expect(bad.errors[0]).toMatchObject({ code: "INVALID", field: "queryId" });
  });
});

describe("a user who is not a platform admin", () => {
  it("gets FORBIDDEN from every action", async () => {
    const queryId = (await statementId(h.owner, "select count(*) from explain_probe")) ?? "1";
    const attempts = [
      () => asUser((p) => cancelDatabaseBackend(p, { pid: 1, terminate: false })),
      () => asUser((p) => resetQueryStats(p)),
      () => asUser((p) => analyzeTable(p, { table: "public.contacts" })),
      () => asUser((p) => explainQuery(p, { queryId, analyze: false }, explainDeps)),
    ];
    for (const attempt of attempts) {
      const error = await domainErrorOf(attempt());
      expect(error.errors[0]?.code).toBe("FORBIDDEN");
    }
  });
});
