import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type Relations, relations } from "./relations.ts";

export type Database = PostgresJsDatabase<Relations>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the pool or an open transaction: domain operations accept both. */
export type Executor = Database | Transaction;

export interface DatabaseClient {
  db: Database;
  sql: postgres.Sql;
  close: () => Promise<void>;
}

export interface ClientOptions {
  max?: number;
  /** Called with each SQL statement's text: the tests count statements per request with it. */
  onQuery?: (query: string) => void;
}

export function createClient(url: string, options: ClientOptions = {}): DatabaseClient {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: "markettina" },
    debug: options.onQuery ? (_conn, query) => options.onQuery?.(query) : undefined,
  });
  const db = drizzle({ client: sql, relations });
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}
