// Full refresh of one segment: who matches now, with ONE statement that computes the set and
// applies the difference to segment_memberships set-based — entrants inserted (INSERT … SELECT …
// WHERE NOT EXISTS), leavers given exited_at, member_count and last_calculated_at stored — so the
// work is the same one query at 100 or 100,000 contacts and it commits or rolls back as a whole.
// Entrants then go to the journeys triggered by entry to the segment.
//
// Locking. Each segment has a transaction-scoped advisory lock (segmentLock): a full refresh and
// every edit of the segment take it exclusively, incremental refreshes (refresh-contact-
// memberships.ts) share it. Two full refreshes of a segment therefore run one after the other (the
// second sees the first's memberships and changes nothing), and an incremental refresh never
// inserts a member that a concurrent full refresh is inserting too. The advisory lock is always
// taken before the segment's row lock, in every path, so the two cannot deadlock.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { fail, parseInput } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { recordChange } from "../../platform/record-change.ts";
import { enrolByTrigger } from "../journeys/enrol-by-trigger.ts";
import { compileConditions } from "./compile-conditions.ts";
import { Condition } from "./conditions.ts";
import { loadSegment, type SegmentRow } from "./load-segment.ts";

/** First key of the segments' advisory locks (the second is a hash of the segment id). */
const SEGMENT_LOCK_SPACE = 0x5e6_3e47;

/** Takes the segment's advisory lock until the transaction ends (see the header). */
export async function segmentLock(
  ctx: OperationContext,
  segmentIds: readonly string[],
  mode: "exclusive" | "shared",
): Promise<void> {
  if (segmentIds.length === 0) return;
  const fn = sql.raw(mode === "exclusive" ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared");
  // Sorted, so two transactions locking several segments take them in the same order.
  const ids = [...segmentIds].sort();
  await ctx.tx.execute(
    sql`select ${fn}(${SEGMENT_LOCK_SPACE}::int, hashtext(id)) from unnest(${sql.param(ids)}::text[]) with ordinality as t(id, n) order by n`,
  );
}

export interface RefreshResult {
  segmentId: string;
  memberCount: number;
  entered: string[];
  exited: number;
}

export interface RefreshOptions {
  /** The clock for the conditions and the entry/exit times; default now(). */
  now?: Date;
}

/**
 * Recomputes the segment's members. The caller holds segmentLock (exclusive) for it. A dynamic
 * segment is evaluated; a static one only has its member count recounted.
 */
export async function recalculateSegment(
  ctx: OperationContext,
  segment: SegmentRow,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  const now = options.now ? sql`${options.now.toISOString()}::timestamptz` : sql`now()`;
  if (segment.kind === "static") {
    const [row] = await ctx.tx.execute<{ members: number }>(sql`
      update marketing_segments s set member_count = counted.n, last_calculated_at = ${now}
        from (select count(*)::int as n from segment_memberships m
                join contacts c on c.account_id = m.account_id and c.id = m.contact_id
               where m.account_id = ${ctx.accountId} and m.segment_id = ${segment.id}
                 and m.exited_at is null and c.deleted_at is null) counted
       where s.account_id = ${ctx.accountId} and s.id = ${segment.id}
      returning s.member_count as members`);
    return { segmentId: segment.id, memberCount: row?.members ?? 0, entered: [], exited: 0 };
  }
  const condition = Condition.parse(segment.conditions);
  const matches = compileConditions(condition, { accountId: ctx.accountId, now: options.now });
  const [row] = await ctx.tx.execute<{ members: number; entered: string[]; exited: number }>(sql`
    with matching as materialized (
      select c.id from contacts c where ${matches}
    ), entered as (
      insert into segment_memberships (id, account_id, segment_id, contact_id, entered_at)
      select app.uuidv7(), ${ctx.accountId}, ${segment.id}, x.id, ${now}
        from matching x
       where not exists (select 1 from segment_memberships m
                          where m.account_id = ${ctx.accountId} and m.segment_id = ${segment.id}
                            and m.contact_id = x.id and m.exited_at is null)
       order by x.id
      on conflict (account_id, segment_id, contact_id) where exited_at is null do nothing
      returning contact_id
    ), exited as (
      update segment_memberships m set exited_at = greatest(${now}, m.entered_at)
       where m.account_id = ${ctx.accountId} and m.segment_id = ${segment.id} and m.exited_at is null
         and not exists (select 1 from matching x where x.id = m.contact_id)
      returning m.contact_id
    ), counted as (
      update marketing_segments s
         set member_count = (select count(*) from matching), last_calculated_at = ${now}
       where s.account_id = ${ctx.accountId} and s.id = ${segment.id}
    )
    select (select count(*) from matching)::int as members,
           coalesce((select array_agg(contact_id) from entered), '{}') as entered,
           (select count(*) from exited)::int as exited`);
  const result = {
    segmentId: segment.id,
    memberCount: row!.members,
    entered: row!.entered,
    exited: row!.exited,
  };
  if (result.entered.length > 0) {
    await enrolByTrigger(ctx, { type: "segment_entry", segmentId: segment.id, contactIds: result.entered });
  }
  return result;
}

export const RefreshSegmentInput = z.object({ id: z.uuid() });
export type RefreshSegmentInput = z.input<typeof RefreshSegmentInput>;

/** A marketer's "refresh now": the full refresh the periodic job also runs. */
export async function refreshSegment(
  ctx: OperationContext,
  raw: RefreshSegmentInput,
  options: RefreshOptions = {},
): Promise<{ segment: SegmentRow; result: RefreshResult }> {
  authorize(ctx, "contacts:write");
  const input = parseInput(RefreshSegmentInput, raw);
  await segmentLock(ctx, [input.id], "exclusive");
  const segment = await loadSegment(ctx, input.id);
  if (segment.kind === "dynamic" && !Condition.safeParse(segment.conditions).success) {
    fail("INVALID", "The segment's conditions are no longer valid: edit them first.", "conditions");
  }
  const result = await recalculateSegment(ctx, segment, options);
  await recordChange(ctx, {
    action: "segment.refreshed",
    entityType: "marketing_segment",
    entityId: segment.id,
    payload: { memberCount: result.memberCount, entered: result.entered.length, exited: result.exited },
  });
  return { segment: await loadSegment(ctx, input.id), result };
}
