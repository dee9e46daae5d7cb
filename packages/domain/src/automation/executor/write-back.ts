// The end of a batch of walks (advance-execution.ts): everything they produced written in one
// statement, then the node statistics.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { bumpManyNodeStats, type NodeStatDeltas } from "./node-stats.ts";
import { continuesNow, type Walk } from "./walk.ts";

const json = (value: unknown) => sql`${JSON.stringify(value)}::text::jsonb`;

/**
 * Everything the walks produced, in ONE statement for all of them (queued messages, the
 * executions, the step log, the marketing events, as data-modifying CTEs), then the hot statistics
 * rows last, so their locks are held only until the commit.
 */
export async function writeBack(
  ctx: OperationContext,
  walks: readonly Walk[],
  now: Date,
  /** handedOver: the work left for right away goes to the queue with this transaction (stamped
   * dispatched_at); otherwise it is left for the dispatchers. */
  o: { handedOver: boolean },
): Promise<void> {
  if (walks.length === 0) return;
  const at = sql`${now}::timestamptz`;
  for (const walk of walks) {
    if (walk.end!.status !== "active" && walk.end!.status !== "waiting") {
      walk.events.push({
        type: "journey_exited",
        payload: {
          executionId: walk.execution.id,
          nodeId: walk.nodeId,
          reason: walk.end!.reason ?? walk.end!.status,
        },
      });
    }
  }
  // Each table's rows travel as ONE jsonb parameter (jsonb_to_recordset), not as a VALUES list of
  // bound parameters: the statement's text is then the same for any number of walks, so Postgres
  // parses and plans a short statement instead of one with thousands of parameters (planning such
  // a list cost more than the inserts themselves).
  const messages = walks.flatMap((w) => w.messages);
  const messageRows = messages.map((m) => ({
    id: m.id,
    account_id: m.accountId,
    contact_id: m.contactId,
    channel: m.channel,
    provider: m.provider,
    purpose: m.purpose ?? "marketing",
    idempotency_key: m.idempotencyKey,
    journey_id: m.journeyId ?? null,
    execution_id: m.executionId ?? null,
    node_id: m.nodeId ?? null,
    campaign_id: m.campaignId ?? null,
    payload: m.payload,
    scheduled_at: m.scheduledAt.toISOString(),
    dispatched_at: o.handedOver ? now.toISOString() : null,
  }));
  const stepRows = walks.flatMap((w) =>
    w.steps.map((s) => ({
      id: uuidv7(),
      execution_id: w.execution.id,
      seq: s.seq,
      node_id: s.nodeId,
      node_kind: s.nodeKind,
      outcome: s.outcome,
      error: s.error,
      detail: s.detail,
    })),
  );
  const eventRows = walks.flatMap((w) =>
    w.events.map((ev) => ({
      id: uuidv7(),
      contact_id: w.execution.contactId,
      type: ev.type,
      campaign_id: w.campaignId,
      journey_id: w.execution.journeyId,
      payload: ev.payload,
    })),
  );
  const moveRows = walks.map((w) => {
    const end = w.end!;
    const finished = end.status !== "active" && end.status !== "waiting";
    return {
      id: w.execution.id,
      node_id: w.nodeId,
      seq: w.seq,
      status: end.status,
      state: w.state,
      next_run_at: end.nextRunAt?.toISOString() ?? null,
      exit_reason: finished ? (end.reason ?? null) : null,
      completed_at: finished ? now.toISOString() : null,
      converted_at: (end.converted ? now : w.execution.convertedAt)?.toISOString() ?? null,
      dispatched_at: o.handedOver && continuesNow(w, now) ? now.toISOString() : null,
    };
  });
  const queued = await ctx.tx.execute<{ id: string; idempotency_key: string }>(sql`
    with queued as (
      insert into message_queue (id, account_id, contact_id, channel, provider, purpose, idempotency_key, journey_id,
                                 execution_id, node_id, campaign_id, payload, scheduled_at, dispatched_at, created_at, updated_at)
      select r.id, r.account_id, r.contact_id, r.channel, r.provider, r.purpose, r.idempotency_key, r.journey_id,
             r.execution_id, r.node_id, r.campaign_id, r.payload, r.scheduled_at, r.dispatched_at, ${at}, ${at}
        from jsonb_to_recordset(${json(messageRows)}) as r(id uuid, account_id uuid, contact_id uuid,
             channel message_channel, provider text, purpose consent_type, idempotency_key text, journey_id uuid,
             execution_id uuid, node_id text, campaign_id uuid, payload jsonb, scheduled_at timestamptz,
             dispatched_at timestamptz)
      on conflict (account_id, idempotency_key) do nothing
      returning id, idempotency_key
    ), steps as (
      insert into journey_steps (id, account_id, execution_id, seq, node_id, node_kind, outcome, error, detail, started_at, finished_at)
      select r.id, ${ctx.accountId}::uuid, r.execution_id, r.seq, r.node_id, r.node_kind, r.outcome, r.error, r.detail, ${at}, ${at}
        from jsonb_to_recordset(${json(stepRows)}) as r(id uuid, execution_id uuid, seq int, node_id text,
             node_kind text, outcome text, error text, detail jsonb)
    ), events as (
      insert into marketing_events (id, account_id, contact_id, type, campaign_id, journey_id, payload, occurred_at)
      select r.id, ${ctx.accountId}::uuid, r.contact_id, r.type, r.campaign_id, r.journey_id, r.payload, ${at}
        from jsonb_to_recordset(${json(eventRows)}) as r(id uuid, contact_id uuid, type text, campaign_id uuid,
             journey_id uuid, payload jsonb)
    ), moved as (
      update journey_executions e
         set current_node_id = v.node_id, step_seq = v.seq, status = v.status, state = v.state,
             next_run_at = v.next_run_at, exit_reason = v.exit_reason, completed_at = v.completed_at,
             converted_at = v.converted_at, dispatched_at = v.dispatched_at, updated_at = ${at}
        from jsonb_to_recordset(${json(moveRows)}) as v(id uuid, node_id text, seq int,
             status journey_execution_status, state jsonb, next_run_at timestamptz, exit_reason text,
             completed_at timestamptz, converted_at timestamptz, dispatched_at timestamptz)
       where e.id = v.id
         -- By primary key, the tenant left to row-level security (see the lock above); the ids again
         -- as an array, so the rows are found by key rather than by joining every row to the set.
         and e.id = any(${sql.param(walks.map((w) => w.execution.id))}::uuid[])
    )
    select id, idempotency_key from queued`);

  const created = new Set(queued.map((q) => q.id));
  for (const walk of walks) for (const m of walk.messages) if (created.has(m.id)) walk.messageIds.push(m.id);
  if (created.size < messages.length) await noteEarlierMessages(ctx, walks, created);

  // Statistics: summed per journey and node, journeys in id order (node-stats.ts orders the nodes).
  const perJourney = new Map<string, Map<string, NodeStatDeltas>>();
  for (const walk of walks) {
    const sums = perJourney.get(walk.execution.journeyId) ?? new Map<string, NodeStatDeltas>();
    for (const [nodeId, d] of walk.stats) {
      const total = sums.get(nodeId) ?? {};
      for (const [k, n] of Object.entries(d) as [keyof NodeStatDeltas, number][])
        total[k] = (total[k] ?? 0) + n;
      sums.set(nodeId, total);
    }
    perJourney.set(walk.execution.journeyId, sums);
  }
  for (const journeyId of [...perJourney.keys()].sort()) {
    await bumpManyNodeStats(ctx.tx, ctx.accountId, journeyId, perJourney.get(journeyId)!);
  }
}

