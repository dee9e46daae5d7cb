// How contacts enter a journey, shared by manual/API enrolment and triggers: set-based, one INSERT
// … SELECT for the whole batch, never a contact at a time.
//
// Each entrant gets an execution at the trigger node of the journey's published version, due now
// (the executor's dispatcher picks it up), unless the journey's re-entry rule keeps it out:
//   never     — the contact was never in this journey;
//   after N   — the contact entered no execution of it in the last N days;
//   always    — any time, but never two running executions for one contact.
// The entry key (manual:<key>, segment:<membership>, event:<event>) is unique per journey and
// contact, so the same trigger delivered twice enrols once (ON CONFLICT DO NOTHING).
import { type SQL, sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { bumpNodeStats } from "../executor/node-stats.ts";
import { JourneySettings } from "./definition.ts";

type ReEntry = JourneySettings["reEntry"];

/** An active journey's published version, ready to take entrants. */
export interface EnrolTarget {
  journeyId: string;
  campaignId: string | null;
  status: string;
  versionId: string;
  versionNumber: number;
  triggerNodeId: string;
  trigger: { type: string; segmentId?: string; eventType?: string };
  reEntry: ReEntry;
}

interface TargetRow {
  journey_id: string;
  campaign_id: string | null;
  status: string;
  version_id: string;
  version_number: number;
  trigger_node_id: string;
  trigger: EnrolTarget["trigger"];
  re_entry: unknown;
}

/**
 * The journeys matching `where` (over journeys j and their trigger node t.node), with their
 * published version and trigger, locked in id order. The row lock (NO KEY UPDATE, so the
 * executor's foreign-key checks are not blocked) serialises enrolments into one journey, which
 * makes the re-entry check and the insert one atomic step; and it waits for a concurrent pause or
 * archive, after which the row is checked against `where` again.
 *
 * Row locks are held until the caller commits, and one transaction may enrol several times (event
 * ingestion: once per event type, in the order of the batch). Two such transactions taking the
 * same journeys in different orders would deadlock, so every enrolling transaction first takes
 * the account's enrolment lock (an advisory transaction lock): whoever holds a journey's row lock
 * for an enrolment holds it too. It is only taken when some journey matches, so ingesting events
 * no journey waits for never queues behind anyone.
 */
export async function lockEnrolTargets(ctx: OperationContext, where: SQL): Promise<EnrolTarget[]> {
  const select = (lock: SQL) => sql`
    select j.id as journey_id, j.campaign_id, j.status, v.id as version_id, v.number as version_number,
           t.node->>'id' as trigger_node_id, t.node->'trigger' as trigger,
           v.definition->'settings'->'reEntry' as re_entry
      from journeys j
      join journey_versions v on v.account_id = j.account_id and v.journey_id = j.id and v.number = j.published_version
      cross join lateral (
        select n as node from jsonb_array_elements(v.definition->'nodes') n where n->>'kind' = 'trigger' limit 1
      ) t
     where j.account_id = ${ctx.accountId} and j.deleted_at is null and ${where}
     order by j.id ${lock}`;
  const matching = await ctx.tx.execute<TargetRow>(select(sql``));
  if (matching.length === 0) return [];
  await ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`journey-enrolment:${ctx.accountId}`}, 0))`,
  );
  const rows = await ctx.tx.execute<TargetRow>(select(sql`for no key update of j`));
  return [...rows].map((r) => ({
    journeyId: r.journey_id,
    campaignId: r.campaign_id,
    status: r.status,
    versionId: r.version_id,
    versionNumber: r.version_number,
    triggerNodeId: r.trigger_node_id,
    trigger: r.trigger,
    reEntry: JourneySettings.shape.reEntry.parse(r.re_entry ?? undefined),
  }));
}

/** Keeps out the candidates the re-entry rule refuses (c.contact_id is the candidate). */
function reEntryRule(ctx: OperationContext, target: EnrolTarget): SQL {
  const previous = sql`select 1 from journey_executions e
     where e.account_id = ${ctx.accountId} and e.journey_id = ${target.journeyId} and e.contact_id = c.contact_id`;
  switch (target.reEntry.mode) {
    case "never":
      return sql`not exists (${previous})`;
    case "after":
      return sql`not exists (${previous} and (e.status in ('active', 'waiting')
                   or e.entered_at > now() - make_interval(days => ${target.reEntry.days}::int)))`;
    case "always":
      return sql`not exists (${previous} and e.status in ('active', 'waiting'))`;
  }
}

/**
 * Enters the candidates — a query yielding (contact_id uuid, entry_key text), at most one row per
 * contact — into `target`. Appends a journey_entered event per entrant in the same statement and
 * adds them to the trigger node's `entered` count. Returns the new executions.
 */
export async function enterJourney(
  ctx: OperationContext,
  target: EnrolTarget,
  candidates: SQL,
): Promise<{ id: string; contactId: string }[]> {
  const rows = await ctx.tx.execute<{ id: string; contact_id: string }>(sql`
    with candidate as (${candidates}),
    entered as (
      insert into journey_executions (id, account_id, journey_id, journey_version_id, contact_id, entry_key,
                                      current_node_id, status, next_run_at, entered_at)
      select app.uuidv7(), ${ctx.accountId}, ${target.journeyId}, ${target.versionId}, c.contact_id, c.entry_key,
             ${target.triggerNodeId}, 'active', now(), now()
        from candidate c
       where ${reEntryRule(ctx, target)}
      on conflict on constraint journey_executions_entry_key do nothing
      returning id, contact_id, entry_key
    ), events as (
      insert into marketing_events (id, account_id, contact_id, type, campaign_id, journey_id, payload, occurred_at)
      select app.uuidv7(), ${ctx.accountId}, x.contact_id, 'journey_entered', ${target.campaignId}::uuid,
             ${target.journeyId}::uuid,
             jsonb_build_object('executionId', x.id, 'version', ${target.versionNumber}::int, 'entryKey', x.entry_key),
             now()
        from entered x
    )
    select id, contact_id from entered`);
  const entered = [...rows].map((r) => ({ id: r.id, contactId: r.contact_id }));
  if (entered.length > 0) {
    await bumpNodeStats(ctx.tx, ctx.accountId, target.journeyId, target.triggerNodeId, {
      entered: entered.length,
    });
  }
  return entered;
}
