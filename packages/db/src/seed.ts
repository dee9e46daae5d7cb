// Demo data: an agency with two clients, a standalone business, a user for every role and a
// platform admin, with wallets, a brand profile, content (seed-content.ts) and marketing contacts
// (seed-automation.ts). Idempotent: running it twice changes nothing. Runs as the owner.
import { hash } from "@node-rs/argon2";
import { sql as dsql } from "drizzle-orm";
import { createClient } from "./client.ts";
import { uuidv7 } from "./schema/columns.ts";
import * as schema from "./schema/index.ts";
import { seedAutomation } from "./seed-automation.ts";
import { seedContent } from "./seed-content.ts";
import { seedJourney } from "./seed-journey.ts";
import { seedWorkflow } from "./seed-workflow.ts";

export const DEMO_PASSWORD = "Markettina!2026";

export const DEMO_LOGINS = [
  {
    email: "olivia.owner@northwind.test",
    name: "Olivia Owner",
    role: "owner of Northwind Agency (and its clients)",
  },
  {
    email: "adam.admin@northwind.test",
    name: "Adam Admin",
    role: "admin of Northwind Agency (and its clients)",
  },
  { email: "mia.member@northwind.test", name: "Mia Member", role: "member of Northwind Agency" },
  { email: "victor.viewer@northwind.test", name: "Victor Viewer", role: "viewer of Acme Outdoor" },
  { email: "bella.billing@northwind.test", name: "Bella Billing", role: "billing of Acme Outdoor" },
  { email: "sam.owner@bluebottle.test", name: "Sam Owner", role: "owner of Blue Bottle Bakery" },
  { email: "admin@markettina.test", name: "Pat Platform", role: "platform admin" },
] as const;

export type SeedTx = Parameters<Parameters<ReturnType<typeof createClient>["db"]["transaction"]>[0]>[0];

/** A filled-in brand profile for the bakery (version 2 over the empty one made with the account). */
async function seedBrand(tx: SeedTx, accountId: string, userId: string) {
  await tx.execute(dsql`
    with updated as (
      update brand_dna set
        mission = 'Slow-fermented bread and pastries, baked every morning in small batches.',
        values = '{craft,honesty,neighbourhood}', tone_formality = 30,
        tone_adjectives = '{warm,playful,precise}',
        audience = 'Coffee lovers and families within walking distance of our shops.',
        key_messages = '{"Baked this morning, sold out by noon","Single-origin coffee, roasted weekly"}',
        keywords = '{sourdough,"single-origin",seasonal}', words_to_avoid = '{cheap,industrial}',
        palette = '[{"name":"Crust","hex":"#C47F3A"},{"name":"Flour","hex":"#F6F1E7"},{"name":"Ink","hex":"#1F2A44"}]',
        fonts = '{"heading":"Georgia","body":"Helvetica"}', version = 2, updated_by = ${userId}
      where account_id = ${accountId}
      returning *
    )
    insert into brand_dna_versions (id, account_id, brand_dna_id, version, snapshot, created_by)
    select ${uuidv7()}, u.account_id, u.id, 2, app.brand_dna_snapshot(u::brand_dna), ${userId} from updated u`);
}

/** Catalog, promo codes, a month of wallet history and an agency markup. Ledger rows go in in
 * time order: the ledger trigger stamps seq and balance_after in insertion order. */
async function seedBilling(
  tx: SeedTx,
  ids: { northwind: string; acme: string; cedar: string; blueBottle: string; olivia: string },
) {
  const packages = [
    { id: uuidv7(), name: "Starter", tokens: 10_000, bonusTokens: 0, priceMinor: 1_900, sortOrder: 1 },
    { id: uuidv7(), name: "Growth", tokens: 60_000, bonusTokens: 5_000, priceMinor: 9_900, sortOrder: 2 },
    { id: uuidv7(), name: "Scale", tokens: 250_000, bonusTokens: 30_000, priceMinor: 34_900, sortOrder: 3 },
  ];
  await tx.insert(schema.tokenPackages).values(
    packages.map((p) => ({
      ...p,
      currency: "EUR",
      description: `${p.tokens.toLocaleString("en")} tokens`,
    })),
  );
  await tx.insert(schema.promoCodes).values([
    {
      code: "WELCOME500",
      kind: "bonus_tokens",
      bonusTokens: 500,
      description: "500 bonus tokens for new accounts",
    },
    {
      code: "SPRING20",
      kind: "percent_off",
      percentOff: 20,
      maxRedemptions: 100,
      description: "20% off any package",
    },
  ]);
  await tx.insert(schema.serviceMarkups).values({
    accountId: ids.northwind,
    subAccountId: ids.acme,
    markupBps: 2_000,
    createdBy: ids.olivia,
  });
  const wallets = await tx.select().from(schema.tokenWallets);
  const walletOf = (accountId: string) => wallets.find((w) => w.accountId === accountId)!.id;
  await tx
    .update(schema.tokenWallets)
    .set({ lowBalanceThreshold: 5_000 })
    .where(dsql`${schema.tokenWallets.accountId} = ${ids.northwind}`);

  const day = 86_400_000;
  const start = Date.now() - 30 * day;
  const entries: (typeof schema.tokenTransactions.$inferInsert)[] = [];
  const entry = (
    accountId: string,
    at: number,
    e: Pick<typeof schema.tokenTransactions.$inferInsert, "type" | "amount" | "description"> &
      Partial<typeof schema.tokenTransactions.$inferInsert>,
  ) =>
    entries.push({
      accountId,
      walletId: walletOf(accountId),
      seq: 0,
      balanceAfter: 0,
      createdAt: new Date(at),
      ...e,
    });
  entry(ids.northwind, start, { type: "purchase", amount: 65_000, description: "Growth package" });
  entry(ids.blueBottle, start + day, { type: "bonus", amount: 500, description: "Promo WELCOME500" });
  entry(ids.blueBottle, start + day + 1, {
    type: "purchase",
    amount: 10_000,
    description: "Starter package",
  });
  entry(ids.northwind, start + 2 * day, {
    type: "transfer_out",
    amount: -8_000,
    description: "Transfer to Acme Outdoor",
    counterpartyAccountId: ids.acme,
  });
  entry(ids.acme, start + 2 * day + 1, {
    type: "transfer_in",
    amount: 8_000,
    description: "Transfer from Northwind Agency",
    counterpartyAccountId: ids.northwind,
  });
  const services = [
    { code: "content_generation", perUnit: 50 },
    { code: "image_generation", perUnit: 40 },
    { code: "email_send", perUnit: 1 },
  ];
  for (let d = 3; d < 30; d++) {
    for (const [i, account] of [ids.northwind, ids.acme, ids.blueBottle].entries()) {
      const service = services[(d + i) % services.length]!;
      const units = service.code === "email_send" ? 40 + ((d * 37 + i * 11) % 160) : 2 + ((d * 7 + i) % 9);
      entry(account, start + d * day + i * 1000, {
        type: "debit",
        amount: -service.perUnit * units,
        description: service.code.replace("_", " "),
        serviceCode: service.code,
        units,
      });
    }
  }
  for (const e of entries) await tx.insert(schema.tokenTransactions).values(e);
}

