// A platform admin adds a token package to the catalog or changes one. Invoices copy what they
// sold (item description, price, tokens), so a change never alters an issued invoice.
// (Not audited per tenant: see catalog-inputs.ts.)
import { type schema as dbSchema, schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { notFound, parseInput } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";
import { CatalogDescription, CatalogName, nonNegativeCount, positiveCount } from "./catalog-inputs.ts";

const Fields = z.object({
  name: CatalogName,
  description: CatalogDescription,
  tokens: positiveCount("the number of tokens", Number.MAX_SAFE_INTEGER),
  bonusTokens: nonNegativeCount("the bonus tokens", Number.MAX_SAFE_INTEGER),
  priceMinor: positiveCount("the price"),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a three-letter ISO 4217 currency code, such as EUR."),
  active: z.boolean(),
  sortOrder: z.number().int().min(-1_000_000).max(1_000_000),
});

export const CreateTokenPackageInput = Fields.extend({
  description: Fields.shape.description.default(""),
  bonusTokens: Fields.shape.bonusTokens.default(0),
  currency: Fields.shape.currency.default("EUR"),
  active: Fields.shape.active.default(true),
  sortOrder: Fields.shape.sortOrder.default(0),
});
export const UpdateTokenPackageInput = Fields.partial().extend({ id: z.uuid() });
export type SaveTokenPackageInput =
  | (z.input<typeof CreateTokenPackageInput> & { id?: undefined })
  | z.input<typeof UpdateTokenPackageInput>;

export type TokenPackage = typeof dbSchema.tokenPackages.$inferSelect;

export async function saveTokenPackage(
  platform: PlatformContext,
  raw: SaveTokenPackageInput,
): Promise<TokenPackage> {
  await requirePlatformAdmin(platform.tx);
  const k = schema.tokenPackages;
  if (raw.id === undefined) {
    const input = parseInput(CreateTokenPackageInput, raw);
    const [created] = await platform.tx.insert(k).values(input).returning();
    await recordPlatformChange(platform, {
      action: "token_package.created",
      entityType: "token_package",
      entityId: created!.id,
      after: created,
    });
    return created!;
  }
  const { id, ...changes } = parseInput(UpdateTokenPackageInput, raw);
  const [before] = await platform.tx.select().from(k).where(eq(k.id, id)).for("update");
  if (!before) return notFound("id", "Token package");
  const [updated] =
    Object.keys(changes).length > 0
      ? await platform.tx.update(k).set(changes).where(eq(k.id, id)).returning()
      : [before];
  await recordPlatformChange(platform, {
    action: "token_package.updated",
    entityType: "token_package",
    entityId: id,
    before,
    after: updated,
  });
  return updated!;
}
