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
  /** A client account under this one (rebilling markups need a parent/child pair). */
  subAccountId: string;
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

  const subAccountId = await insertBillingRows(sql, label, accountId, userId, suffix);
  await insertContentRows(sql, label, accountId, userId);
  await insertAutomationRows(sql, label, accountId, userId);
  await insertWorkflowRows(sql, label, accountId, userId);

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
  return { label, accountId, userId, apiKeyId, subAccountId };
}

/** Content: a campaign with a content item (a version, an approval), a template, an asset, a
 * connector, a scheduled post and a generation. */
async function insertContentRows(sql: postgres.Sql, label: string, accountId: string, userId: string) {
  const campaignId = randomUUID();
  const templateId = randomUUID();
  const itemId = randomUUID();
  const connectorId = randomUUID();
  await sql`
    insert into campaigns (id, account_id, name, type, created_by)
    values (${campaignId}, ${accountId}, ${`Campaign ${label}`}, 'broadcast', ${userId})`;
  await sql`
    insert into content_templates (id, account_id, kind, name, body)
    values (${templateId}, ${accountId}, 'email', ${`Template ${label}`}, 'Hello {{first_name}}')`;
  await sql`
    insert into content_items (id, account_id, campaign_id, template_id, type, title, body, created_by)
    values (${itemId}, ${accountId}, ${campaignId}, ${templateId}, 'email', ${`Item ${label}`}, 'Body', ${userId})`;
  await sql`
    insert into content_versions (id, account_id, content_item_id, version, title, subject, body, status)
    values (${randomUUID()}, ${accountId}, ${itemId}, 1, ${`Item ${label}`}, '', 'Body', 'draft')`;
  await sql`
    insert into content_approvals (id, account_id, content_item_id, version, requested_by)
    values (${randomUUID()}, ${accountId}, ${itemId}, 1, ${userId})`;
  await sql`
    insert into media_assets (id, account_id, file_name, mime_type, size_bytes, sha256, storage_key)
    values (${randomUUID()}, ${accountId}, 'logo.png', 'image/png', 10, 'ab', ${`${accountId}/logo.png`})`;
  await sql`
    insert into connectors (id, account_id, kind, name) values (${connectorId}, ${accountId}, 'log', 'Log')`;
  await sql`
    insert into scheduled_posts (id, account_id, content_item_id, campaign_id, channel, connector_id, scheduled_at, time_zone)
    values (${randomUUID()}, ${accountId}, ${itemId}, ${campaignId}, 'email', ${connectorId},
            now() + interval '1 day', 'Europe/Rome')`;
  await sql`
    insert into content_generations (id, account_id, content_item_id, campaign_id, content_type, brief, prompt,
                                     brand_dna_version, provider, model)
    values (${randomUUID()}, ${accountId}, ${itemId}, ${campaignId}, 'social_post', 'brief', 'prompt', 1,
            'offline', 'templates-v1')`;
}

/** Billing: a ledger entry, a reservation, an invoice with an item and a payment, a promo
 * redemption, and a markup this account (as an agency) sets on a sub-account of its own. */
async function insertBillingRows(
  sql: postgres.Sql,
  label: string,
  accountId: string,
  userId: string,
  suffix: string,
): Promise<string> {
  const [wallet] = await sql<{ id: string }[]>`select id from token_wallets where account_id = ${accountId}`;
  const walletId = wallet!.id;
  const transactionId = randomUUID();
  // seq and balance_after are stamped by the ledger trigger.
  await sql`
    insert into token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after, actor_user_id)
    values (${transactionId}, ${accountId}, ${walletId}, 0, 'purchase', 1000, 0, ${userId})`;
  await sql`
    insert into token_reservations (id, account_id, wallet_id, service_code, units, base_tokens_per_unit, amount, expires_at)
    values (${randomUUID()}, ${accountId}, ${walletId}, 'content_generation', 1, 10, 10, now() + interval '1 hour')`;
  const invoiceId = randomUUID();
  const [{ number } = { number: 0 }] = await sql<{ number: number }[]>`
    update invoice_counters set last_number = last_number + 1 where name = 'invoice' returning last_number as number`;
  await sql`
    insert into invoices (id, account_id, number, currency, subtotal_minor, total_minor, billed_name)
    values (${invoiceId}, ${accountId}, ${number}, 'EUR', 1000, 1000, ${`Business ${suffix}`})`;
  await sql`
    insert into invoice_items (id, account_id, invoice_id, description, unit_price_minor, amount_minor, tokens)
    values (${randomUUID()}, ${accountId}, ${invoiceId}, 'Tokens', 1000, 1000, 1000)`;
  await sql`
    insert into payments (id, account_id, invoice_id, provider, amount_minor, currency)
    values (${randomUUID()}, ${accountId}, ${invoiceId}, 'manual', 1000, 'EUR')`;
  const promoId = randomUUID();
  await sql`
    insert into promo_codes (id, code, kind, bonus_tokens) values (${promoId}, ${`PROMO-${suffix}`}, 'bonus_tokens', 100)`;
  await sql`
    insert into promo_redemptions (id, account_id, promo_code_id, transaction_id, created_by)
    values (${randomUUID()}, ${accountId}, ${promoId}, ${transactionId}, ${userId})`;
  const childId = randomUUID();
  await sql`
    insert into accounts (id, name, slug, kind, parent_account_id)
    values (${childId}, ${`Client ${suffix}`}, ${`client-${suffix}`}, 'business', ${accountId})`;
  // A service of its own per tenant, so moving A's markup onto B's child hits the foreign key
  // rather than the one-markup-per-service unique key.
  const serviceCode = `svc_${label.toLowerCase()}_${suffix.slice(-8)}`;
  await sql`
    insert into service_pricing (id, service_code, name, unit, tokens_per_unit)
    values (${randomUUID()}, ${serviceCode}, ${`Service ${label}`}, 'unit', 10)`;
  await sql`
    insert into service_markups (id, account_id, sub_account_id, service_code, markup_bps)
    values (${randomUUID()}, ${accountId}, ${childId}, ${serviceCode}, 2000)`;
  return childId;
}

