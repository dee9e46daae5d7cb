// The condition builder's live count: how many contacts match a tree that is not saved, and the
// first few of them, with the tree's problems instead of an error while it is being drawn. One
// statement evaluates the tree once for both (the matches materialized, counted and sampled).
import { sql } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import type { UserError } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { compileConditions } from "./compile-conditions.ts";
import { checkConditions } from "./validate-conditions.ts";

export const PREVIEW_SAMPLE_SIZE = 10;

export interface SegmentPreview {
  count: number;
  /** Ids of up to PREVIEW_SAMPLE_SIZE matching contacts, newest first. */
  sampleIds: string[];
  /** Why the tree cannot be evaluated (count 0, no sample), each with its field path. */
  problems: UserError[];
}

export interface PreviewSegmentInput {
  conditions: unknown;
  /** The segment being edited, if any: its tree may not refer to itself. */
  segmentId?: string;
}

export async function previewSegment(
  ctx: OperationContext,
  input: PreviewSegmentInput,
  options: { now?: Date } = {},
): Promise<SegmentPreview> {
  authorize(ctx, "contacts:read");
  const { condition, problems } = await checkConditions(ctx, input.conditions, {
    segmentId: input.segmentId,
  });
  if (!condition) return { count: 0, sampleIds: [], problems };
  const matches = compileConditions(condition, { accountId: ctx.accountId, now: options.now });
  const [row] = await ctx.tx.execute<{ n: number; sample: string[] }>(sql`
    with matching as materialized (select c.id, c.created_at from contacts c where ${matches})
    select (select count(*)::int from matching) as n,
           array(select id from matching order by created_at desc, id desc limit ${PREVIEW_SAMPLE_SIZE}) as sample`);
  return { count: row?.n ?? 0, sampleIds: row?.sample ?? [], problems: [] };
}
