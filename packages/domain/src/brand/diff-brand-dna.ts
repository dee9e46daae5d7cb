// What changed between two versions of the brand profile, field by field: lists report what was
// added and removed, other fields their value before and after.
import { schema } from "@markettina/db";
import { and, eq, inArray } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { type BrandProfile, PROFILE_FIELDS } from "./profile.ts";

export interface FieldChange {
  field: keyof BrandProfile;
  before: unknown;
  after: unknown;
  /** For lists of words and sentences: entries only in `after` / only in `before`. */
  added?: unknown[];
  removed?: unknown[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffProfiles(before: Partial<BrandProfile>, after: Partial<BrandProfile>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of PROFILE_FIELDS) {
    const a = before[field];
    const b = after[field];
    if (same(a, b)) continue;
    if (Array.isArray(a) && Array.isArray(b)) {
      const added = b.filter((x) => !a.some((y) => same(x, y)));
      const removed = a.filter((x) => !b.some((y) => same(x, y)));
      changes.push({ field, before: a, after: b, added, removed });
    } else {
      changes.push({ field, before: a ?? null, after: b ?? null });
    }
  }
  return changes;
}

export async function diffBrandDnaVersions(
  ctx: OperationContext,
  from: number,
  to: number,
): Promise<FieldChange[]> {
  authorize(ctx, "brand:read");
  const v = schema.brandDnaVersions;
  const rows = await ctx.tx
    .select({ version: v.version, snapshot: v.snapshot })
    .from(v)
    .where(and(eq(v.accountId, ctx.accountId), inArray(v.version, [from, to])));
  const at = (n: number) =>
    (rows.find((r) => r.version === n)?.snapshot as Partial<BrandProfile> | undefined) ??
    fail("NOT_FOUND", `There is no version ${n}.`, n === from ? "from" : "to");
  return diffProfiles(at(from), at(to));
}