export async function insertTenancyFixtures(sql: postgres.Sql): Promise<TenancyFixtures> {
  const flagKey = `rls-test-${randomUUID().slice(0, 8)}`;
  await sql`insert into feature_flags (key, description) values (${flagKey}, 'RLS test flag')`;
  const A = await insertTenant(sql, "A", flagKey);
  const B = await insertTenant(sql, "B", flagKey);
  return { A, B, flagKey };
}

/** Automation: a contact with consent (and its history), a segment with the contact as member, an
 * event key, a journey with a published version, an execution with a step, node stats, a queued
 * message with a delivery log, and one marketing event per partition. */
async function insertAutomationRows(sql: postgres.Sql, label: string, accountId: string, userId: string) {
  const contactId = randomUUID();
  const segmentId = randomUUID();
  const journeyId = randomUUID();
  const versionId = randomUUID();
  const executionId = randomUUID();
  const messageId = randomUUID();
  await sql`
    insert into contacts (id, account_id, email, first_name, tags, attributes, created_by)
    values (${contactId}, ${accountId}, ${`contact-${label.toLowerCase()}@example.test`}, ${`Contact ${label}`},
            ${["vip"]}, ${sql.json({ plan: "pro" })}, ${userId})`;
  await sql`
    insert into consent_records (id, account_id, contact_id, channel, type, status, granted_at, source)
    values (${randomUUID()}, ${accountId}, ${contactId}, 'email', 'marketing', 'granted', now(), 'form')`;
  await sql`
    insert into consent_history (id, account_id, contact_id, channel, type, status, source, actor_user_id)
    values (${randomUUID()}, ${accountId}, ${contactId}, 'email', 'marketing', 'granted', 'form', ${userId})`;
  await sql`
    insert into marketing_segments (id, account_id, name, conditions, created_by)
    values (${segmentId}, ${accountId}, ${`VIPs ${label}`},
            ${sql.json({ kind: "tag", tag: "vip", op: "has" })}, ${userId})`;
  await sql`
    insert into segment_memberships (id, account_id, segment_id, contact_id)
    values (${randomUUID()}, ${accountId}, ${segmentId}, ${contactId})`;
  await sql`
    insert into marketing_event_keys (account_id, client_event_id, event_id, occurred_at)
    values (${accountId}, ${`evt-${label}`}, ${randomUUID()}, now())`;
  const definition = sql.json({ nodes: [], edges: [], settings: {} });
  // A draft journey with the smallest id: the composite-key test copies a version row to point at
  // the account's first journey by id, which must not already hold version 1.
  await sql`
    insert into journeys (id, account_id, name, draft, created_by)
    values (${`00000000-0000-4000-8000-00000000000${label.toLowerCase()}`}, ${accountId}, ${`Draft ${label}`},
            ${definition}, ${userId})`;
  await sql`
    insert into journeys (id, account_id, name, status, draft, published_version, created_by)
    values (${journeyId}, ${accountId}, ${`Welcome ${label}`}, 'active', ${definition}, 1, ${userId})`;
  await sql`
    insert into journey_versions (id, account_id, journey_id, number, definition, published_by)
    values (${versionId}, ${accountId}, ${journeyId}, 1, ${definition}, ${userId})`;
  await sql`
    insert into journey_executions (id, account_id, journey_id, journey_version_id, contact_id, entry_key,
                                    current_node_id, next_run_at)
    values (${executionId}, ${accountId}, ${journeyId}, ${versionId}, ${contactId}, 'manual', 'trigger', now())`;
  await sql`
    insert into journey_steps (id, account_id, execution_id, seq, node_id, node_kind, outcome)
    values (${randomUUID()}, ${accountId}, ${executionId}, 0, 'trigger', 'trigger', 'completed')`;
  await sql`
    insert into journey_node_stats (account_id, journey_id, node_id, entered, completed)
    values (${accountId}, ${journeyId}, 'trigger', 1, 1)`;
  await sql`
    insert into message_queue (id, account_id, contact_id, channel, provider, idempotency_key, journey_id,
                               execution_id, node_id, payload)
    values (${messageId}, ${accountId}, ${contactId}, 'email', 'log', ${`journey-step:${executionId}:1`},
            ${journeyId}, ${executionId}, 'send', ${sql.json({ to: "x@example.test", subject: "Hi" })})`;
  await sql`
    insert into delivery_logs (id, account_id, message_id, status)
    values (${randomUUID()}, ${accountId}, ${messageId}, 'queued')`;
  for (const { partition, at } of await partitionSampleTimes(sql, "marketing_events")) {
    const eventId = randomUUID();
    await sql`
      insert into marketing_events (id, account_id, contact_id, type, journey_id, occurred_at)
      values (${eventId}, ${accountId}, ${contactId}, 'journey_entered', ${journeyId}, ${at})`;
    const [landed] = await sql<{ partition: string }[]>`
      select tableoid::regclass::text as partition from marketing_events where id = ${eventId}`;
    if (landed?.partition !== partition) {
      throw new Error(
        `marketing event at ${at} landed in ${landed?.partition ?? "no partition"}, not ${partition}`,
      );
    }
  }
}

