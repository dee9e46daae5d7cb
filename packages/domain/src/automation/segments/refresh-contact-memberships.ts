// Incremental refresh: after a change that can affect segments (attributes, tags, consent, events,
// a contact created, deleted or restored), re-evaluates the account's dynamic segments for just
// these contacts — one statement per segment, the compiled tree with `c.id = any(<ids>)` — records
// entries and exits in segment_memberships, adjusts member_count by the difference, and enrols the
// entrants into journeys triggered by entry to the segment. Runs in the caller's transaction, so
// the change and its membership consequences commit together.
//
// Segments are evaluated in dependency order (a segment after those its tree reads), so a contact
// who just entered "VIP" is seen by "VIP in Paris" in the same call. Locks: the segments' advisory
// locks shared (refresh-segment.ts): incremental refreshes run side by side, a full refresh of the
// same segment waits for them or they for it. Member counts are updated last, in id order, in one
// statement, so two concurrent calls take the segment rows' locks in the same order. Deleted
// contacts also leave the static segments that hold them.
import { schema } from "@markettina/db";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { enrolByTrigger } from "../journeys/enrol-by-trigger.ts";
import { compileConditions } from "./compile-conditions.ts";
import { Condition } from "./conditions.ts";
import { segmentLock } from "./refresh-segment.ts";
import { dependencyOrder, segmentReferences } from "./segment-graph.ts";

export interface MembershipChanges {
  entered: { segmentId: string; contactId: string }[];
  exited: { segmentId: string; contactId: string }[];
}

export async function refreshContactMemberships(
  ctx: OperationContext,
  contactIds: readonly string[],
  options: { now?: Date } = {},
): Promise<MembershipChanges> {
  const changes: MembershipChanges = { entered: [], exited: [] };
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return changes;
  const s = schema.marketingSegments;
  const rows = await ctx.tx
    .select({ id: s.id, kind: s.kind, conditions: s.conditions })
    .from(s)
    .where(and(eq(s.accountId, ctx.accountId), isNull(s.deletedAt)));
  const trees = new Map<string, Condition>();
  for (const row of rows) {
    // A stored tree that no longer parses is skipped here; its full refresh reports it.
    const parsed = row.kind === "dynamic" ? Condition.safeParse(row.conditions) : null;
    if (parsed?.success) trees.set(row.id, parsed.data);
  }
  const order = dependencyOrder(
    new Map([...trees].map(([id, tree]) => [id, segmentReferences(tree).map((r) => r.segmentId)])),
  );
  // Static segments too: a deleted contact leaves them (endStaticMemberships) while people may be
  // adding members, which takes the lock exclusively.
  await segmentLock(
    ctx,
    rows.map((r) => r.id),
    "shared",
  );

  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  const idList = sql`${sql.param(ids)}::uuid[]`;
  const deltas = new Map<string, number>();
  for (const segmentId of order) {
    const matches = compileConditions(trees.get(segmentId)!, { accountId: ctx.accountId, now: options.now });
    const [row] = await ctx.tx.execute<{ entered: string[]; exited: string[] }>(sql`
      with matching as materialized (
        select c.id from contacts c where c.id = any(${idList}) and ${matches}
      ), entered as (
        insert into segment_memberships (id, account_id, segment_id, contact_id, entered_at)
        select app.uuidv7(), ${ctx.accountId}, ${segmentId}, x.id, ${now}
          from matching x
         where not exists (select 1 from segment_memberships m
                            where m.account_id = ${ctx.accountId} and m.segment_id = ${segmentId}
                              and m.contact_id = x.id and m.exited_at is null)
         order by x.id
        on conflict (account_id, segment_id, contact_id) where exited_at is null do nothing
        returning contact_id
      ), exited as (
        update segment_memberships m set exited_at = greatest(${now}, m.entered_at)
         where m.account_id = ${ctx.accountId} and m.segment_id = ${segmentId}
           and m.contact_id = any(${idList}) and m.exited_at is null
           and not exists (select 1 from matching x where x.id = m.contact_id)
        returning m.contact_id
      )
      select coalesce((select array_agg(contact_id order by contact_id) from entered), '{}') as entered,
             coalesce((select array_agg(contact_id order by contact_id) from exited), '{}') as exited`);
    const { entered, exited } = row!;
    for (const contactId of entered) changes.entered.push({ segmentId, contactId });
    for (const contactId of exited) changes.exited.push({ segmentId, contactId });
    if (entered.length !== exited.length) deltas.set(segmentId, entered.length - exited.length);
  }

  if (deltas.size > 0) {
    const segmentIds = [...deltas.keys()].sort();
    await ctx.tx.execute(sql`
      update marketing_segments s set member_count = greatest(0, s.member_count + d.delta)
        from unnest(${sql.param(segmentIds)}::uuid[], ${sql.param(segmentIds.map((id) => deltas.get(id)!))}::int[])
             as d(id, delta)
       where s.account_id = ${ctx.accountId} and s.id = d.id`);
  }
  if (rows.some((r) => r.kind === "static")) {
    for (const gone of await endStaticMemberships(ctx, ids, now)) {
      changes.exited.push({ segmentId: gone.segment_id, contactId: gone.contact_id });
    }
  }

  for (const segmentId of order) {
    const entrants = changes.entered.filter((e) => e.segmentId === segmentId).map((e) => e.contactId);
    if (entrants.length > 0) {
      await enrolByTrigger(ctx, { type: "segment_entry", segmentId, contactIds: entrants });
    }
  }
  return changes;
}

/**
 * Deleted contacts leave static segments too (as they leave dynamic ones, whose trees never match
 * a deleted contact); restoring a contact does not put it back in hand-made lists.
 */
async function endStaticMemberships(ctx: OperationContext, ids: string[], now: SQL) {
  return ctx.tx.execute<{ segment_id: string; contact_id: string }>(sql`
    with gone as (
      update segment_memberships m set exited_at = greatest(${now}, m.entered_at)
        from contacts c, marketing_segments s
       where m.account_id = ${ctx.accountId} and m.contact_id = any(${sql.param(ids)}::uuid[])
         and m.exited_at is null
         and c.account_id = m.account_id and c.id = m.contact_id and c.deleted_at is not null
         and s.account_id = m.account_id and s.id = m.segment_id and s.kind = 'static'
      returning m.segment_id, m.contact_id
    ), counted as (
      update marketing_segments s set member_count = greatest(0, s.member_count - g.n)
        from (select segment_id, count(*)::int as n from gone group by segment_id) g
       where s.account_id = ${ctx.accountId} and s.id = g.segment_id
    )
    select segment_id, contact_id from gone order by segment_id, contact_id`);
}
