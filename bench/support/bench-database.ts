// The benchmark's own database (markettina_bench), recreated and migrated on every run, with one
// agency of 50 sub-accounts × 5 members and the agency's owner. Inserted as the owner role.
import {
  appUrlFor,
  createClient,
  migrateDatabase,
  recreateDatabase,
  resolveDatabase,
  schema,
  uuidv7,
  withCredentials,
} from "../../packages/db/src/index.ts";

export const SUB_ACCOUNTS = 50;
export const MEMBERS_PER_ACCOUNT = 5;
const ROLES = ["owner", "admin", "member", "viewer", "billing"] as const;

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  agencyId: string;
  subAccountIds: string[];
  ownerUserId: string;
  stop: () => Promise<void>;
}

export async function createBenchDatabase(name = "markettina_bench"): Promise<BenchDatabase> {
  const target = await resolveDatabase();
  const u = new URL(target.ownerUrl);
  const ownerUrl = withCredentials(
    target.ownerUrl,
    decodeURIComponent(u.username),
    decodeURIComponent(u.password),
    name,
  );
  await recreateDatabase(ownerUrl);
  await migrateDatabase(ownerUrl);

  const agencyId = uuidv7();
  const ownerUserId = uuidv7();
  const subAccountIds: string[] = [];
  const owner = createClient(ownerUrl, { max: 1 });
  try {
    await owner.db.transaction(async (tx) => {
      const t0 = Date.UTC(2026, 0, 1);
      await tx
        .insert(schema.users)
        .values({ id: ownerUserId, email: "owner@agency.bench", name: "Agency Owner" });
      await tx
        .insert(schema.accounts)
        .values({ id: agencyId, name: "Bench Agency", slug: "bench-agency", kind: "agency" });
      await tx.insert(schema.memberships).values({ accountId: agencyId, userId: ownerUserId, role: "owner" });
      const accounts = [];
      const users = [];
      const memberships = [];
      for (let i = 1; i <= SUB_ACCOUNTS; i++) {
        const n = String(i).padStart(2, "0");
        const accountId = uuidv7();
        subAccountIds.push(accountId);
        accounts.push({ id: accountId, name: `Client ${n}`, slug: `client-${n}`, parentAccountId: agencyId });
        for (let j = 0; j < MEMBERS_PER_ACCOUNT; j++) {
          const userId = uuidv7();
          users.push({ id: userId, email: `member-${n}-${j}@client.bench`, name: `Member ${n}.${j}` });
          // Distinct creation times: memberships are listed oldest first.
          const createdAt = new Date(t0 + (i * MEMBERS_PER_ACCOUNT + j) * 1000);
          memberships.push({ accountId, userId, role: ROLES[j % ROLES.length]!, createdAt });
        }
      }
      await tx.insert(schema.users).values(users);
      await tx.insert(schema.accounts).values(accounts);
      await tx.insert(schema.memberships).values(memberships);
    });
    await owner.sql`analyze`;
  } finally {
    await owner.close();
  }
  return { ownerUrl, appUrl: appUrlFor(ownerUrl), agencyId, subAccountIds, ownerUserId, stop: target.stop };
}
