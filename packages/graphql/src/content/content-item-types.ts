// Content item object types: the item with its brand check, its version history and its
// approvals, plus the `contentItems` connection on Campaign.
import type { BrandCheckResult } from "@markettina/db";
import { CONTENT_STATUSES, CONTENT_TYPES } from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";
import { CampaignRef } from "./types.ts";

export const ContentTypeEnum = builder.enumType("ContentType", { values: upper(CONTENT_TYPES) });
export const ContentStatusEnum = builder.enumType("ContentStatus", {
  description: "draft → review → approved → published; archived from any other; archived → draft.",
  values: upper(CONTENT_STATUSES),
});
const ContentApprovalDecisionEnum = builder.enumType("ContentApprovalDecision", {
  values: upper(["pending", "approved", "rejected", "withdrawn"] as const),
});

const BrandCheckIssueRef = builder
  .objectRef<BrandCheckResult["issues"][number]>("BrandCheckIssue")
  .implement({
    fields: (t) => ({
      code: t.exposeString("code", { description: "WORD_TO_AVOID, TOO_LONG or EMPTY." }),
      message: t.exposeString("message"),
    }),
  });

/** What the brand check found: shared by content items and generations. */
export const BrandCheckRef = builder.objectRef<BrandCheckResult>("BrandCheck").implement({
  description: "The text checked against the brand DNA (words to avoid) and its channel (length).",
  fields: (t) => ({
    passed: t.exposeBoolean("passed"),
    issues: t.field({ type: [BrandCheckIssueRef], resolve: (c) => c.issues }),
    brandDnaVersion: t.exposeInt("brandDnaVersion", {
      description: "The brand DNA version checked against.",
    }),
    checkedAt: t.field({ type: "DateTime", resolve: (c) => c.checkedAt }),
  }),
});

export const ContentItemRef = builder.drizzleNode("contentItems", {
  name: "ContentItem",
  id: { column: (c) => c.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    type: t.expose("type", { type: ContentTypeEnum }),
    status: t.expose("status", { type: ContentStatusEnum }),
    title: t.exposeString("title"),
    subject: t.exposeString("subject", { description: "Emails only; empty for other types." }),
    body: t.exposeString("body", { description: "As written: escape it wherever it is shown." }),
    tags: t.exposeStringList("tags"),
    mediaAssetIds: t.field({
      type: ["ID"],
      description: "MediaAsset ids.",
      select: { columns: { mediaAssetIds: true } },
      resolve: (c) => c.mediaAssetIds.map((id) => encodeGlobalID("MediaAsset", id)),
    }),
    templateId: t.field({
      type: "ID",
      nullable: true,
      description: "The ContentTemplate the item was started from.",
      select: { columns: { templateId: true } },
      resolve: (c) => (c.templateId ? encodeGlobalID("Template", c.templateId) : null),
    }),
    generationId: t.field({
      type: "ID",
      nullable: true,
      description: "The ContentGeneration that wrote the first draft.",
      select: { columns: { generationId: true } },
      resolve: (c) => (c.generationId ? encodeGlobalID("ContentGeneration", c.generationId) : null),
    }),
    brandCheck: t.expose("brandCheck", {
      type: BrandCheckRef,
      nullable: true,
      description: "The brand check of the current version (run on every save).",
    }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    createdBy: t.relation("createdByUser", { nullable: true }),
    updatedBy: t.relation("updatedByUser", { nullable: true }),
    campaign: t.relation("campaign", { nullable: true }),
    versions: t.relatedConnection(
      "versions",
      {
        description: "The history, newest first: a snapshot for every version (edits and status changes).",
        totalCount: true,
        query: { orderBy: { version: "desc" } },
      },
      ContentVersionConnection,
    ),
    approvals: t.relation("approvals", {
      description: "Review requests and their decisions, newest first.",
      query: { orderBy: { requestedAt: "desc", id: "desc" } },
    }),
  }),
});

export const ContentVersionRef = builder.drizzleObject("contentVersions", {
  name: "ContentVersion",
  select: { columns: { id: true } },
  fields: (t) => ({
    version: t.exposeInt("version"),
    title: t.exposeString("title"),
    subject: t.exposeString("subject"),
    body: t.exposeString("body"),
    status: t.expose("status", {
      type: ContentStatusEnum,
      description: "The status this version left the item in.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.relation("createdByUser", { nullable: true }),
  }),
});

export const ContentApprovalRef = builder.drizzleNode("contentApprovals", {
  name: "ContentApproval",
  id: { column: (a) => a.id },
  authScopes: { permission: "content:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    version: t.exposeInt("version", { description: "The item version the review was asked for." }),
    requestNote: t.exposeString("requestNote"),
    requestedAt: t.expose("requestedAt", { type: "DateTime" }),
    requestedBy: t.relation("requestedByUser", { nullable: true }),
    decision: t.expose("decision", { type: ContentApprovalDecisionEnum }),
    comment: t.exposeString("comment", { description: "The reviewer's comment (required to reject)." }),
    decidedAt: t.expose("decidedAt", { type: "DateTime", nullable: true }),
    reviewer: t.relation("reviewer", { nullable: true }),
    selfReview: t.boolean({
      description: "The reviewer decided on their own request (allowed, and shown).",
      select: { columns: { requestedBy: true, reviewerId: true } },
      resolve: (a) => a.reviewerId !== null && a.reviewerId === a.requestedBy,
    }),
  }),
});

export const ContentItemConnection = namedConnection(ContentItemRef, "ContentItem");
const ContentVersionConnection = namedConnection(ContentVersionRef, "ContentVersion");

// Like the root `contentItems`: archived items stay out unless asked for, so the page, its
// totalCount and the campaign's stats count the same items.
builder.drizzleObjectFields(CampaignRef, (t) => ({
  contentItems: t.relatedConnection(
    "contentItems",
    {
      description: "The campaign's content, most recently changed first; archived only when asked for.",
      authScopes: { permission: "content:read" },
      args: { statuses: t.arg({ type: [ContentStatusEnum] }) },
      totalCount: true,
      query: (args) => ({
        where:
          args.statuses && args.statuses.length > 0
            ? { status: { in: args.statuses } }
            : { status: { ne: "archived" as const } },
        orderBy: { updatedAt: "desc", id: "desc" },
      }),
    },
    ContentItemConnection,
  ),
}));
