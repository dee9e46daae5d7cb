// What a content item may contain; shared by create, update and restore. References to other rows
// (campaign, template, media, generation) must be this account's live rows: the composite foreign
// keys already stop another tenant's ids, this check says so as a NOT_FOUND on the field instead
// of a database error, and also refuses a deleted campaign or asset.
import { schema } from "@markettina/db";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { DomainError, type UserError } from "../errors.ts";
import { CONTENT_TYPES } from "./channel-rules.ts";

const Tags = z
  .array(z.string().trim().min(1, "Entries cannot be empty.").max(40))
  .max(20, "At most 20 entries.")
  .transform((items) => [...new Set(items)]);

export const ContentFields = z.object({
  type: z.enum(CONTENT_TYPES),
  title: z.string().trim().min(1, "Give the content a title.").max(200, "At most 200 characters."),
  /** Emails only. */
  subject: z.string().trim().max(300, "At most 300 characters."),
  /** Kept as written (whitespace is part of the text); the channel's length is the brand check's. */
  body: z.string().max(100_000, "At most 100,000 characters."),
  campaignId: z.uuid().nullable(),
  templateId: z.uuid().nullable(),
  mediaAssetIds: z
    .array(z.uuid())
    .max(20, "At most 20 media assets.")
    .transform((ids) => [...new Set(ids)]),
  tags: Tags,
});
export type ContentFields = z.output<typeof ContentFields>;

/** Rules across fields, on the item as it will be. */
export function contentProblems(c: Partial<ContentFields>): UserError[] {
  const problems: UserError[] = [];
  if (c.type !== undefined && c.type !== "email" && (c.subject ?? "") !== "") {
    problems.push({ field: "subject", code: "INVALID", message: "Only emails have a subject." });
  }
  return problems;
}

export interface ContentReferences {
  campaignId?: string | null;
  templateId?: string | null;
  mediaAssetIds?: readonly string[];
  generationId?: string | null;
}

/** Checks, in one statement, that every reference named is a live row of this account. */
export async function checkContentReferences(ctx: OperationContext, refs: ContentReferences): Promise<void> {
  const { campaigns: c, contentTemplates: t, mediaAssets: m, contentGenerations: g } = schema;
  const account = ctx.accountId;
  const checks: Record<string, SQL> = {};
  if (refs.campaignId) {
    checks.campaignId = sql`exists (select 1 from ${c} where ${and(eq(c.accountId, account), eq(c.id, refs.campaignId), isNull(c.deletedAt))})`;
  }
  if (refs.templateId) {
    checks.templateId = sql`exists (select 1 from ${t} where ${and(eq(t.accountId, account), eq(t.id, refs.templateId), isNull(t.archivedAt))})`;
  }
  if (refs.mediaAssetIds && refs.mediaAssetIds.length > 0) {
    checks.mediaAssetIds = sql`(select count(*) from ${m} where ${and(eq(m.accountId, account), inArray(m.id, [...refs.mediaAssetIds]), isNull(m.deletedAt))}) = ${refs.mediaAssetIds.length}`;
  }
  if (refs.generationId) {
    checks.generationId = sql`exists (select 1 from ${g} where ${and(eq(g.accountId, account), eq(g.id, refs.generationId))})`;
  }
  const fields = Object.keys(checks);
  if (fields.length === 0) return;
  const columns = Object.fromEntries(fields.map((f) => [f, sql<boolean>`${checks[f]}`.mapWith(Boolean)]));
  const [found] = await ctx.tx.select(columns).from(sql`(select) as refs`);
  const what: Record<string, string> = {
    campaignId: "Campaign",
    templateId: "Template",
    mediaAssetIds: "Media asset",
    generationId: "Generation",
  };
  const missing = fields.filter((f) => !found?.[f]);
  if (missing.length > 0) {
    throw new DomainError(
      missing.map((f) => ({ field: f, code: "NOT_FOUND" as const, message: `${what[f]} not found.` })),
    );
  }
}
