// Index usage of our schemas (public and pg-boss's): which indexes are never scanned, which are
// made redundant by another, which are invalid (a failed CREATE INDEX CONCURRENTLY); and which
// foreign keys have no index on the referencing side (deleting or updating a referenced row then
// scans the whole referencing table, under lock).
import type { Executor } from "@markettina/db";
import { sql } from "drizzle-orm";
import { makeCheck } from "./grade.ts";
import { exclusivelyLockedRelations, pageBytes } from "./locked-relations.ts";
import type { ForeignKeyWithoutIndex, HealthCheck, IndexStat } from "./report.ts";
import type { HealthThresholds } from "./thresholds.ts";

// Raw rows: drizzle leaves bigints as text.
interface IndexRow {
  schema: string;
  table: string;
  name: string;
  bytes: string;
  scans: string;
  unique: boolean;
  primary: boolean;
  valid: boolean;
  /** Backs an exclusion constraint: never scanned perhaps, but not unused. */
  enforces: boolean;
  definition: string;
  method: string;
  /** Key columns' attnums (0 for an expression), then their operator classes, collations, options. */
  keys: number[];
  included: number[];
  classes: string[];
  collations: string[];
  options: number[];
  expressions: string | null;
  predicate: string | null;
}

/** Every index of ours, largest first, with whether it is unused and what makes it redundant. */
export async function collectIndexes(db: Executor, t: HealthThresholds): Promise<IndexStat[]> {
  // An index under an exclusive lock (or on a table under one) gets its size from the catalog and
  // no definition: measuring or deparsing it would wait for the lock.
  const rows = await db.execute<IndexRow>(sql`
    with locked as (${exclusivelyLockedRelations}),
    stat as (
      select s.*, s.indexrelid in (select relation from locked) or s.relid in (select relation from locked) as busy
        from pg_stat_user_indexes s
       where s.schemaname in ('public', 'pgboss')
    )
    select s.schemaname as schema, s.relname as table, s.indexrelname as name,
           case when s.busy then i.relpages * ${pageBytes} else pg_relation_size(s.indexrelid) end as bytes,
           s.idx_scan as scans,
           x.indisunique as unique, x.indisprimary as primary, x.indisvalid as valid,
           exists (select 1 from pg_constraint con
                    where con.conindid = x.indexrelid and con.contype = 'x') as enforces,
           case when s.busy then format('(not read: %I.%I is locked)', s.schemaname, s.relname)
                else pg_get_indexdef(s.indexrelid) end as definition,
           am.amname as method,
           (x.indkey::int2[])[0:x.indnkeyatts - 1]::int[] as keys,
           coalesce((x.indkey::int2[])[x.indnkeyatts:x.indnatts - 1]::int[], '{}') as included,
           -- Sliced: these vectors start at subscript 0, which the driver does not parse.
           (x.indclass::oid[])[0:x.indnkeyatts - 1]::text[] as classes,
           (x.indcollation::oid[])[0:x.indnkeyatts - 1]::text[] as collations,
           (x.indoption::int2[])[0:x.indnkeyatts - 1]::int[] as options,
           -- Compared, not shown: the stored trees without the positions in the CREATE INDEX text
           -- (pg_get_expr would wait for a lock on the table).
           regexp_replace(x.indexprs::text, ':location -?[0-9]+', '', 'g') as expressions,
           regexp_replace(x.indpred::text, ':location -?[0-9]+', '', 'g') as predicate
      from stat s
      join pg_index x on x.indexrelid = s.indexrelid
      join pg_class i on i.oid = s.indexrelid
      join pg_am am on am.oid = i.relam
     order by bytes desc, s.schemaname, s.relname, s.indexrelname`);

  const byTable = Map.groupBy(rows, (r) => `${r.schema}.${r.table}`);
  return rows.map((r) => {
    const bytes = Number(r.bytes);
    const scans = Number(r.scans);
    const required = r.unique || r.primary || r.enforces;
    return {
      schema: r.schema,
      table: r.table,
      name: r.name,
      bytes,
      scans,
      unique: r.unique,
      primary: r.primary,
      valid: r.valid,
      unused: scans === 0 && !required && r.valid && bytes >= t.unusedIndexMinBytes,
      duplicateOf:
        required || !r.valid
          ? null
          : (coveringIndex(r, byTable.get(`${r.schema}.${r.table}`) ?? [])?.name ?? null),
      definition: r.definition,
    };
  });
}

