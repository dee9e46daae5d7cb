// Renames or re-configures the current account.
import { schema } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, notFound, parseInput, uniqueViolation } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";
import { AccountName, Locale, Slug, TimeZone } from "./inputs.ts";

export const UpdateAccountInput = z.object({
  name: AccountName.optional(),
  slug: Slug.optional(),
  timeZone: TimeZone.optional(),
  locale: Locale.optional(),
});
export type UpdateAccountInput = z.input<typeof UpdateAccountInput>;

export async function updateAccount(ctx: OperationContext, raw: UpdateAccountInput) {
  authorize(ctx, "account:update");
  const input = parseInput(UpdateAccountInput, raw);
  const [before] = await ctx.tx.select().from(schema.accounts).where(eq(schema.accounts.id, ctx.accountId));
  if (!before) return notFound(null, "Account");
  if (input.slug && input.slug !== before.slug) {
    const [{ taken } = { taken: false }] = await ctx.tx.execute<{ taken: boolean }>(
      sql`select app.slug_taken(${input.slug}) as taken`,
    );
    if (taken) fail("TAKEN", "This slug is already in use.", "slug");
  }
  try {
    const [after] = await ctx.tx
      .update(schema.accounts)
      .set(input)
      .where(eq(schema.accounts.id, ctx.accountId))
      .returning();
    await recordChange(ctx, {
      action: "account.updated",
      entityType: "account",
      entityId: ctx.accountId,
      before,
      after,
    });
    return after!;
  } catch (error) {
    if (uniqueViolation(error) === "accounts_slug_key") fail("TAKEN", "This slug is already in use.", "slug");
    throw error;
  }
}