/**
 * A step's message was already queued by an earlier run of the same step (its key was taken).
 * Never expected — the step would not run again — but if it happens the step log names the
 * message that exists rather than the one that was not queued.
 */
async function noteEarlierMessages(
  ctx: OperationContext,
  walks: readonly Walk[],
  created: ReadonlySet<string>,
) {
  const taken = walks.flatMap((w) =>
    w.messages.filter((m) => !created.has(m.id)).map((m) => ({ walk: w, m })),
  );
  const q = schema.messageQueue;
  const existing = await ctx.tx
    .select({ id: q.id, key: q.idempotencyKey })
    .from(q)
    .where(
      and(
        eq(q.accountId, ctx.accountId),
        inArray(
          q.idempotencyKey,
          taken.map((t) => t.m.idempotencyKey),
        ),
      ),
    );
  const byKey = new Map(existing.map((r) => [r.key, r.id]));
  for (const { walk, m } of taken) {
    const seq = walk.steps.find((s) => s.detail.messageId === m.id)?.seq;
    if (seq === undefined) continue;
    await ctx.tx
      .update(schema.journeySteps)
      .set({
        detail: sql`jsonb_set(${schema.journeySteps.detail}, '{messageId}', to_jsonb(${byKey.get(m.idempotencyKey) ?? null}::text))`,
      })
      .where(
        and(
          eq(schema.journeySteps.accountId, ctx.accountId),
          eq(schema.journeySteps.executionId, walk.execution.id),
          eq(schema.journeySteps.seq, seq),
        ),
      );
  }
}
