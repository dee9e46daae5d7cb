// The call_webhook action of journeys, delivered through pg-boss as an outbox. The step enqueues
// the call in ITS OWN transaction (pg-boss writes the job through the step's connection, see
// txDatabase), so the call is queued if and only if the step commits: never lost by a crash after
// the commit, never queued by a step that rolled back. The job then POSTs the contact and journey
// to the webhook connector, signed as every webhook is (webhook-connector.ts: timestamp + HMAC),
// with the step's key as Idempotency-Key on every attempt; pg-boss retries failures with backoff.
// A receiver may see a call twice (a worker dying after the POST and before completing the job)
// and drops the repeat by its Idempotency-Key.
import type { Database, TenantScope, Transaction } from "@markettina/db";
import { schema, withTenant } from "@markettina/db";
import type { JourneyEffectQueue, JourneyWebhookCall, WebhookConfig } from "@markettina/domain";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db as IDatabase, PgBoss } from "pg-boss";
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from "../connectors/webhook-connector.ts";
import type { Logger } from "../logger.ts";

export const JOURNEY_WEBHOOK_QUEUE = "automation.call-webhook";

/** pg-boss's database port over an open drizzle transaction: its SQL ($1, $2…) runs in that
 * transaction, on its connection. */
export function txDatabase(tx: Transaction): IDatabase {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) =>
        i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`,
      );
      const rows = await tx.execute(sql.join(chunks));
      return { rows: [...rows] };
    },
  };
}

export function journeyEffectQueue(boss: PgBoss): JourneyEffectQueue {
  return {
    async enqueueWebhook(tx, call) {
      await boss.send(JOURNEY_WEBHOOK_QUEUE, call, { singletonKey: call.key, db: txDatabase(tx) });
    },
  };
}

export async function startJourneyWebhooks(deps: {
  boss: PgBoss;
  db: Database;
  logger: Logger;
  timeoutMs?: number;
}): Promise<void> {
  const { boss } = deps;
  const options = {
    retryLimit: 5,
    retryBackoff: true,
    retryDelay: 30,
    retryDelayMax: 3_600,
    expireInSeconds: 60,
    deleteAfterSeconds: 86_400,
  };
  await boss.createQueue(JOURNEY_WEBHOOK_QUEUE, { policy: "exclusive", ...options });
  await boss.updateQueue(JOURNEY_WEBHOOK_QUEUE, options);
  await boss.work<JourneyWebhookCall>(
    JOURNEY_WEBHOOK_QUEUE,
    { localConcurrency: 2, pollingIntervalSeconds: 1 },
    async ([job]) => {
      const outcome = await deliverJourneyWebhook(deps.db, job!.data, deps.timeoutMs);
      if (outcome !== "delivered")
        deps.logger.warn({ key: job!.data.key, outcome }, "journey webhook not delivered");
      return { outcome };
    },
  );
}

/** Posts one call; throws (to be retried) when the receiver could not be reached or did not
 * answer 2xx. A connector that is gone, disabled or without a secret is not retried. */
export async function deliverJourneyWebhook(
  db: Database,
  call: JourneyWebhookCall,
  timeoutMs = 10_000,
): Promise<"delivered" | "connector_missing" | "connector_disabled" | "no_secret"> {
  const scope: TenantScope = {
    accountId: call.accountId,
    accountIds: [call.accountId],
    userId: null,
    apiKeyId: null,
  };
  const k = schema.connectors;
  const [connector] = await withTenant(db, scope, (tx) =>
    tx
      .select({ kind: k.kind, enabled: k.enabled, config: k.config, secret: k.secret })
      .from(k)
      .where(and(eq(k.accountId, call.accountId), eq(k.id, call.connectorId))),
  );
  if (connector?.kind !== "webhook") return "connector_missing";
  if (!connector.enabled) return "connector_disabled";
  if (!connector.secret) return "no_secret";
  const config = connector.config as WebhookConfig;
  const body = JSON.stringify({
    id: call.key,
    type: "journey.step",
    accountId: call.accountId,
    journeyId: call.journeyId,
    executionId: call.executionId,
    nodeId: call.nodeId,
    contact: call.contact,
    occurredAt: call.occurredAt,
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const response = await fetch(config.url, {
    method: "POST",
    headers: {
      ...config.headers,
      "content-type": "application/json",
      "user-agent": "Markettina-Webhooks/1",
      "idempotency-key": call.key,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(connector.secret, timestamp, body),
    },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`The webhook answered HTTP ${response.status}.`);
  return "delivered";
}
