// The campaign an edit names, locked, with the version check every people-edited object has.
import { schema } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail, notFound } from "../errors.ts";
import type { CampaignRow } from "./create-campaign.ts";

export async function lockCampaign(
  ctx: OperationContext,
  id: string,
  version: number,
  options: { deleted?: boolean } = {},
): Promise<CampaignRow> {
  const c = schema.campaigns;
  const [row] = await ctx.tx
    .select()
    .from(c)
    .where(
      and(eq(c.accountId, ctx.accountId), eq(c.id, id), options.deleted ? undefined : isNull(c.deletedAt)),
    )
    .for("update");
  if (!row) return notFound("id", "Campaign");
  if (row.version !== version) {
    return fail("CONFLICT", "The campaign was changed by someone else: reload it and try again.", "version");
  }
  return row;
}
