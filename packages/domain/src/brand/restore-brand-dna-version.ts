// Restores an earlier version of the brand profile: its snapshot becomes a new version (history is
// never rewritten), under the same optimistic lock as an edit.
import { schema } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { type BrandDnaRow, BrandProfile } from "./profile.ts";
import { saveProfile } from "./update-brand-dna.ts";

export const RestoreBrandDnaVersionInput = z.object({
  /** The version currently shown (the optimistic lock). */
  version: z.number().int().positive(),
  restoreVersion: z.number().int().positive(),
});
export type RestoreBrandDnaVersionInput = z.input<typeof RestoreBrandDnaVersionInput>;

export async function restoreBrandDnaVersion(
  ctx: OperationContext,
  raw: RestoreBrandDnaVersionInput,
): Promise<BrandDnaRow> {
  authorize(ctx, "brand:write");
  const input = parseInput(RestoreBrandDnaVersionInput, raw);
  const v = schema.brandDnaVersions;
  const [old] = await ctx.tx
    .select({ snapshot: v.snapshot })
    .from(v)
    .where(and(eq(v.accountId, ctx.accountId), eq(v.version, input.restoreVersion)));
  if (!old) return fail("NOT_FOUND", `There is no version ${input.restoreVersion}.`, "restoreVersion");
  // Snapshots passed these rules when they were made; parsing again keeps a restored profile valid
  // if the rules have since tightened (the marketer then edits the offending field).
  const profile = parseInput(BrandProfile, old.snapshot);
  return saveProfile(ctx, input.version, profile, input.restoreVersion);
}
