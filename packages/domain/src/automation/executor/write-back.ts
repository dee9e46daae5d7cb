// The end of a batch of walks (advance-execution.ts): everything they produced written in one
// statement, then the node statistics.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { bumpManyNodeStats, type NodeStatDeltas } from "./node-stats.ts";
import type { Walk } from "./walk.ts";

const json = (value: unknown) => sql`${JSON.stringify(value)}::text::jsonb`;

/**
 * Everything the walks produced, in ONE statement for all of them (queued messages, the
 * executions, the step log, the marketing events, as data-modifying CTEs), then the hot statistics
 * rows last, so their locks are held only until the commit.
 */
export async function writeBack(ctx: OperationContext, walks: readonly Walk[], now: Date): Promise<void> {
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
  const messages = walks.flatMap((w) => w.messages);
  const parts: SQL[] = [];
  if (messages.length > 0) {
    const rows = messages.map(
      (
        m,
      ) => sql`(${m.id}::uuid, ${m.accountId}::uuid, ${m.contactId}::uuid, ${m.channel}::message_channel, ${m.provider}::text,
                  ${m.purpose ?? "marketing"}::consent_type, ${m.idempotencyKey}::text, ${m.journeyId ?? null}::uuid,
                  ${m.executionId ?? null}::uuid, ${m.nodeId ?? null}::text, ${m.campaignId ?? null}::uuid, ${json(m.payload)},
                  ${m.scheduledAt}::timestamptz, ${at}, ${at})`,
    );
    parts.push(sql`queued as (
      insert into message_queue (id, account_id, contact_id, channel, provider, purpose, idempotency_key, journey_id,
                                 execution_id, node_id, campaign_id, payload, scheduled_at, created_at, updated_at)
      values ${sql.join(rows, sql`, `)}
      on conflict (account_id, idempotency_key) do nothing
      returning id, idempotency_key)`);
  }
  const steps = walks.flatMap((w) =>
    w.steps.map(
      (
        s,
      ) => sql`(${uuidv7()}::uuid, ${ctx.accountId}::uuid, ${w.execution.id}::uuid, ${s.seq}::int, ${s.nodeId}::text,
                  ${s.nodeKind}::text, ${s.outcome}::text, ${s.error}::text, ${json(s.detail)}, ${at}, ${at})`,
    ),
  );
  if (steps.length > 0) {
    parts.push(sql`steps as (
      insert into journey_steps (id, account_id, execution_id, seq, node_id, node_kind, outcome, error, detail, started_at, finished_at)
      values ${sql.join(steps, sql`, `)})`);
  }
  const events = walks.flatMap((w) =>
    w.events.map(
      (
        ev,
      ) => sql`(${uuidv7()}::uuid, ${ctx.accountId}::uuid, ${w.execution.contactId}::uuid, ${ev.type}::text,
                   ${w.campaignId}::uuid, ${w.execution.journeyId}::uuid, ${json(ev.payload)}, ${at})`,
    ),
  );
  if (events.length > 0) {
    parts.push(sql`events as (
      insert into marketing_events (id, account_id, contact_id, type, campaign_id, journey_id, payload, occurred_at)
      values ${sql.join(events, sql`, `)})`);
  }
  const moves = walks.map((w) => {
    const end = w.end!;
    const finished = end.status !== "active" && end.status !== "waiting";
    return sql`(${w.execution.id}::uuid, ${w.nodeId}::text, ${w.seq}::int, ${end.status}::journey_execution_status,
                ${json(w.state)}, ${end.nextRunAt}::timestamptz, ${finished ? (end.reason ?? null) : null}::text,
                ${finished ? now : null}::timestamptz, ${end.converted ? now : w.execution.convertedAt}::timestamptz)`;
  });
  parts.push(sql`moved as (
    update journey_executions e
       set current_node_id = v.node_id, step_seq = v.seq, status = v.status, state = v.state,
           next_run_at = v.next_run_at, exit_reason = v.exit_reason, completed_at = v.completed_at,
           converted_at = v.converted_at, updated_at = ${at}
      from (values ${sql.join(moves, sql`, `)})
           as v(id, node_id, seq, status, state, next_run_at, exit_reason, completed_at, converted_at)
     where e.id = v.id
       -- By primary key, the tenant left to row-level security (see the lock above); the ids again
       -- as a list, so the rows are found by key rather than by joining every row to VALUES.
       and e.id in (${sql.join(
         walks.map((w) => sql`${w.execution.id}::uuid`),
         sql`, `,
       )}))`);
  const queued = await ctx.tx.execute<{ id: string; idempotency_key: string }>(sql`
    with ${sql.join(parts, sql`, `)}
    ${messages.length > 0 ? sql`select id, idempotency_key from queued` : sql`select null::uuid as id, null::text as idempotency_key where false`}`);

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
