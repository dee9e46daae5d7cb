// Demo data: an agency with two clients, a standalone business, a user for every role and a
// platform admin. Idempotent: running it twice changes nothing. Runs as the owner.
import { hash } from "@node-rs/argon2";
import { sql as dsql } from "drizzle-orm";
import { createClient } from "./client.ts";
import { uuidv7 } from "./schema/columns.ts";
import * as schema from "./schema/index.ts";

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

export async function seedDemo(ownerUrl: string): Promise<{ created: boolean }> {
  const { db, close } = createClient(ownerUrl, { max: 1 });
  try {
    const existing = await db.execute(dsql`select 1 from users where email = ${DEMO_LOGINS[0].email}`);
    if (existing.length > 0) return { created: false };

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
    });
    return { created: true };
  } finally {
    await close();
  }
}
