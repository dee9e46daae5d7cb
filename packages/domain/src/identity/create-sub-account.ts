// An agency creates a client account under itself. Its owners and admins act in it at once.
import { applyScope, schema, uuidv7 } from "@markettina/db";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput, uniqueViolation } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";
import { AccountName, Locale, Slug, TimeZone } from "./inputs.ts";

export const CreateSubAccountInput = z.object({
  name: AccountName,
  slug: Slug,
  timeZone: TimeZone.optional(),
  locale: Locale.optional(),
  plan: z.enum(["free", "starter", "pro", "enterprise"]).optional(),
});
export type CreateSubAccountInput = z.input<typeof CreateSubAccountInput>;

export async function createSubAccount(ctx: OperationContext, raw: CreateSubAccountInput) {
  authorize(ctx, "sub_accounts:create");
  const input = parseInput(CreateSubAccountInput, raw);
  const [agency] = await ctx.tx
    .select({
      kind: schema.accounts.kind,
      timeZone: schema.accounts.timeZone,
      locale: schema.accounts.locale,
    })
    .from(schema.accounts)
    .where(eq(schema.accounts.id, ctx.accountId));
  if (agency?.kind !== "agency") fail("FORBIDDEN", "Only an agency account can have sub-accounts.");
  const [{ taken } = { taken: false }] = await ctx.tx.execute<{ taken: boolean }>(
    sql`select app.slug_taken(${input.slug}) as taken`,
  );
  if (taken) fail("TAKEN", "This slug is already in use.", "slug");

  const id = uuidv7();
  // RLS admits a row only inside the request's scope: widen it to the account being created,
  // which the agency's managers may act in from now on.
  ctx.scope = { ...ctx.scope, accountIds: [...ctx.scope.accountIds, id] };
  await applyScope(ctx.tx, ctx.scope);
  try {
    const [account] = await ctx.tx
      .insert(schema.accounts)
      .values({
        id,
        name: input.name,
        slug: input.slug,
        kind: "business",
        parentAccountId: ctx.accountId,
        plan: input.plan ?? "free",
        timeZone: input.timeZone ?? agency!.timeZone,
        locale: input.locale ?? agency!.locale,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await recordChange(ctx, {
      action: "account.created",
      entityType: "account",
      entityId: id,
      after: account,
    });
    return account!;
  } catch (error) {
    // Two requests raced for the same slug: the unique constraint decides.
    if (uniqueViolation(error) === "accounts_slug_key") fail("TAKEN", "This slug is already in use.", "slug");
    throw error;
  }
}
