// What one unit of a service costs an account: the base price plus its agency's markup, rounded
// up to whole tokens. The markup row belongs to the agency, so it is read through
// app.service_price (SECURITY DEFINER, answers only for accounts in the caller's scope).
import { sql } from "drizzle-orm";
import type { OperationContext } from "../context.ts";

export interface Price {
  tokensPerUnit: number;
  markupBps: number;
}

/** Tokens that `units` of a service cost: the base and the agency's markup on top of it. */
export function costOf(price: Price, units: number): { base: number; markup: number; total: number } {
  const base = units * price.tokensPerUnit;
  const markup = Math.ceil((base * price.markupBps) / 10_000);
  return { base, markup, total: base + markup };
}

export async function priceOf(ctx: OperationContext, serviceCode: string): Promise<Price | null> {
  const [row] = await ctx.tx.execute<{ tokens_per_unit: string; markup_bps: number }>(
    sql`select tokens_per_unit, markup_bps from app.service_price(${ctx.accountId}, ${serviceCode})`,
  );
  return row ? { tokensPerUnit: Number(row.tokens_per_unit), markupBps: row.markup_bps } : null;
}
