// One of the current account's live media assets (RLS hides other tenants' rows; the account
// condition keeps an agency acting in one account from reaching its sub-accounts' files).
import { schema } from "@markettina/db";
import { and, eq, isNull } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { notFound } from "../errors.ts";
import type { MediaAssetRow } from "./upload-media-asset.ts";

export async function loadMediaAsset(
  ctx: OperationContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<MediaAssetRow> {
  const m = schema.mediaAssets;
  const query = ctx.tx
    .select()
    .from(m)
    .where(and(eq(m.accountId, ctx.accountId), eq(m.id, id), isNull(m.deletedAt)));
  const [row] = await (options.lock ? query.for("update") : query);
  return row ?? notFound("id", "Media asset");
}
