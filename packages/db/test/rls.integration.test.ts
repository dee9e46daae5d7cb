// The tenancy proof. For every tenant table found in the catalog, the application role
// (markettina_app) sees and changes only the rows of the accounts in its scope; tenant-safe
// composite foreign keys refuse references into another account. A new table is covered the day it
// is created; until it has fixture rows (tenancy-fixtures.ts) this file fails, naming the table.
import { randomInt, randomUUID } from "node:crypto";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE } from "../src/connection.ts";
import { scopeSettingsSql, type TenantScope } from "../src/tenant-scope.ts";
import { createTestDatabase } from "../src/testing/index.ts";
import { quoteIdent as q } from "../src/testing/test-server.ts";
import { insertTenancyFixtures, type TenancyFixtures, type TenantFixture } from "./tenancy-fixtures.ts";
import {
  type CompositeForeignKey,
  discoverCompositeForeignKeys,
  discoverTenantTables,
  discoverTenantViews,
  type TenantTable,
} from "./tenant-catalog.ts";

type Row = Record<string, unknown>;

const database = await createTestDatabase();
const owner = postgres(database.ownerUrl, { max: 2, onnotice: () => {} });
const app = postgres(database.appUrl, { max: 1, onnotice: () => {} });
const tables = await discoverTenantTables(owner);
const compositeForeignKeys = await discoverCompositeForeignKeys(owner);

let fixtures: TenancyFixtures;

beforeAll(async () => {
  fixtures = await insertTenancyFixtures(owner);
});

afterAll(async () => {
  await app.end();
  await owner.end();
  await database.drop();
});

const rlsViolation = { code: "42501", message: expect.stringMatching(/violates row-level security policy/) };
const permissionDenied = { code: "42501", message: expect.stringMatching(/permission denied/) };
const foreignKeyViolation = { code: "23503" };

/** A console user of the tenant (its owner). */
function userScope(tenant: TenantFixture): TenantScope {
  return {
    accountId: tenant.accountId,
    accountIds: [tenant.accountId],
    userId: tenant.userId,
    apiKeyId: null,
  };
}

/** An integrator calling with the tenant's API key. */
function apiKeyScope(tenant: TenantFixture): TenantScope {
  return {
    accountId: tenant.accountId,
    accountIds: [tenant.accountId],
    userId: null,
    apiKeyId: tenant.apiKeyId,
  };
}

const dialect = new PgDialect();
const rolledBack = Symbol("rolled back");

/**
 * Runs `work` as markettina_app in one transaction that first applies `scope` exactly as the API
 * does (scopeSettingsSql), or sets nothing when scope is null. Always rolled back, so a statement
 * that wrongly succeeds cannot change what the other cases see.
 */
