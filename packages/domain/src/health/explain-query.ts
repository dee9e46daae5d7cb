// A platform admin asks for the plan of a statement from the top-queries list. The statement is
// looked up in pg_stat_statements by queryid: the client names a statement, it never sends SQL.
// EXPLAIN runs in a savepoint that is read-only, under a statement timeout, and always rolled
// back, so even EXPLAIN ANALYZE (which executes the statement) can neither write nor keep anything.
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";
import type { HealthDeps } from "./deps.ts";
import { sqlState } from "./sql-state.ts";
import { findStatStatements } from "./stat-statements.ts";

export interface QueryPlan {
  queryId: string;
  query: string;
  /** EXPLAIN's text output. */
  plan: string;
  /** Whether the statement was executed (EXPLAIN ANALYZE), read-only and rolled back. */
  analyzed: boolean;
  /** Whether the plan is a generic one (the statement has $n parameters). */
  generic: boolean;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export const ExplainQueryInput = z.object({
  // A decimal string: pg_stat_statements' queryid is a signed 64-bit integer (too big for a number).
  queryId: z
    .string()
    .trim()
    .refine(
      (id) => /^-?\d{1,19}$/.test(id) && BigInt(id) >= INT64_MIN && BigInt(id) <= INT64_MAX,
      "A query id is a 64-bit integer, e.g. -4811224547411203546.",
    ),
  analyze: z.boolean(),
});

/** Statement kinds EXPLAIN accepts and we allow. */
const EXPLAINABLE = new Set(["select", "with", "insert", "update", "delete", "merge", "values", "table"]);

/** Functions whose effects escape the transaction (signals, advisory locks, notifications,
 * sequences, large objects, remote databases, our own admin functions): never executed. */
const OUTSIDE_EFFECTS =
  /(?:^|[^\w$])"?(pg_cancel_backend|pg_terminate_backend|pg_stat_statements_reset|set_config|pg_advisory\w*|pg_try_advisory\w*|pg_notify|nextval|setval|dblink\w*|lo_\w+|health_\w+)"?\s*\(/i;

/** A $n placeholder (pg_stat_statements also writes constants as $n). */
const PARAMETER = /(?:^|[^\w$])\$\d+/;

/** Thrown to roll the EXPLAIN's savepoint back while carrying its result out. */
class RolledBack extends Error {
  readonly plan: string;
  constructor(plan: string) {
    super("rolled back");
    this.plan = plan;
  }
}

/** Platform admins only; audited. The statement is looked up by queryId in pg_stat_statements:
 * never SQL sent by the client. */
export async function explainQuery(
  platform: PlatformContext,
  raw: { queryId: string; analyze: boolean },
  deps: Pick<HealthDeps, "explainTimeoutMs">,
): Promise<QueryPlan> {
  await requirePlatformAdmin(platform.tx);
  const { queryId, analyze } = parseInput(ExplainQueryInput, raw);
  const extension =
    (await findStatStatements(platform.tx)) ??
    fail("INVALID", "pg_stat_statements is not installed on this database server.");
  const query = await findStatement(platform, extension.schema, queryId);
  if (query === null)
    return fail("NOT_FOUND", "No statement with that query id in this database.", "queryId");

  const keyword = firstKeyword(query);
  if (!EXPLAINABLE.has(keyword)) {
    fail("INVALID", "Only SELECT, INSERT, UPDATE, DELETE, MERGE and VALUES can be explained.", "queryId");
  }
  const generic = PARAMETER.test(query);
  if (generic) {
    if (extension.serverVersion < 160_000) {
      fail("INVALID", "Statements with parameters can be explained from PostgreSQL 16 on.", "queryId");
    }
    if (analyze) {
      fail(
        "INVALID",
        "A statement with parameters cannot be executed: explain it without ANALYZE.",
        "analyze",
      );
    }
  }
  if (analyze && OUTSIDE_EFFECTS.test(query)) {
    fail(
      "INVALID",
      "This statement calls functions with effects outside the database: explain it without ANALYZE.",
      "analyze",
    );
  }

  const options = analyze
    ? "(ANALYZE, BUFFERS, FORMAT TEXT)"
    : generic
      ? "(GENERIC_PLAN, FORMAT TEXT)"
      : "(FORMAT TEXT)";
  const timeoutMs = Math.max(1, Math.round(deps.explainTimeoutMs));
  let plan: string;
  try {
    await platform.tx.transaction(async (sp) => {
      // Read-only: an EXPLAIN ANALYZE of a write fails instead of writing. The savepoint is always
      // rolled back (RolledBack below), which also undoes both settings.
      await sp.execute(sql`set local transaction_read_only = on`);
      await sp.execute(sql`select set_config('statement_timeout', ${String(timeoutMs)}, true)`);
      // sql.raw: the text comes from pg_stat_statements (statements this database ran), looked up
      // by id above; nothing of it comes from the client.
      const rows = await sp.execute<{ "QUERY PLAN": string }>(sql.raw(`explain ${options} ${query}`));
      throw new RolledBack(rows.map((row) => row["QUERY PLAN"]).join("\n"));
    });
    throw new Error("unreachable: the EXPLAIN savepoint always rolls back");
  } catch (error) {
    if (!(error instanceof RolledBack)) return explainFailed(error, analyze, timeoutMs);
    plan = error.plan;
  }
  // After the rollback: the audit entry must stay.
  await recordPlatformChange(platform, {
    action: "database.query_explained",
    entityType: "database",
    after: { queryId, analyze },
  });
  return { queryId, query, plan, analyzed: analyze, generic };
}

/** The statement's text, from this database's entries. */
async function findStatement(
  platform: PlatformContext,
  schema: SQL,
  queryId: string,
): Promise<string | null> {
  const [row] = await platform.tx.execute<{ query: string | null }>(sql`
    select s.query
      from ${schema}.pg_stat_statements s
     where s.queryid = ${queryId}::bigint
       and s.dbid = (select oid from pg_database where datname = current_database())
       and s.query is not null
     limit 1`);
  return row?.query ?? null;
}

/** The statement's first keyword, past leading comments and parentheses. */
function firstKeyword(query: string): string {
  let text = query;
  for (;;) {
    const next = text.replace(/^(?:\s+|\(|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)/, "");
    if (next === text) break;
    text = next;
  }
  return (/^[a-z]+/i.exec(text)?.[0] ?? "").toLowerCase();
}

/** What a failed EXPLAIN means for the admin; errors of the connection itself are rethrown. */
function explainFailed(error: unknown, analyze: boolean, timeoutMs: number): never {
  const state = sqlState(error) ?? "";
  if (state === "25006") {
    fail("INVALID", "This statement writes; it can only be explained without ANALYZE.", "analyze");
  }
  if (state === "57014") {
    const advice = analyze ? " Explain it without ANALYZE." : "";
    fail(
      "INVALID",
      `EXPLAIN did not finish within its timeout of ${timeoutMs} ms.${advice}`,
      analyze ? "analyze" : "queryId",
    );
  }
  // The statement no longer fits the schema (a dropped table), needs types a generic plan cannot
  // infer, or is something EXPLAIN refuses: say what PostgreSQL said.
  if (/^(42|22|0A|54)/.test(state)) {
    fail("INVALID", `This statement cannot be explained: ${driverMessage(error)}`, "queryId");
  }
  throw error;
}

function driverMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return cause instanceof Error ? cause.message : String(cause);
}
