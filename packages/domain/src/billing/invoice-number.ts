// Invoice numbers: one sequence per installation, without gaps (invoicing rules in most of the
// EU require it). A database sequence would skip the numbers of rolled-back purchases, so the
// number comes from a counter row instead.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import type { OperationContext } from "../context.ts";

/**
 * Takes the next invoice number. The UPDATE holds the counter's row lock until the transaction
 * ends: concurrent purchases queue here, and one that rolls back gives its number back to the
 * next. Take it as late as possible in the transaction, so the lock is held briefly.
 */
export async function nextInvoiceNumber(ctx: Pick<OperationContext, "tx">): Promise<number> {
  const c = schema.invoiceCounters;
  const [row] = await ctx.tx
    .update(c)
    .set({ lastNumber: sql`${c.lastNumber} + 1` })
    .where(eq(c.name, "invoice"))
    .returning({ number: c.lastNumber });
  if (!row) throw new Error("invoice_counters has no 'invoice' row: run the billing migrations.");
  return row.number;
}

/** The number as printed on the invoice: MK-000042. */
export const formatInvoiceNumber = (n: number): string => `MK-${String(n).padStart(6, "0")}`;
