// A marketer edits the brand profile. The update names the version it read (two people editing
// at once cannot overwrite each other) and leaves a full snapshot in the history.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { type BrandDnaRow, BrandProfile, profileOf } from "./profile.ts";

export const UpdateBrandDnaInput = z.object({
  version: z.number().int().positive(),
  changes: BrandProfile.partial(),
});
export type UpdateBrandDnaInput = z.input<typeof UpdateBrandDnaInput>;

export async function updateBrandDna(ctx: OperationContext, raw: UpdateBrandDnaInput): Promise<BrandDnaRow> {
  authorize(ctx, "brand:write");
  const input = parseInput(UpdateBrandDnaInput, raw);
  // Only the fields sent: zod keeps absent optional fields as undefined keys.
  const changes = Object.fromEntries(Object.entries(input.changes).filter(([, v]) => v !== undefined));
  return saveProfile(ctx, input.version, changes, null);
}

/** Applies `changes` on top of `version` and records the new version; shared with restore. */
export async function saveProfile(
  ctx: OperationContext,
  version: number,
  changes: Partial<BrandProfile>,
  restoredFromVersion: number | null,
): Promise<BrandDnaRow> {
  const b = schema.brandDna;
  const [before] = await ctx.tx.select().from(b).where(eq(b.accountId, ctx.accountId));
  if (!before) return fail("NOT_FOUND", "Brand DNA not found.");
  const [after] = await ctx.tx
    .update(b)
    .set({ ...changes, version: sql`${b.version} + 1`, updatedBy: ctx.actor.userId })
    .where(and(eq(b.accountId, ctx.accountId), eq(b.version, version)))
    .returning();
  if (!after) {
    return fail("CONFLICT", "The brand DNA was changed by someone else: reload it and try again.", "version");
  }
  await ctx.tx.insert(schema.brandDnaVersions).values({
    accountId: ctx.accountId,
    brandDnaId: after.id,
    version: after.version,
    snapshot: profileOf(after),
    restoredFromVersion,
    createdBy: ctx.actor.userId,
  });
  await recordChange(ctx, {
    action: restoredFromVersion ? "brand_dna.restored" : "brand_dna.updated",
    entityType: "brand_dna",
    entityId: after.id,
    before: profileOf(before),
    after: profileOf(after),
    payload: { version: after.version, restoredFromVersion },
  });
  return after;
}
