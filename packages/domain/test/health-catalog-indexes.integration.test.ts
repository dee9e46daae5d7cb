// The health report's index checks on real PostgreSQL, each with the database put into the state
// it detects and back: an index never scanned, one made redundant by another, one left invalid by
// a failed CREATE INDEX CONCURRENTLY, a foreign key without an index. Fixtures are made by the
// owner; the collectors run as the application role, as the report does.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HealthThresholds } from "../src/health/index.ts";
import { collectForeignKeysWithoutIndex, collectIndexes, indexChecks } from "../src/health/indexes.ts";
import { DEFAULT_HEALTH_THRESHOLDS } from "../src/health/thresholds.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";
import { check, ownerFlushing, SETTLE } from "./support/health-catalog-fixtures.ts";

let h: DomainHarness;
const T = DEFAULT_HEALTH_THRESHOLDS;

beforeAll(async () => {
  h = await startDomainHarness();
});

afterAll(async () => {
  await h?.close();
});

async function indexReport(t: HealthThresholds = T) {
  const indexes = await collectIndexes(h.db, t);
  const foreignKeys = await collectForeignKeysWithoutIndex(h.db);
  return { indexes, foreignKeys, checks: indexChecks(indexes, foreignKeys, t) };
}

describe("indexes", () => {
  it("finds an index never scanned, until a query uses it", async () => {
    await h.owner.unsafe(`
      create table health_unused (id int primary key, v int not null);
      insert into health_unused select i, i from generate_series(1, 100000) i;
      create index health_unused_v_idx on health_unused (v);
      analyze health_unused`);

    const before = await indexReport();
    const index = before.indexes.find((i) => i.name === "health_unused_v_idx");
    expect(index).toMatchObject({ schema: "public", table: "health_unused", scans: 0, unused: true });
    expect(index?.bytes).toBeGreaterThanOrEqual(T.unusedIndexMinBytes);
    // The primary key is never scanned either, but it is required, not unused.
    expect(before.indexes.find((i) => i.name === "health_unused_pkey")?.unused).toBe(false);
    expect(check(before.checks, "unused_indexes")).toMatchObject({ status: "warn", value: 1 });
    expect(check(before.checks, "unused_indexes").message).toContain("public.health_unused_v_idx");

    await ownerFlushing(
      h.owner,
      `set local enable_seqscan = off; select count(*) from health_unused where v = 42`,
    );
    await vi.waitFor(async () => {
      const after = await indexReport();
      expect(after.indexes.find((i) => i.name === "health_unused_v_idx")).toMatchObject({ unused: false });
      expect(check(after.checks, "unused_indexes")).toMatchObject({ status: "pass", value: 0 });
    }, SETTLE);
    await h.owner`drop table health_unused`;
  });

  it("marks an index whose columns lead another index as redundant, and one of two identical ones", async () => {
    // Our own schema may have some: the check is graded around them here.
    const baseline = (await indexReport()).indexes.filter((i) => i.duplicateOf !== null).length;
    const t = { ...T, duplicateIndexes: { warn: baseline + 1, fail: baseline + 10 } };
    expect(check((await indexReport(t)).checks, "duplicate_indexes")).toMatchObject({
      status: "pass",
      value: baseline,
    });

    await h.owner.unsafe(`
      create table health_dup (a int, b int, c int);
      create index health_dup_a_idx on health_dup (a);
      create index health_dup_a_b_idx on health_dup (a, b);
      create index health_dup_c_1 on health_dup (c);
      create index health_dup_c_2 on health_dup (c);
      create unique index health_dup_b_key on health_dup (b);
      create index health_dup_b_idx on health_dup (b);
      create index health_dup_b_c_idx on health_dup (b, c);
      create index health_dup_b_desc_idx on health_dup (b desc, a);
      create index health_dup_lower_idx on health_dup ((a + 1)) where c > 0`);

    const after = await indexReport(t);
    const duplicateOf = Object.fromEntries(
      after.indexes.filter((i) => i.table === "health_dup").map((i) => [i.name, i.duplicateOf]),
    );
    expect(duplicateOf).toEqual({
      health_dup_a_idx: "health_dup_a_b_idx",
      health_dup_a_b_idx: null,
      health_dup_c_1: null,
      health_dup_c_2: "health_dup_c_1",
      // A unique index enforces something: never redundant, even beside an identical one.
      health_dup_b_key: null,
      health_dup_b_idx: "health_dup_b_key",
      health_dup_b_c_idx: null,
      health_dup_b_desc_idx: null,
      health_dup_lower_idx: null,
    });
    const duplicates = check(after.checks, "duplicate_indexes");
    expect(duplicates).toMatchObject({ status: "warn", value: baseline + 3 });
    expect(duplicates.message).toContain("public.health_dup_a_idx (by health_dup_a_b_idx)");
    await h.owner`drop table health_dup`;
  });

  it("reports the index a failed CREATE UNIQUE INDEX CONCURRENTLY leaves invalid, until it is dropped", async () => {
    expect(check((await indexReport()).checks, "invalid_indexes")).toMatchObject({
      status: "pass",
      value: 0,
    });
    await h.owner.unsafe(`
      create table health_invalid (v int);
      insert into health_invalid values (1), (1), (2)`);
    await expect(
      h.owner.unsafe("create unique index concurrently health_invalid_v_key on health_invalid (v)"),
    ).rejects.toMatchObject({ code: "23505" });

    const after = await indexReport();
    expect(after.indexes.find((i) => i.name === "health_invalid_v_key")).toMatchObject({
      valid: false,
      unused: false,
      duplicateOf: null,
    });
    const invalid = check(after.checks, "invalid_indexes");
    expect(invalid).toMatchObject({ status: "fail", value: 1 });
    expect(invalid.message).toContain("public.health_invalid_v_key");

    await h.owner`drop index health_invalid_v_key`;
    expect(check((await indexReport()).checks, "invalid_indexes")).toMatchObject({
      status: "pass",
      value: 0,
    });
    await h.owner`drop table health_invalid`;
  });

  it("lists a foreign key with no index leading with its columns, until one is made", async () => {
    const baseline = (await indexReport()).foreignKeys.length;
    // Our own schema has some (on small tables): the check is graded around them here, on every
    // table whatever its size.
    const t = {
      ...T,
      foreignKeyTableMinRows: 0,
      foreignKeysWithoutIndex: { warn: baseline + 1, fail: baseline + 10 },
    };
    await h.owner.unsafe(`
      create table health_parent (a int, b int, primary key (a, b));
      create table health_child (id int primary key, a int, b int,
        constraint health_child_parent_fk foreign key (a, b) references health_parent);
      create table health_sibling (id int primary key, a int, b int,
        constraint health_sibling_parent_fk foreign key (a, b) references health_parent);
      -- Leading columns in another order, then more: enough.
      create index health_sibling_b_a_idx on health_sibling (b, a, id);
      -- Not enough: the key's columns are not all leading, or the predicate hides rows.
      create index health_child_a_id_b_idx on health_child (a, id, b);
      create index health_child_a_b_partial_idx on health_child (a, b) where id > 0`);

    const missing = await indexReport(t);
    expect(missing.foreignKeys.filter((k) => k.table.startsWith("public.health_"))).toEqual([
      {
        table: "public.health_child",
        constraint: "health_child_parent_fk",
        columns: ["a", "b"],
        referencedTable: "public.health_parent",
        tableRows: 0,
      },
    ]);
    const fks = check(missing.checks, "foreign_keys_without_index");
    expect(fks).toMatchObject({ status: "warn", value: baseline + 1 });
    // By default only tables of 10,000 rows or more are graded: an empty one is listed, not counted.
    const byDefault = await indexReport();
    expect(byDefault.foreignKeys.some((k) => k.constraint === "health_child_parent_fk")).toBe(true);
    expect(check(byDefault.checks, "foreign_keys_without_index").value).toBe(
      byDefault.foreignKeys.filter((k) => k.tableRows >= 10_000).length,
    );
    await h.owner`insert into health_parent values (1, 1)`;
    await h.owner`insert into health_child select i, 1, 1 from generate_series(1, 10000) i`;
    await h.owner`analyze health_child`;
    const big = await indexReport({ ...T, foreignKeysWithoutIndex: { warn: 1, fail: 1000 } });
    expect(big.foreignKeys.find((k) => k.constraint === "health_child_parent_fk")?.tableRows).toBe(10_000);
    expect(check(big.checks, "foreign_keys_without_index")).toMatchObject({ status: "warn" });
    expect(check(big.checks, "foreign_keys_without_index").message).toContain("public.health_child (a, b)");

    // A partial index that only leaves out rows with a null key serves the key's lookups.
    await h.owner`create index health_child_a_b_idx on health_child (a, b) where a is not null and b is not null`;
    const indexed = await indexReport(t);
    expect(indexed.foreignKeys.some((k) => k.constraint === "health_child_parent_fk")).toBe(false);
    expect(check(indexed.checks, "foreign_keys_without_index")).toMatchObject({
      status: "pass",
      value: baseline,
    });
    await h.owner.unsafe("drop table health_child, health_sibling, health_parent");
  });
});