/** Another valid index of the same table that answers every lookup `index` answers: same method,
 * expressions and predicate, and key columns (with their operator classes, collations and order)
 * that start with all of `index`'s. Of two identical indexes only one is redundant: the one with
 * the later name, unless the other is unique (the unique one must stay). As PgHero does; of
 * several, the closest is named (fewest key columns, a unique one first). Other methods than
 * btree: identical indexes only. */
function coveringIndex(index: IndexRow, siblings: readonly IndexRow[]): IndexRow | undefined {
  const n = index.keys.length;
  const startsWith = <T>(a: readonly T[], b: readonly T[]) => b.every((v, i) => a[i] === v);
  const rank = (i: IndexRow) => i.keys.length * 2 + (i.unique || i.primary ? 0 : 1);
  const covering = siblings.filter(
    (other) =>
      other.name !== index.name &&
      other.valid &&
      other.method === index.method &&
      other.expressions === index.expressions &&
      other.predicate === index.predicate &&
      // Only a btree answers lookups on its leading columns alone.
      (index.method === "btree" ? other.keys.length >= n : other.keys.length === n) &&
      startsWith(other.keys, index.keys) &&
      startsWith(other.classes, index.classes.slice(0, n)) &&
      startsWith(other.collations, index.collations.slice(0, n)) &&
      startsWith(other.options, index.options.slice(0, n)) &&
      // INCLUDE columns make index-only scans possible: the other must carry them too.
      index.included.every((attnum) => other.keys.includes(attnum) || other.included.includes(attnum)) &&
      (other.keys.length > n || other.unique || other.primary || other.name < index.name),
  );
  return covering.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))[0];
}

interface ForeignKeyRow {
  table: string;
  constraint: string;
  columns: string[];
  referenced_table: string;
  table_rows: string;
}

/** Foreign keys of public's tables with no index whose leading key columns are the key's columns
 * (in any order). A partial index counts only when its predicate merely says the key's columns are
 * not null: the lookups a foreign key makes (col = value) imply that. */
export async function collectForeignKeysWithoutIndex(db: Executor): Promise<ForeignKeyWithoutIndex[]> {
  const rows = await db.execute<ForeignKeyRow>(sql`
    with locked as (${exclusivelyLockedRelations}),
    fk as (
      select con.conname, con.conrelid, con.confrelid, con.conkey,
             array(select a.attname::text
                     from unnest(con.conkey) with ordinality k(attnum, ord)
                     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
                    order by k.ord) as columns
        from pg_constraint con
        join pg_namespace n on n.oid = con.connamespace
       -- conparentid = 0: a partitioned table's key once, not again for each partition.
       where con.contype = 'f' and n.nspname = 'public' and con.conparentid = 0
    )
    select format('%I.%I', tn.nspname, t.relname) as table, fk.conname as constraint, fk.columns,
           format('%I.%I', rn.nspname, r.relname) as referenced_table,
           -- reltuples is -1 until the first ANALYZE; the live-row counter fills the gap.
           greatest(t.reltuples, coalesce(st.n_live_tup, 0), 0)::bigint as table_rows
      from fk
      join pg_class t on t.oid = fk.conrelid
      left join pg_stat_user_tables st on st.relid = t.oid
      join pg_namespace tn on tn.oid = t.relnamespace
      join pg_class r on r.oid = fk.confrelid
      join pg_namespace rn on rn.oid = r.relnamespace
     where not exists (
       select 1 from pg_index i
        where i.indrelid = fk.conrelid and i.indisvalid
          and i.indnkeyatts >= cardinality(fk.conkey)
          and (i.indkey::int2[])[0:cardinality(fk.conkey) - 1] @> fk.conkey
          -- The predicate is read from pg_get_indexdef, which waits for a lock on the table: while
          -- the table is locked exclusively, a partial index is given the benefit of the doubt.
          and case when i.indpred is null then true
                   when i.indrelid in (select relation from locked) or i.indexrelid in (select relation from locked)
                   then true
                   else not exists (
                     select 1
                       from regexp_split_to_table(substring(pg_get_indexdef(i.indexrelid) from ' WHERE (.*)$'), ' AND ') p(term)
                      where btrim(p.term, '() ') not in (
                        select quote_ident(c) || ' IS NOT NULL' from unnest(fk.columns) c))
              end)
     order by 1, 2`);
  return rows.map((r) => ({
    table: r.table,
    constraint: r.constraint,
    columns: r.columns,
    referencedTable: r.referenced_table,
    tableRows: Number(r.table_rows),
  }));
}

