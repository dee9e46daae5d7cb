// Rows for two tenants, A and B, in every tenant table, written as the migration owner. A new
// tenant table needs its insert here: the RLS test fails, naming the table, until it has one.
import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { partitionSampleTimes } from "./tenant-catalog.ts";

export interface TenantFixture {
  label: "A" | "B";
  accountId: string;
  /** Owner of this account and member of no other. */
  userId: string;
  apiKeyId: string;
}

export interface TenancyFixtures {
  A: TenantFixture;
  B: TenantFixture;
  flagKey: string;
}

async function insertTenant(sql: postgres.Sql, label: "A" | "B", flagKey: string): Promise<TenantFixture> {
  const suffix = `${label.toLowerCase()}-${randomUUID().slice(0, 8)}`;
  const accountId = randomUUID();
  const userId = randomUUID();
  const apiKeyId = randomUUID();
  await sql`insert into users (id, email, name) values (${userId}, ${`owner-${suffix}@example.test`}, ${`Owner ${label}`})`;
  await sql`
    insert into accounts (id, name, slug, kind, created_by)
    values (${accountId}, ${`Business ${label}`}, ${`business-${suffix}`}, 'business', ${userId})`;
  await sql`
    insert into memberships (id, account_id, user_id, role)
    values (${randomUUID()}, ${accountId}, ${userId}, 'owner')`;
  await sql`
    insert into invitations (id, account_id, email, role, token_hash, expires_at, created_by)
    values (${randomUUID()}, ${accountId}, ${`invitee-${suffix}@example.test`}, 'member',
            ${`token-${suffix}`}, now() + interval '7 days', ${userId})`;
  await sql`
    insert into api_keys (id, account_id, name, prefix, secret_hash, scopes, created_by)
    values (${apiKeyId}, ${accountId}, ${`Key ${label}`}, ${`mk_${label}`}, ${`secret-${suffix}`},
            ${["read"]}, ${userId})`;
  await sql`
    insert into audit_logs (id, account_id, actor_user_id, action, entity_type, entity_id)
    values (${randomUUID()}, ${accountId}, ${userId}, 'account.create', 'account', ${accountId})`;
  await sql`
    insert into audit_logs (id, account_id, actor_api_key_id, action, entity_type, entity_id)
    values (${randomUUID()}, ${accountId}, ${apiKeyId}, 'api_key.use', 'api_key', ${apiKeyId})`;
  await sql`
    insert into idempotency_keys (id, account_id, key, operation, request_fingerprint, expires_at)
    values (${randomUUID()}, ${accountId}, ${`idem-${suffix}`}, 'createThing', 'fingerprint',
            now() + interval '1 day')`;
  await sql`
    insert into account_feature_flags (id, account_id, flag_key, enabled)
    values (${randomUUID()}, ${accountId}, ${flagKey}, true)`;
  await sql`
    insert into api_rate_limits (id, account_id, api_key_id, level, capacity, leak_per_second)
    values (${randomUUID()}, ${accountId}, ${apiKeyId}, 0, 100, 10)`;

  // domain_events through the parent, one event per partition, so every partition is covered.
  for (const { partition, at } of await partitionSampleTimes(sql, "domain_events")) {
    const eventId = randomUUID();
    await sql`
      insert into domain_events (id, account_id, aggregate_type, aggregate_id, event_type, actor_user_id, created_at)
      values (${eventId}, ${accountId}, 'account', ${accountId}, 'account.created', ${userId}, ${at})`;
    const [landed] = await sql<{ partition: string }[]>`
      select tableoid::regclass::text as partition from domain_events where id = ${eventId}`;
    if (landed?.partition !== partition) {
      throw new Error(
        `domain event at ${at} landed in ${landed?.partition ?? "no partition"}, not ${partition}`,
      );
    }
  }
  return { label, accountId, userId, apiKeyId };
}

export async function insertTenancyFixtures(sql: postgres.Sql): Promise<TenancyFixtures> {
  const flagKey = `rls-test-${randomUUID().slice(0, 8)}`;
  await sql`insert into feature_flags (key, description) values (${flagKey}, 'RLS test flag')`;
  const A = await insertTenant(sql, "A", flagKey);
  const B = await insertTenant(sql, "B", flagKey);
  return { A, B, flagKey };
}
