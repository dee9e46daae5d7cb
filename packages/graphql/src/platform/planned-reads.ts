// How a root field runs the query the drizzle plugin planned for it.
//
// Prepared: drizzle sends a query as an unnamed statement unless asked to prepare it, so Postgres
// would parse, rewrite (row-level security) and plan it on every request; for a nested read that
// costs more than executing it. postgres.js keeps one prepared statement per distinct SQL text and
// pooled connection, so only fixed-shape queries are prepared: a list of ids rendered as
// `in ($1, $2, …)` would make one statement per list length. Connections are recycled after
// postgres.js's max_lifetime, which bounds the cache. (ADR 0101.)
//
// Recorded: the rows the query returned, nested relation rows included, are marked as planned rows
// (planned-columns.ts reads their columns directly). The mark is a symbol-keyed property on the
// row object itself — cheaper than a WeakSet, and gone with the row at the end of the request.
// Spreading a row copies it; that is fine, a copy's columns are what the drizzle plugin would
// resolve too.

interface PlannedQuery<T> extends PromiseLike<T> {
  prepare(name: string): { execute(): Promise<T> };
}

const PLANNED = Symbol("planned row");

/** Whether `value` is a row (or a relation row inside one) that a planned query returned. */
export const isPlannedRow = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && (value as { [PLANNED]?: true })[PLANNED] === true;

function record(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) record(item);
    return;
  }
  // Rows and relation rows are plain objects; dates, buffers and the like are not rows.
  if (value === null || typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype)
    return;
  (value as { [PLANNED]?: true })[PLANNED] = true;
  for (const key in value) {
    const nested = (value as Record<string, unknown>)[key];
    if (nested !== null && typeof nested === "object") record(nested);
  }
}

/**
 * Runs a root field's planned query and records its rows. `statement` prepares it (a label for
 * drizzle; postgres.js names its own statements); leave it out for queries whose SQL text varies.
 */
export async function runPlanned<T>(query: PlannedQuery<T>, statement?: string): Promise<T> {
  const result = await (statement ? query.prepare(statement).execute() : query);
  record(result);
  return result;
}
