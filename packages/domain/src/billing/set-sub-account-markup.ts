// An agency sets what its sub-account pays on top of the base price (rebilling), for every
// service or one. The composite key (account_id, sub_account_id) → accounts(parent_account_id, id)
// makes a markup on anyone but the agency's own child impossible in the database too.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { ServiceCode } from "./inputs.ts";

export const SetSubAccountMarkupInput = z.object({
  subAccountId: z.uuid(),
  /** null: every service without a markup of its own. */
  serviceCode: ServiceCode.nullable().default(null),
  /** Basis points: 2500 = +25 %. */
  markupBps: z
    .number()
    .int("Use whole basis points (100 = 1 %).")
    .min(0, "A markup cannot be negative.")
    .max(100_000, "At most 1000 %."),
});
export type SetSubAccountMarkupInput = z.input<typeof SetSubAccountMarkupInput>;

export async function setSubAccountMarkup(ctx: OperationContext, raw: SetSubAccountMarkupInput) {
  authorize(ctx, "sub_accounts:fund");
  const input = parseInput(SetSubAccountMarkupInput, raw);
  const a = schema.accounts;
  const [child] = await ctx.tx
    .select({ id: a.id })
    .from(a)
    .where(and(eq(a.id, input.subAccountId), eq(a.parentAccountId, ctx.accountId)));
  if (!child) fail("NOT_FOUND", "Markups apply only to this agency's own sub-accounts.", "subAccountId");
  if (input.serviceCode) {
    const p = schema.servicePricing;
    const [service] = await ctx.tx
      .select({ code: p.serviceCode })
      .from(p)
      .where(eq(p.serviceCode, input.serviceCode));
    if (!service) fail("NOT_FOUND", `No service "${input.serviceCode}".`, "serviceCode");
  }
  const m = schema.serviceMarkups;
  const [markup] = await ctx.tx
    .insert(m)
    .values({
      accountId: ctx.accountId,
      subAccountId: input.subAccountId,
      serviceCode: input.serviceCode,
      markupBps: input.markupBps,
      createdBy: ctx.actor.userId,
    })
    .onConflictDoUpdate({
      target: [m.subAccountId, m.serviceCode],
      set: { markupBps: input.markupBps, updatedAt: sql`now()` },
    })
    .returning();
  await recordChange(ctx, {
    action: "markup.set",
    entityType: "service_markup",
    entityId: markup!.id,
    after: markup,
  });
  return markup!;
}
