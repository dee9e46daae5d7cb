// "Does this contact satisfy these conditions now?" for condition, goal and exit checks: the
// segment compiler's SQL predicates (never evaluated in JavaScript), all of them in one statement
// over the one contact row, so a step with a condition plus three goals is still one round trip.
import type { Transaction } from "@markettina/db";
import { sql } from "drizzle-orm";
import { compileConditions } from "../segments/compile-conditions.ts";
import type { Condition } from "../segments/conditions.ts";

/** Per contact, one boolean per condition (in order): one statement for many contacts. A contact
 * that does not exist (or is deleted) matches nothing. */
export async function contactsMatch(
  tx: Transaction,
  accountId: string,
  contactIds: readonly string[],
  conditions: readonly Condition[],
  now: Date,
): Promise<Map<string, boolean[]>> {
  const result = new Map<string, boolean[]>(contactIds.map((id) => [id, conditions.map(() => false)]));
  if (conditions.length === 0 || contactIds.length === 0) return result;
  const columns = conditions.map((condition, i) => {
    const predicate = compileConditions(condition, { accountId, now });
    return sql`coalesce((${predicate}), false) as ${sql.identifier(`m${i}`)}`;
  });
  const ids = [...new Set(contactIds)];
  const rows = await tx.execute<Record<string, boolean | string>>(
    // By key (the compiled predicates check the account); see advance-execution.ts on why.
    sql`select c.id, ${sql.join(columns, sql`, `)} from contacts c
         where c.id = any(${sql.param(ids)}::uuid[])`,
  );
  for (const row of rows)
    result.set(
      row.id as string,
      conditions.map((_, i) => row[`m${i}`] === true),
    );
  return result;
}

/** One boolean per condition, in order; all false when the contact does not exist. */
export async function contactMatches(
  tx: Transaction,
  accountId: string,
  contactId: string,
  conditions: readonly Condition[],
  now: Date,
): Promise<boolean[]> {
  if (conditions.length === 0) return [];
  const columns = conditions.map((condition, i) => {
    const predicate = compileConditions(condition, { accountId, now });
    return sql`coalesce((${predicate}), false) as ${sql.identifier(`m${i}`)}`;
  });
  const rows = await tx.execute<Record<string, boolean>>(
    sql`select ${sql.join(columns, sql`, `)} from contacts c
         where c.account_id = ${accountId} and c.id = ${contactId}`,
  );
  const row = rows[0];
  return conditions.map((_, i) => row?.[`m${i}`] === true);
}
