// The periodic full refresh (job automation.refresh-segments): every dynamic segment of every
// account, each in its own transaction in its tenant's scope as the system. Incremental refreshes
// keep segments current as contacts change; this pass catches what no change announces — time
// passing (an event leaving its 7-day window, a birthday becoming today) — and repairs any drift.
// An account's segments go in dependency order (a segment after those its tree reads); one
// segment's failure is reported and does not stop the others.
import { type Database, schema, type TenantScope, withTenant } from "@markettina/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type OperationContext, systemActor } from "../../context.ts";
import { Condition } from "./conditions.ts";
import {
  type RefreshOptions,
  type RefreshResult,
  recalculateSegment,
  segmentLock,
} from "./refresh-segment.ts";
import { dependencyOrder, segmentReferences } from "./segment-graph.ts";

export interface SegmentRefreshOutcome {
  accountId: string;
  segmentId: string;
  result?: RefreshResult;
  error?: string;
}

/** Runs `fn` in the account's scope as the system. */
function inAccount<T>(db: Database, accountId: string, fn: (ctx: OperationContext) => Promise<T>) {
  const scope: TenantScope = { accountId, accountIds: [accountId], userId: null, apiKeyId: null };
  return withTenant(db, scope, (tx) =>
    fn({ tx, actor: systemActor, accountId, role: null, scopes: null, scope }),
  );
}

export async function refreshDynamicSegments(
  db: Database,
  options: RefreshOptions = {},
): Promise<SegmentRefreshOutcome[]> {
  const due = await db.execute<{ account_id: string; segment_id: string }>(
    sql`select account_id, segment_id from app.dynamic_segments() order by account_id, segment_id`,
  );
  const accounts = [...new Set(due.map((d) => d.account_id))];
  const outcomes: SegmentRefreshOutcome[] = [];
  for (const accountId of accounts) {
    const order = await inAccount(db, accountId, async (ctx) => {
      const s = schema.marketingSegments;
      const rows = await ctx.tx
        .select({ id: s.id, conditions: s.conditions })
        .from(s)
        .where(and(eq(s.accountId, accountId), eq(s.kind, "dynamic"), isNull(s.deletedAt)));
      return dependencyOrder(
        new Map(
          rows.map((r) => {
            const tree = Condition.safeParse(r.conditions);
            return [r.id, tree.success ? segmentReferences(tree.data).map((x) => x.segmentId) : []];
          }),
        ),
      );
    });
    for (const segmentId of order) {
      try {
        const result = await inAccount(db, accountId, async (ctx) => {
          await segmentLock(ctx, [segmentId], "exclusive");
          const s = schema.marketingSegments;
          // Read again under the lock: it may have been edited, deleted or made static meanwhile.
          const [segment] = await ctx.tx
            .select()
            .from(s)
            .where(and(eq(s.accountId, accountId), eq(s.id, segmentId), isNull(s.deletedAt)));
          if (segment?.kind !== "dynamic") return undefined;
          return recalculateSegment(ctx, segment, options);
        });
        if (result) outcomes.push({ accountId, segmentId, result });
      } catch (error) {
        outcomes.push({
          accountId,
          segmentId,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
  return outcomes;
}