/** unused_indexes, duplicate_indexes, invalid_indexes, foreign_keys_without_index. */
export function indexChecks(
  indexes: readonly IndexStat[],
  foreignKeys: readonly ForeignKeyWithoutIndex[],
  t: HealthThresholds,
): HealthCheck[] {
  const unused = indexes.filter((i) => i.unused);
  const duplicates = indexes.filter((i) => i.duplicateOf !== null);
  const invalid = indexes.filter((i) => !i.valid);
  const costly = foreignKeys.filter((k) => k.tableRows >= t.foreignKeyTableMinRows);
  const name = (i: IndexStat) => `${i.schema}.${i.name}`;
  return [
    makeCheck({
      key: "unused_indexes",
      label: "Unused indexes",
      value: unused.length,
      unit: "count",
      direction: "above",
      threshold: t.unusedIndexes,
      message: unused.length
        ? `Never scanned since the statistics were reset: ${list(unused.map(name))}`
        : `Every index of ${mebibytes(t.unusedIndexMinBytes)} or more was scanned`,
    }),
    makeCheck({
      key: "duplicate_indexes",
      label: "Duplicate indexes",
      value: duplicates.length,
      unit: "count",
      direction: "above",
      threshold: t.duplicateIndexes,
      message: duplicates.length
        ? `Made redundant by another index: ${list(duplicates.map((i) => `${name(i)} (by ${i.duplicateOf})`))}`
        : "No index is made redundant by another",
    }),
    makeCheck({
      key: "invalid_indexes",
      label: "Invalid indexes",
      value: invalid.length,
      unit: "count",
      direction: "above",
      threshold: t.invalidIndexes,
      message: invalid.length
        ? `Invalid (a failed or running CREATE INDEX CONCURRENTLY): ${list(invalid.map(name))}`
        : "Every index is valid",
    }),
    // Graded on the tables where it costs something: a parent's delete or key update scans the
    // referencing table, which is nothing on a few thousand rows. The list shows them all.
    makeCheck({
      key: "foreign_keys_without_index",
      label: "Foreign keys without an index",
      value: costly.length,
      unit: "count",
      direction: "above",
      threshold: t.foreignKeysWithoutIndex,
      message: costly.length
        ? `No index on the referencing columns of a table over ${t.foreignKeyTableMinRows.toLocaleString("en")} rows: ${list(costly.map((k) => `${k.table} (${k.columns.join(", ")})`))}`
        : foreignKeys.length
          ? `${foreignKeys.length} foreign keys have no index, all on tables under ${t.foreignKeyTableMinRows.toLocaleString("en")} rows`
          : "Every foreign key has an index on its referencing columns",
    }),
  ];
}

/** Up to three names, then how many more. */
function list(names: readonly string[]): string {
  const shown = names.slice(0, 3).join(", ");
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
}
