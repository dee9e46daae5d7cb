// The ledger connection's filter as SQL over a (possibly aliased) table: the same condition
// selects the rows (drizzle `where: { RAW }`) and counts totalCount.
import type { schema } from "@markettina/db";
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";

type TransactionsTable = typeof schema.tokenTransactions;
type TransactionType = TransactionsTable["$inferSelect"]["type"];

export interface TransactionFilterInput {
  types?: TransactionType[] | null;
  serviceCode?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export function transactionFilter(
  t: TransactionsTable,
  accountId: string,
  f?: TransactionFilterInput | null,
): SQL {
  return and(
    eq(t.accountId, accountId),
    f?.types && f.types.length > 0 ? inArray(t.type, f.types) : undefined,
    f?.serviceCode ? eq(t.serviceCode, f.serviceCode) : undefined,
    f?.from ? gte(t.createdAt, f.from) : undefined,
    f?.to ? lt(t.createdAt, f.to) : undefined,
  )!;
}
