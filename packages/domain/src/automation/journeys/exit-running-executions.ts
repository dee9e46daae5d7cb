// Ends every execution of a journey still under way (archived or deleted journey): each exits
// with `reason`, its waiting count leaves its node's statistics, its queued messages are cancelled
// (a message a step queued but the sender has not taken yet never goes out), and a journey_exited
// event lands on the contact's timeline. One statement, whatever the number of executions.
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";

export async function exitRunningExecutions(
  ctx: OperationContext,
  journeyId: string,
  reason: string,
  campaignId: string | null,
): Promise<number> {
  const rows = await ctx.tx.execute<{ exited: number }>(sql`
    with running as (
      select id, status from journey_executions
       where account_id = ${ctx.accountId} and journey_id = ${journeyId} and status in ('active', 'waiting')
       for update
    ), exited as (
      update journey_executions e
         set status = 'exited', exit_reason = ${reason}, completed_at = now(), next_run_at = null,
             updated_at = now()
        from running r
       where e.account_id = ${ctx.accountId} and e.id = r.id
      returning e.id, e.contact_id, e.current_node_id, r.status as was
    ), no_longer_waiting as (
      update journey_node_stats s
         set waiting = greatest(0, s.waiting - w.n), updated_at = now()
        from (select current_node_id, count(*) as n from exited where was = 'waiting' group by 1) w
       where s.account_id = ${ctx.accountId} and s.journey_id = ${journeyId} and s.node_id = w.current_node_id
    ), cancelled as (
      update message_queue m set status = 'cancelled', updated_at = now()
       where m.account_id = ${ctx.accountId} and m.execution_id in (select id from exited)
         and m.status = 'queued'
    ), events as (
      insert into marketing_events (id, account_id, contact_id, type, campaign_id, journey_id, payload, occurred_at)
      select app.uuidv7(), ${ctx.accountId}, x.contact_id, 'journey_exited', ${campaignId}::uuid, ${journeyId}::uuid,
             jsonb_build_object('executionId', x.id, 'nodeId', x.current_node_id, 'reason', ${reason}::text), now()
        from exited x
    )
    select count(*)::int as exited from exited`);
  return rows[0]?.exited ?? 0;
}