async function asApp<T>(scope: TenantScope | null, work: (tx: postgres.TransactionSql) => Promise<T>) {
  let result: T | undefined;
  await app
    .begin(async (tx) => {
      if (scope) {
        const settings = dialect.sqlToQuery(scopeSettingsSql(scope));
        await tx.unsafe(settings.sql, settings.params as string[]);
      }
      result = await work(tx);
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  return result as T;
}

async function fixtureRow(table: TenantTable, tenant: TenantFixture): Promise<Row> {
  const [found] = await owner.unsafe<{ row: Row }[]>(
    `select to_jsonb(t) as row from ${q(table.name)} t where t.${q(table.keyColumn)} = $1 order by 1 limit 1`,
    [tenant.accountId],
  );
  if (!found) {
    throw new Error(
      `tenant table ${table.name} has no fixture row for tenant ${tenant.label}: add inserts for it to ` +
        "packages/db/test/tenancy-fixtures.ts, so this test can prove its rows are isolated",
    );
  }
  return found.row;
}

function populated(table: string, alias: string, param: number): string {
  return `jsonb_populate_record(null::${q(table)}, $${param}::jsonb) ${alias}`;
}

/** UPDATE setting `columns` from the JSON row $1 on the row whose primary key is that of $2. */
function updateFromJson(table: TenantTable, columns: string[]): string {
  if (table.primaryKey.length === 0) throw new Error(`tenant table ${table.name} has no primary key`);
  const list = (alias: string, names: string[]) => names.map((c) => `${alias}.${q(c)}`).join(", ");
  return `update ${q(table.name)} as t set (${columns.map(q).join(", ")}) =
            (select ${list("r", columns)} from ${populated(table.name, "r", 1)})
           where (${list("t", table.primaryKey)}) =
            (select ${list("k", table.primaryKey)} from ${populated(table.name, "k", 2)})`;
}

function insertFromJson(table: TenantTable): string {
  return `insert into ${q(table.name)} select * from ${populated(table.name, "r", 1)}`;
}

function withNewIds(table: TenantTable, row: Row): Row {
  const copy = {
    ...row,
    ...Object.fromEntries(table.uuidPrimaryKey.map((column) => [column, randomUUID()])),
  };
  // Append-only histories number their rows per parent (unique (parent, version)): a copy of a
  // row needs a number of its own, or the unique key answers before the policy or foreign key.
  if (table.name.endsWith("_versions") && "version" in row) copy.version = 1_000_000 + randomInt(1_000_000);
  return copy;
}

// postgres.js serialises a parameter by the type the server describes: jsonb here.
const json = (row: Row) => row as postgres.JSONValue;

describe("tenant tables found in the catalog", () => {
  it("include the known tables and every partition of domain_events", () => {
    const names = tables.map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "accounts",
        "memberships",
        "invitations",
        "api_keys",
        "audit_logs",
        "idempotency_keys",
        "account_feature_flags",
        "api_rate_limits",
        "domain_events",
        "domain_events_default",
      ]),
    );
    expect(names.filter((name) => /^domain_events_\d{4}_\d{2}$/.test(name)).length).toBeGreaterThan(0);
  });
});

describe.each(tables)("tenant table $name", (table) => {
  it("has row-level security enabled and forced", () => {
    expect({ rowSecurity: table.rowSecurity, forceRowSecurity: table.forceRowSecurity }).toEqual({
      rowSecurity: true,
      forceRowSecurity: true,
    });
  });

  it("has fixture rows for tenants A and B", async () => {
    await fixtureRow(table, fixtures.A);
    await fixtureRow(table, fixtures.B);
  });

  const selectKeys = (tx: postgres.TransactionSql) =>
    tx.unsafe<{ key: string }[]>(`select distinct ${q(table.keyColumn)}::text as key from ${q(table.name)}`);

  it("shows no rows to a connection that set no tenant scope", async () => {
    const read = asApp(null, selectKeys);
    if (!table.app.selectKey) return expect(read).rejects.toMatchObject(permissionDenied);
    expect((await read).map((r) => r.key)).toEqual([]);
  });

  it("shows A's console user and A's API key only A's rows", async () => {
    await fixtureRow(table, fixtures.B);
    for (const scope of [userScope(fixtures.A), apiKeyScope(fixtures.A)]) {
      const read = asApp(scope, selectKeys);
      if (!table.app.selectKey) {
        await expect(read).rejects.toMatchObject(permissionDenied);
        continue;
      }
      // A's owner also reaches A's own client account (agency managers act in sub-accounts).
      const expected =
        table.name === "accounts" && scope.userId
          ? [fixtures.A.accountId, fixtures.A.subAccountId].sort()
          : [fixtures.A.accountId];
      expect((await read).map((r) => r.key).sort(), `scope ${JSON.stringify(scope)}`).toEqual(expected);
    }
  });

  it("rejects moving A's row to account B", async () => {
    const row = await fixtureRow(table, fixtures.A);
    const moved = { ...row, [table.keyColumn]: fixtures.B.accountId };
    const update = asApp(userScope(fixtures.A), (tx) =>
      tx.unsafe(updateFromJson(table, [table.keyColumn]), [json(moved), json(row)]),
    );
    await expect(update).rejects.toMatchObject(table.app.updateKey ? rlsViolation : permissionDenied);
  });

  it("rejects inserting, in A's scope, a copy of A's row for account B", async () => {
    const row = await fixtureRow(table, fixtures.A);
    const copy = { ...withNewIds(table, row), [table.keyColumn]: fixtures.B.accountId };
    const insert = asApp(userScope(fixtures.A), (tx) => tx.unsafe(insertFromJson(table), [json(copy)]));
    await expect(insert).rejects.toMatchObject(table.app.insert ? rlsViolation : permissionDenied);
  });
});

