// A platform admin prices a metered service, or changes a price. The service code is its
// identity (reservations and ledger rows name it), so an update cannot rename it.
// (Not audited per tenant: see catalog-inputs.ts.)
import { type schema as dbSchema, schema } from "@markettina/db";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { PlatformContext } from "../context.ts";
import { fail, notFound, parseInput } from "../errors.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";
import { recordPlatformChange } from "../platform/record-platform-change.ts";
import { CatalogName, positiveCount } from "./catalog-inputs.ts";
import { ServiceCode } from "./inputs.ts";

const Fields = z.object({
  name: CatalogName,
  unit: z.string().trim().min(1, "Say what one unit is (an image, 1,000 words…).").max(60),
  tokensPerUnit: positiveCount("the tokens per unit", Number.MAX_SAFE_INTEGER),
  active: z.boolean(),
});

export const CreateServicePricingInput = Fields.extend({
  serviceCode: ServiceCode,
  active: Fields.shape.active.default(true),
});
export const UpdateServicePricingInput = Fields.partial().extend({ id: z.uuid() });
export type SaveServicePricingInput =
  | (z.input<typeof CreateServicePricingInput> & { id?: undefined })
  | z.input<typeof UpdateServicePricingInput>;

export type ServicePricing = typeof dbSchema.servicePricing.$inferSelect;

export async function saveServicePricing(
  platform: PlatformContext,
  raw: SaveServicePricingInput,
): Promise<ServicePricing> {
  await requirePlatformAdmin(platform.tx);
  const s = schema.servicePricing;
  if (raw.id === undefined) {
    const input = parseInput(CreateServicePricingInput, raw);
    // Insert-or-nothing rather than check-then-insert: the unique key decides between two
    // admins adding the same code at once, without aborting the transaction.
    const [created] = await platform.tx.insert(s).values(input).onConflictDoNothing().returning();
    if (!created) return fail("TAKEN", "This service code is already priced.", "serviceCode");
    await recordPlatformChange(platform, {
      action: "service_pricing.created",
      entityType: "service_pricing",
      entityId: created.id,
      after: created,
    });
    return created;
  }
  const { id, ...changes } = parseInput(UpdateServicePricingInput, raw);
  const [before] = await platform.tx.select().from(s).where(eq(s.id, id)).for("update");
  if (!before) return notFound("id", "Service price");
  const [updated] =
    Object.keys(changes).length > 0
      ? await platform.tx.update(s).set(changes).where(eq(s.id, id)).returning()
      : [before];
  await recordPlatformChange(platform, {
    action: "service_pricing.updated",
    entityType: "service_pricing",
    entityId: id,
    before,
    after: updated,
  });
  return updated!;
}