export async function seedDemo(ownerUrl: string): Promise<{ created: boolean }> {
  const { db, close } = createClient(ownerUrl, { max: 1 });
  try {
    const existing = await db.execute(dsql`select 1 from users where email = ${DEMO_LOGINS[0].email}`);
    if (existing.length > 0) {
      // A database seeded before marketing automation existed gets its demo contacts now.
      await db.transaction((tx) => seedAutomation(tx));
      return { created: false };
    }

    const passwordHash = await hash(DEMO_PASSWORD);
    await db.transaction(async (tx) => {
      const users = Object.fromEntries(DEMO_LOGINS.map((u) => [u.email, uuidv7()]));
      await tx.insert(schema.users).values(
        DEMO_LOGINS.map((u) => ({
          id: users[u.email]!,
          email: u.email,
          name: u.name,
          passwordHash,
          emailVerifiedAt: new Date(),
          isPlatformAdmin: u.email === "admin@markettina.test",
        })),
      );
      const northwind = uuidv7();
      const acme = uuidv7();
      const cedar = uuidv7();
      const blueBottle = uuidv7();
      await tx.insert(schema.accounts).values([
        {
          id: northwind,
          name: "Northwind Agency",
          slug: "northwind",
          kind: "agency",
          plan: "pro",
          timeZone: "Europe/Rome",
          locale: "en",
        },
        {
          id: acme,
          name: "Acme Outdoor",
          slug: "acme-outdoor",
          parentAccountId: northwind,
          plan: "starter",
          timeZone: "America/Denver",
        },
        {
          id: cedar,
          name: "Cedar Dental",
          slug: "cedar-dental",
          parentAccountId: northwind,
          plan: "starter",
          timeZone: "Europe/London",
        },
        {
          id: blueBottle,
          name: "Blue Bottle Bakery",
          slug: "blue-bottle",
          plan: "free",
          timeZone: "America/New_York",
        },
      ]);
      const u = (email: (typeof DEMO_LOGINS)[number]["email"]) => users[email]!;
      await tx.insert(schema.memberships).values([
        { accountId: northwind, userId: u("olivia.owner@northwind.test"), role: "owner" },
        { accountId: northwind, userId: u("adam.admin@northwind.test"), role: "admin" },
        { accountId: northwind, userId: u("mia.member@northwind.test"), role: "member" },
        { accountId: acme, userId: u("victor.viewer@northwind.test"), role: "viewer" },
        { accountId: acme, userId: u("bella.billing@northwind.test"), role: "billing" },
        { accountId: blueBottle, userId: u("sam.owner@bluebottle.test"), role: "owner" },
      ]);
      await tx.insert(schema.featureFlags).values([
        { key: "journey_builder", description: "Visual journey builder", enabled: true },
        { key: "ai_content", description: "AI content generation", enabled: true },
      ]);
      await seedBrand(tx, blueBottle, u("sam.owner@bluebottle.test"));
      await seedBilling(tx, { northwind, acme, cedar, blueBottle, olivia: u("olivia.owner@northwind.test") });
      await seedContent(tx, {
        northwind,
        acme,
        cedar,
        blueBottle,
        olivia: u("olivia.owner@northwind.test"),
        sam: u("sam.owner@bluebottle.test"),
      });
      await seedAutomation(tx, { acme });
      await seedJourney(tx, acme, u("olivia.owner@northwind.test"));
      await seedWorkflow(tx, acme, u("olivia.owner@northwind.test"));
    });
    return { created: true };
  } finally {
    await close();
  }
}
