import { sql } from "drizzle-orm";

/** The relations of this database someone holds or awaits an ACCESS EXCLUSIVE lock on (ALTER
 * TABLE, TRUNCATE, DROP, a plain REFRESH MATERIALIZED VIEW, LOCK TABLE), as a subquery of oids.
 * Measuring a relation's size takes an ACCESS SHARE lock, which would queue behind that one: the
 * report must answer during exactly such an incident, so the collectors estimate these sizes from
 * the catalog instead. */
export const exclusivelyLockedRelations = sql`
  select l.relation from pg_locks l
   where l.locktype = 'relation' and l.mode = 'AccessExclusiveLock'
     and l.database = (select d.oid from pg_database d where d.datname = current_database())`;

/** Bytes per page: times pg_class.relpages (as of the last VACUUM or ANALYZE), an estimated size. */
export const pageBytes = sql`current_setting('block_size')::bigint`;
