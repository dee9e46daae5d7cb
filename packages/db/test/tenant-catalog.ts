// Finds the tenant tables and tenant-safe foreign keys from the PostgreSQL catalog, so the RLS
// test covers a table the day it is created, without anyone having to list it.
import type postgres from "postgres";
import { APP_ROLE } from "../src/connection.ts";

export interface TenantTable {
  name: string;
  /** The column policies compare with app.account_ids(): account_id, or id for accounts. */
  keyColumn: string;
  primaryKey: string[];
  /** Primary-key columns of type uuid, renewed when a test copies a row. */
  uuidPrimaryKey: string[];
  isPartition: boolean;
  rowSecurity: boolean;
  forceRowSecurity: boolean;
  /** What markettina_app was granted (grants decide whether a test expects RLS or "permission denied"). */
  app: { selectKey: boolean; insert: boolean; updateKey: boolean };
}

export interface CompositeForeignKey {
  name: string;
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
}

export interface ExposedRelation {
  name: string;
  kind: "view" | "materialized view";
  securityInvoker: boolean;
  appCanSelect: boolean;
}

/** Every table in public with an account_id column, partitions included, plus accounts (keyed by id). */
export async function discoverTenantTables(sql: postgres.Sql): Promise<TenantTable[]> {
  return sql<TenantTable[]>`
    select c.relname as name,
           k.key_column as "keyColumn",
           coalesce(pk.columns, '{}') as "primaryKey",
           coalesce(pk.uuid_columns, '{}') as "uuidPrimaryKey",
           c.relispartition as "isPartition",
           c.relrowsecurity as "rowSecurity",
           c.relforcerowsecurity as "forceRowSecurity",
           jsonb_build_object(
             'selectKey', has_column_privilege(${APP_ROLE}, c.oid, k.key_column, 'SELECT'),
             'insert', has_table_privilege(${APP_ROLE}, c.oid, 'INSERT'),
             'updateKey', has_column_privilege(${APP_ROLE}, c.oid, k.key_column, 'UPDATE')
           ) as app
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     cross join lateral (
       select case when c.relname = 'accounts' then 'id' else 'account_id' end as key_column
     ) k
      left join lateral (
        select array_agg(a.attname::text order by u.ord) as columns,
               array_agg(a.attname::text order by u.ord) filter (where a.atttypid = 'uuid'::regtype
                 and a.attname <> k.key_column) as uuid_columns
          from pg_constraint con
         cross join unnest(con.conkey) with ordinality u(attnum, ord)
          join pg_attribute a on a.attrelid = con.conrelid and a.attnum = u.attnum
         where con.conrelid = c.oid and con.contype = 'p'
      ) pk on true
     where n.nspname = 'public'
       and c.relkind in ('r', 'p')
       and (c.relname = 'accounts' or exists (
             select 1 from pg_attribute a
              where a.attrelid = c.oid and a.attname = 'account_id' and a.attnum > 0 and not a.attisdropped))
     order by c.relname`;
}

/** Foreign keys over more than one column, one of them account_id: the tenant-safe references. */
export async function discoverCompositeForeignKeys(sql: postgres.Sql): Promise<CompositeForeignKey[]> {
  return sql<CompositeForeignKey[]>`
    select con.conname as name,
           c.relname as table,
           array(select a.attname::text from unnest(con.conkey) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = u.attnum
                  order by u.ord) as columns,
           r.relname as "referencedTable",
           array(select a.attname::text from unnest(con.confkey) with ordinality u(attnum, ord)
                   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = u.attnum
                  order by u.ord) as "referencedColumns"
      from pg_constraint con
      join pg_class c on c.oid = con.conrelid
      join pg_class r on r.oid = con.confrelid
      join pg_namespace n on n.oid = c.relnamespace
     where con.contype = 'f'
       and n.nspname = 'public'
       and cardinality(con.conkey) > 1
       -- A partition's copy of its parent's key is exercised through the parent.
       and con.conparentid = 0
       and exists (select 1 from pg_attribute a
                    where a.attrelid = con.conrelid and a.attnum = any (con.conkey) and a.attname = 'account_id')
     order by c.relname, con.conname`;
}

/** Views and materialized views with an account_id column: RLS does not apply to them by itself. */
export async function discoverTenantViews(sql: postgres.Sql): Promise<ExposedRelation[]> {
  return sql<ExposedRelation[]>`
    select c.relname as name,
           case c.relkind when 'v' then 'view' else 'materialized view' end as kind,
           coalesce('security_invoker=true' = any (c.reloptions), false)
             or coalesce('security_invoker=on' = any (c.reloptions), false) as "securityInvoker",
           has_table_privilege(${APP_ROLE}, c.oid, 'SELECT') as "appCanSelect"
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public'
       and c.relkind in ('v', 'm')
       and exists (select 1 from pg_attribute a
                    where a.attrelid = c.oid and a.attname = 'account_id' and a.attnum > 0 and not a.attisdropped)
     order by c.relname`;
}

/** Each partition of a range-partitioned table with a time inside it (the default: far past). */
export async function partitionSampleTimes(
  sql: postgres.Sql,
  parent: string,
): Promise<{ partition: string; at: string }[]> {
  return sql<{ partition: string; at: string }[]>`
    select p.partition,
           coalesce((p.lower_bound::timestamptz + interval '1 hour')::text, '1990-01-15 00:00:00+00') as at
      from (select c.relname as partition,
                   (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']+)''\\)'))[1] as lower_bound
              from pg_inherits i join pg_class c on c.oid = i.inhrelid
             where i.inhparent = ${parent}::regclass) p
     order by p.partition`;
}