async function referencedRow(fk: CompositeForeignKey, tenant: TenantFixture): Promise<Row> {
  const accountColumn = fk.referencedColumns[fk.columns.indexOf("account_id")]!;
  const [found] = await owner.unsafe<{ row: Row }[]>(
    // Ordered by the referenced key, so the row chosen does not depend on heap order (rows move
    // when earlier tests update them).
    `select to_jsonb(r) as row from ${q(fk.referencedTable)} r where r.${q(accountColumn)} = $1
      order by ${fk.referencedColumns.map((c) => `r.${q(c)}`).join(", ")} limit 1`,
    [tenant.accountId],
  );
  if (!found) throw new Error(`${fk.referencedTable} has no fixture row for tenant ${tenant.label}`);
  return found.row;
}

describe("tenant-safe composite foreign keys", () => {
  it("are found in the catalog", () => {
    expect(compositeForeignKeys.map((fk) => fk.name)).not.toEqual([]);
  });

  it.each(compositeForeignKeys)(
    "$name: A's $table row cannot reference B's $referencedTable row",
    async (fk) => {
      const table = tables.find((t) => t.name === fk.table)!;
      const pointing = fk.columns.filter((c) => c !== "account_id");
      const [{ canUpdate } = { canUpdate: false }] = await owner<{ canUpdate: boolean }[]>`
      select bool_and(has_column_privilege(${APP_ROLE}, ${fk.table}::regclass, c, 'UPDATE')) as "canUpdate"
        from unnest(${pointing}::text[]) c`;
      const row = await fixtureRow(table, fixtures.A);
      const pointAt = (target: Row): Row => ({
        ...row,
        ...Object.fromEntries(pointing.map((c) => [c, target[fk.referencedColumns[fk.columns.indexOf(c)]!]])),
      });
      // The application changes a reference by UPDATE where granted, else by appending a new row.
      const write = (changed: Row) =>
        asApp(userScope(fixtures.A), (tx) =>
          canUpdate || !table.app.insert
            ? tx.unsafe(updateFromJson(table, pointing), [json(changed), json(row)])
            : tx.unsafe(insertFromJson(table), [json(withNewIds(table, changed))]),
        );
      if (!canUpdate && !table.app.insert) {
        return expect(write(pointAt(await referencedRow(fk, fixtures.B)))).rejects.toMatchObject(
          permissionDenied,
        );
      }
      // Pointing at A's own row is accepted, so the rejection below is about the other tenant.
      await write(pointAt(await referencedRow(fk, fixtures.A)));
      await expect(write(pointAt(await referencedRow(fk, fixtures.B)))).rejects.toMatchObject(
        foreignKeyViolation,
      );
    },
  );
});

