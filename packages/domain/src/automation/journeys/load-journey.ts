// The journey an edit names, locked, with the version check every people-edited object has.
import { schema } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail, notFound } from "../../errors.ts";

export type JourneyRow = typeof schema.journeys.$inferSelect;

export async function lockJourney(ctx: OperationContext, id: string, version: number): Promise<JourneyRow> {
  const j = schema.journeys;
  // NO KEY UPDATE, not UPDATE: it still serialises edits, lifecycle moves and enrolments of this
  // journey, but lets the executor go on inserting rows that reference it (its foreign keys take
  // KEY SHARE locks, which UPDATE would block until this transaction ends).
  const [row] = await ctx.tx
    .select()
    .from(j)
    .where(and(eq(j.accountId, ctx.accountId), eq(j.id, id), isNull(j.deletedAt)))
    .for("no key update");
  if (!row) return notFound("id", "Journey");
  if (row.version !== version) {
    return fail("CONFLICT", "The journey was changed by someone else: reload it and try again.", "version");
  }
  return row;
}

/** A campaign a journey may belong to: the account's, not deleted. */
export async function assertCampaign(ctx: OperationContext, campaignId: string): Promise<void> {
  const c = schema.campaigns;
  const [row] = await ctx.tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, campaignId), isNull(c.deletedAt)));
  if (!row) notFound("campaignId", "Campaign");
}
