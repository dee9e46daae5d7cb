// A platform admin creates a promo code or changes one: bonus tokens (redeemed in the wallet) or
// a percentage off a package (applied at checkout), with an optional limit and validity window.
// (Not audited per tenant: see catalog-inputs.ts.)
import { type schema as dbSchema, schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { DomainError, fail, notFound, parseInput, type UserError, uniqueViolation } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";
import { CatalogDescription, positiveCount } from "./catalog-inputs.ts";

const Fields = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_-]{2,39}$/, "Use 3–40 letters, digits, dashes or underscores."),
  description: CatalogDescription,
  kind: z.enum(["bonus_tokens", "percent_off"]),
  /** Bonus tokens, or the percentage off (1–100). */
  value: positiveCount("the value", Number.MAX_SAFE_INTEGER),
  maxRedemptions: positiveCount("the redemption limit").nullable(),
  validFrom: z.date().nullable(),
  validUntil: z.date().nullable(),
  active: z.boolean(),
});

export const CreatePromoCodeInput = Fields.extend({
  description: Fields.shape.description.default(""),
  maxRedemptions: Fields.shape.maxRedemptions.default(null),
  validFrom: Fields.shape.validFrom.default(null),
  validUntil: Fields.shape.validUntil.default(null),
  active: Fields.shape.active.default(true),
});
export const UpdatePromoCodeInput = Fields.partial().extend({ id: z.uuid() });
export type SavePromoCodeInput =
  | (z.input<typeof CreatePromoCodeInput> & { id?: undefined })
  | z.input<typeof UpdatePromoCodeInput>;

export type PromoCodeRow = typeof dbSchema.promoCodes.$inferSelect;
type PromoCodeValues = Omit<typeof dbSchema.promoCodes.$inferInsert, "id" | "redemptionCount">;

export async function savePromoCode(
  platform: PlatformContext,
  raw: SavePromoCodeInput,
): Promise<PromoCodeRow> {
  await requirePlatformAdmin(platform.tx);
  const p = schema.promoCodes;
  if (raw.id === undefined) {
    const input = parseInput(CreatePromoCodeInput, raw);
    const values = toColumns(input, 0);
    // The unique index on upper(code) decides between two admins creating the same code.
    const [created] = await platform.tx.insert(p).values(values).onConflictDoNothing().returning();
    if (!created) return fail("TAKEN", "This code already exists.", "code");
    await recordPlatformChange(platform, {
      action: "promo_code.created",
      entityType: "promo_code",
      entityId: created.id,
      after: created,
    });
    return created;
  }
  const { id, ...changes } = parseInput(UpdatePromoCodeInput, raw);
  // Locked: the redemption count checked below cannot move until this commits.
  const [before] = await platform.tx.select().from(p).where(eq(p.id, id)).for("update");
  if (!before) return notFound("id", "Promo code");
  const merged = {
    code: before.code,
    description: before.description,
    kind: before.kind,
    value: (before.kind === "bonus_tokens" ? before.bonusTokens : before.percentOff) ?? 0,
    maxRedemptions: before.maxRedemptions,
    validFrom: before.validFrom,
    validUntil: before.validUntil,
    active: before.active,
    // Only the fields the caller sent: zod keeps absent optional fields as undefined keys.
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
  };
  const values = toColumns(merged, before.redemptionCount);
  try {
    const [updated] = await platform.tx.update(p).set(values).where(eq(p.id, id)).returning();
    await recordPlatformChange(platform, {
      action: "promo_code.updated",
      entityType: "promo_code",
      entityId: id,
      before,
      after: updated,
    });
    return updated!;
  } catch (error) {
    // A failed statement is fine here: the caller's savepoint rolls back with the user error.
    if (uniqueViolation(error) === "promo_codes_code_key") fail("TAKEN", "This code already exists.", "code");
    throw error;
  }
}

/** The row's columns, after the rules that span fields (the database checks them again). */
function toColumns(input: z.output<typeof Fields>, redemptionCount: number): PromoCodeValues {
  const problems: UserError[] = [];
  if (input.kind === "percent_off" && input.value > 100) {
    problems.push({ field: "value", code: "INVALID", message: "A discount cannot exceed 100%." });
  }
  if (input.validFrom && input.validUntil && input.validFrom >= input.validUntil) {
    problems.push({ field: "validUntil", code: "INVALID", message: "The code must end after it starts." });
  }
  if (input.maxRedemptions !== null && input.maxRedemptions < redemptionCount) {
    problems.push({
      field: "maxRedemptions",
      code: "INVALID",
      message: `The code was already redeemed ${redemptionCount} times.`,
    });
  }
  if (problems.length > 0) throw new DomainError(problems);
  const { value, ...rest } = input;
  return {
    ...rest,
    bonusTokens: input.kind === "bonus_tokens" ? value : null,
    percentOff: input.kind === "percent_off" ? value : null,
  };
}
