// Every change to a content item goes through here: it bumps the item's version, re-runs the brand
// check, and writes a full snapshot to content_versions under the same version number, so the
// history holds exactly one row per version (1…current) — edits and status changes alike, each
// with the status it left the item in.
import { type BrandCheckResult, schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import type { OperationContext } from "../context.ts";
import { fail } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import { DEFAULT_CHANNEL } from "./channel-rules.ts";
import { checkBrand } from "./check-brand.ts";
import type { ContentItemRow } from "./load-content-item.ts";

type ItemValues = Partial<
  Pick<
    typeof schema.contentItems.$inferInsert,
    | "type"
    | "status"
    | "title"
    | "subject"
    | "body"
    | "campaignId"
    | "templateId"
    | "mediaAssetIds"
    | "tags"
    | "generationId"
  >
>;

export interface ContentChange {
  /** The audit action and domain event type, e.g. "content_item.updated". */
  action: string;
  payload?: Record<string, unknown>;
}

/**
 * The brand check of an item against the account's current brand DNA: the body is judged for
 * words to avoid and the channel's length, the title and subject for words to avoid too. The
 * channel is the type's default (DEFAULT_CHANNEL): items do not name one until they are
 * scheduled, and each scheduled post may go to a different channel.
 */
export async function brandCheckFor(
  ctx: OperationContext,
  item: Pick<ContentItemRow, "type" | "title" | "subject" | "body">,
): Promise<BrandCheckResult> {
  const b = schema.brandDna;
  const [brand] = await ctx.tx
    .select({ version: b.version, wordsToAvoid: b.wordsToAvoid, keywords: b.keywords })
    .from(b)
    .where(eq(b.accountId, ctx.accountId));
  if (!brand) return fail("NOT_FOUND", "Brand DNA not found.");
  const channel = DEFAULT_CHANNEL[item.type];
  const result = checkBrand({ text: item.body, type: item.type, channel, brand });
  const heading = checkBrand({ text: `${item.title}\n${item.subject}`, type: item.type, channel, brand });
  for (const issue of heading.issues) {
    if (issue.code === "WORD_TO_AVOID" && !result.issues.some((i) => i.message === issue.message)) {
      result.issues.push(issue);
    }
  }
  return { ...result, passed: result.issues.length === 0 };
}

async function snapshot(ctx: OperationContext, item: ContentItemRow): Promise<void> {
  await ctx.tx.insert(schema.contentVersions).values({
    accountId: item.accountId,
    contentItemId: item.id,
    version: item.version,
    title: item.title,
    subject: item.subject,
    body: item.body,
    status: item.status,
    createdBy: ctx.actor.userId,
  });
}

/** Inserts a new item as version 1 (status draft). */
export async function insertContentItem(
  ctx: OperationContext,
  values: ItemValues & Pick<ContentItemRow, "type" | "title">,
): Promise<ContentItemRow> {
  const next = { subject: "", body: "", ...values };
  const brandCheck = await brandCheckFor(ctx, next);
  const [created] = await ctx.tx
    .insert(schema.contentItems)
    .values({
      ...next,
      status: "draft",
      brandCheck,
      accountId: ctx.accountId,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    })
    .returning();
  await snapshot(ctx, created!);
  await recordChange(ctx, {
    action: "content_item.created",
    entityType: "content_item",
    entityId: created!.id,
    after: created,
  });
  return created!;
}

/** Applies `values` to a locked item as its next version. */
export async function writeContentVersion(
  ctx: OperationContext,
  before: ContentItemRow,
  values: ItemValues,
  change: ContentChange,
): Promise<ContentItemRow> {
  const brandCheck = await brandCheckFor(ctx, { ...before, ...values });
  const c = schema.contentItems;
  const [after] = await ctx.tx
    .update(c)
    .set({ ...values, brandCheck, version: sql`${c.version} + 1`, updatedBy: ctx.actor.userId })
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, before.id)))
    .returning();
  await snapshot(ctx, after!);
  await recordChange(ctx, {
    action: change.action,
    entityType: "content_item",
    entityId: before.id,
    before,
    after,
    payload: change.payload
      ? { version: after!.version, status: after!.status, ...change.payload }
      : undefined,
  });
  return after!;
}

export type ContentApprovalRow = typeof schema.contentApprovals.$inferSelect;

/**
 * Closes the item's pending approval (there is one exactly while the item is in review): with the
 * reviewer's decision, or as withdrawn when the item leaves review another way (an edit, a
 * withdrawal, archiving). Answers the closed approval, if there was one.
 */
export async function closePendingApproval(
  ctx: OperationContext,
  itemId: string,
  close: { decision: "approved" | "rejected" | "withdrawn"; comment: string; reviewerId?: string | null },
): Promise<ContentApprovalRow | undefined> {
  const a = schema.contentApprovals;
  const [closed] = await ctx.tx
    .update(a)
    .set({
      decision: close.decision,
      comment: close.comment,
      reviewerId: close.reviewerId ?? null,
      decidedAt: sql`now()`,
    })
    .where(and(eq(a.accountId, ctx.accountId), eq(a.contentItemId, itemId), eq(a.decision, "pending")))
    .returning();
  return closed;
}
