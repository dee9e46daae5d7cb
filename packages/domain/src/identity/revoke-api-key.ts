import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { notFound } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { authorize } from "./authorize.ts";

/** Revokes a key at once; revoking a revoked key changes nothing (safe to retry). */
export async function revokeApiKey(ctx: OperationContext, apiKeyId: string) {
  authorize(ctx, "api_keys:manage");
  const where = and(eq(schema.apiKeys.id, apiKeyId), eq(schema.apiKeys.accountId, ctx.accountId));
  const [before] = await ctx.tx.select().from(schema.apiKeys).where(where);
  if (!before) return notFound("id", "API key");
  if (before!.revokedAt) return before!;
  const [after] = await ctx.tx
    .update(schema.apiKeys)
    .set({ revokedAt: new Date(), revokedBy: ctx.actor.userId })
    .where(where)
    .returning();
  await recordChange(ctx, {
    action: "api_key.revoked",
    entityType: "api_key",
    entityId: apiKeyId,
    before,
    after,
  });
  return after!;
}
