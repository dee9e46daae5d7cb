// Time PostgreSQL spent executing a database's statements, from pg_stat_statements (loaded by the
// embedded server; the migrations create the extension): read before and after a turn, the
// difference over the turn's operations is the server's execution time per operation. Top-level
// statements only (a trigger's statements are inside their statement's time); parse and plan time
// are not included (pg_stat_statements.track_planning is off).
import { createClient } from "../../packages/db/src/index.ts";

export interface ServerClock {
  /** Milliseconds of execution so far in `database`, or null without pg_stat_statements. */
  read: (database: string) => Promise<number | null>;
  close: () => Promise<void>;
}

export function serverClock(ownerUrl: string): ServerClock {
  const owner = createClient(ownerUrl, { max: 1 });
  let available = true;
  return {
    read: async (database) => {
      if (!available) return null;
      try {
        const [row] = await owner.sql<{ ms: number }[]>`
          select coalesce(sum(s.total_exec_time), 0)::float8 as ms
            from pg_stat_statements s join pg_database d on d.oid = s.dbid
           where d.datname = ${database} and s.toplevel and s.query not like '%pg_stat_statements%'`;
        return row!.ms;
      } catch {
        available = false;
        return null;
      }
    },
    close: () => owner.close(),
  };
}