/**
 * Workflows. The first instance by id has no rows of its own: the composite-key test points a
 * copy of each child row (steps, events, variables…) at the account's first instance, and an
 * instance that already held a step of that id or an event of that version would answer with its
 * unique key before the foreign key is tested.
 */
async function insertWorkflowRows(sql: postgres.Sql, label: string, accountId: string, userId: string) {
  const l = label.toLowerCase();
  const definitionId = `00000000-0000-4000-8000-00000000010${l}`;
  const emptyInstanceId = `00000000-0000-4000-8000-00000000020${l}`;
  const instanceId = `00000000-0000-4000-8000-00000000021${l}`;
  const stepRowId = randomUUID();
  const definition = sql.json({
    steps: [{ id: "hello", type: "set_variable", parameters: { name: "x", value: 1 } }],
  });
  await sql`
    insert into workflow_definitions (id, account_id, name, version, definition, status, created_by)
    values (${definitionId}, ${accountId}, ${`Onboarding ${label}`}, 1, ${definition}, 'active', ${userId})`;
  for (const id of [emptyInstanceId, instanceId]) {
    await sql`
      insert into workflow_instances (id, account_id, definition_id, status, started_at, version)
      values (${id}, ${accountId}, ${definitionId}, 'running', now(), 1)`;
  }
  await sql`
    insert into workflow_steps (id, account_id, instance_id, step_id, name, type, execution_order, status, attempts, started_at)
    values (${stepRowId}, ${accountId}, ${instanceId}, 'hello', 'Hello', 'set_variable', 0, 'running', 1, now())`;
  await sql`
    insert into step_executions (id, account_id, instance_id, step_row_id, attempt)
    values (${randomUUID()}, ${accountId}, ${instanceId}, ${stepRowId}, 1)`;
  await sql`
    insert into workflow_events (id, account_id, instance_id, version, type, actor)
    values (${randomUUID()}, ${accountId}, ${instanceId}, 1, 'instance_started', 'worker')`;
  await sql`
    insert into workflow_variables (id, account_id, instance_id, name, type, value)
    values (${randomUUID()}, ${accountId}, ${instanceId}, 'x', 'number', '1'::jsonb)`;
  await sql`
    insert into workflow_snapshots (id, account_id, instance_id, version, data)
    values (${randomUUID()}, ${accountId}, ${instanceId}, 1, ${sql.json({ status: "running" })})`;
  await sql`
    insert into workflow_compensations (id, account_id, instance_id, step_id, type, position)
    values (${randomUUID()}, ${accountId}, ${instanceId}, 'hello', 'set_variable', 1)`;
  await sql`
    insert into workflow_schedules (id, account_id, definition_id, name, cron, next_run_at, created_by)
    values (${randomUUID()}, ${accountId}, ${definitionId}, ${`Daily ${label}`}, '0 9 * * *', now() + interval '1 day', ${userId})`;
}