describe("users (installation-wide identities)", () => {
  it("has row-level security enabled and forced", async () => {
    const [users] = await owner`
      select relrowsecurity as "rowSecurity", relforcerowsecurity as "forceRowSecurity"
        from pg_class where oid = 'public.users'::regclass`;
    expect(users).toEqual({ rowSecurity: true, forceRowSecurity: true });
  });

  const visibleUsers = (scope: TenantScope | null) =>
    asApp(scope, (tx) => tx<{ id: string }[]>`select id from users order by email`).then((rows) =>
      rows.map((r) => r.id).filter((id) => id === fixtures.A.userId || id === fixtures.B.userId),
    );

  it("hides from A's user a user who is only a member of B", async () => {
    expect(await visibleUsers(userScope(fixtures.A))).toEqual([fixtures.A.userId]);
  });

  it("shows A's API key A's members only", async () => {
    expect(await visibleUsers(apiKeyScope(fixtures.A))).toEqual([fixtures.A.userId]);
  });

  it("lets a user update their own name but never make anyone a platform admin", async () => {
    const scope = userScope(fixtures.A);
    await asApp(scope, (tx) => tx`update users set name = 'Renamed' where id = ${fixtures.A.userId}`);
    await expect(
      asApp(scope, (tx) => tx`update users set is_platform_admin = true where id = ${fixtures.A.userId}`),
    ).rejects.toMatchObject({ code: "42501" });
    await expect(
      asApp(
        null,
        (tx) =>
          tx`insert into users (id, email, name, is_platform_admin) values (gen_random_uuid(), 'x@example.com', 'X', true)`,
      ),
    ).rejects.toMatchObject({ code: "42501" });
  });

  it("shows no user to a connection that set no scope", async () => {
    const [{ n } = { n: -1 }] = await asApp(
      null,
      (tx) => tx<{ n: number }[]>`select count(*)::int as n from users`,
    );
    expect(n).toBe(0);
  });
});

describe("views over tenant rows", () => {
  it("are not readable by the app role unless they run with the caller's rights", async () => {
    const exposed = (await discoverTenantViews(owner)).filter(
      (v) => v.appCanSelect && (v.kind === "materialized view" || !v.securityInvoker),
    );
    // A view runs with its owner's rights (bypassing RLS) unless security_invoker; a materialized
    // view has no RLS at all. Either must be reached through a SECURITY DEFINER function instead.
    expect(exposed.map((v) => `${v.kind} ${v.name}`)).toEqual([]);
  });
});

describe("health samples (installation-wide, operators only)", () => {
  it("lets the worker append samples that only a platform admin can read, and nobody change", async () => {
    const [admin] = await owner<{ id: string }[]>`
      insert into users (id, email, name, is_platform_admin)
      values (gen_random_uuid(), ${`ops-${randomUUID()}@example.com`}, 'Ops', true) returning id`;
    const adminScope: TenantScope = { accountId: null, accountIds: [], userId: admin!.id, apiKeyId: null };
    const sample = (tx: postgres.TransactionSql) => tx`
      insert into health_samples (id, status, round_trip_ms, connections_total, connections_active,
        connections_idle_in_transaction, max_connections, database_bytes, queue_depth, failed_jobs,
        blocked_queries, transaction_id_age, checks)
      values (gen_random_uuid(), 'healthy', 1, 5, 1, 0, 100, 1000, 0, 0, 0, 10, '{}')`;
    const count = (tx: postgres.TransactionSql) =>
      tx<{ n: number }[]>`select count(*)::int as n from health_samples`.then((rows) => rows[0]!.n);

    const appendThenCount = async (tx: postgres.TransactionSql) => {
      await sample(tx);
      return count(tx);
    };
    // The worker (no principal) may append; it reads nothing back, nor does a tenant's user.
    expect(await asApp(null, appendThenCount)).toBe(0);
    expect(await asApp(userScope(fixtures.A), appendThenCount)).toBe(0);
    expect(await asApp(adminScope, appendThenCount)).toBe(1);
    await expect(
      asApp(adminScope, (tx) => tx`update health_samples set status = 'unhealthy'`),
    ).rejects.toMatchObject(permissionDenied);
    await expect(asApp(adminScope, (tx) => tx`delete from health_samples`)).rejects.toMatchObject(
      permissionDenied,
    );
  });
});
