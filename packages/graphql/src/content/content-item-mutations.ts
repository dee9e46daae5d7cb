// Content item mutations: each parses its input, calls one domain operation, answers the item.
import {
  approveContent,
  archiveContentItem,
  type ContentItemRow,
  createContentItem,
  rejectContent,
  requestContentReview,
  restoreContentItem,
  restoreContentVersion,
  updateContentItem,
  withdrawContentReview,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { ContentItemRef, ContentTypeEnum } from "./content-item-types.ts";
import { CampaignRef } from "./types.ts";
import { type MutationFieldBuilder, type RefOperation, refOf } from "./versioned-ref.ts";

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ contentItem: ContentItemRow }>>(name).implement({
    fields: (t) => ({
      contentItem: t.field({ type: ContentItemRef, nullable: true, resolve: (p) => p.contentItem }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const ContentItemFieldsInput = builder.inputType("ContentItemFieldsInput", {
  description: "Omitted fields are left alone; campaignId and templateId are cleared with null.",
  fields: (t) => ({
    type: t.field({ type: ContentTypeEnum }),
    title: t.string(),
    subject: t.string({ description: "Emails only." }),
    body: t.string(),
    campaignId: t.globalID({ for: CampaignRef }),
    templateId: t.globalID({ description: "A Template id." }),
    mediaAssetIds: t.globalIDList({ description: "MediaAsset ids." }),
    tags: t.stringList(),
  }),
});

type Fields = typeof ContentItemFieldsInput.$inferInput;
const NULLABLE = new Set(["campaignId", "templateId"]);
/** GraphQL values to domain ones: global ids to row ids; null keeps a field unless it may be null. */
function changesOf(f: Fields) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    if (value === undefined || (value === null && !NULLABLE.has(key))) continue;
    if (key === "campaignId" || key === "templateId") out[key] = (value as { id: string } | null)?.id ?? null;
    else if (key === "mediaAssetIds") out[key] = (value as { id: string }[]).map((v) => v.id);
    else out[key] = value;
  }
  return out;
}

const ref = (t: MutationFieldBuilder) => ({
  id: t.input.globalID({ required: true, for: ContentItemRef }),
  version: t.input.int({ required: true, description: "The version you read; a newer one is a CONFLICT." }),
});

/** A mutation that names an item and its version and changes nothing else. */
const itemMutation = (
  t: MutationFieldBuilder,
  name: string,
  description: string,
  operation: RefOperation<ContentItemRow>,
) =>
  t.fieldWithInput({
    type: payload(name),
    description,
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (op) => ({ contentItem: await operation(op, refOf(input)) }), {
        contentItem: null,
      }),
  });

builder.mutationFields((t) => ({
  createContentItem: t.fieldWithInput({
    type: payload("CreateContentItemPayload"),
    description: "Creates a draft (version 1), brand-checked. type and title are required.",
    authScopes: { authenticated: true },
    input: {
      fields: t.input.field({ type: ContentItemFieldsInput, required: true }),
      generationId: t.input.globalID({ description: "The ContentGeneration that wrote it, if any." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contentItem: await createContentItem(op, {
            ...(changesOf(input.fields) as Parameters<typeof createContentItem>[1]),
            generationId: input.generationId?.id ?? null,
          }),
        }),
        { contentItem: null },
      ),
  }),

  updateContentItem: t.fieldWithInput({
    type: payload("UpdateContentItemPayload"),
    description:
      "Edits an item (not published or archived ones). Changing the type, title, subject, body or media of an item in review or approved sends it back to draft and withdraws the review; tags and campaign do not.",
    authScopes: { authenticated: true },
    input: { ...ref(t), changes: t.input.field({ type: ContentItemFieldsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contentItem: await updateContentItem(op, {
            ...refOf(input),
            changes: changesOf(input.changes),
          }),
        }),
        { contentItem: null },
      ),
  }),

  requestContentReview: t.fieldWithInput({
    type: payload("RequestContentReviewPayload"),
    description: "Sends a draft for review (a pending approval for its current version).",
    authScopes: { authenticated: true },
    input: { ...ref(t), note: t.input.string({ description: "What the reviewer should look at." }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contentItem: await requestContentReview(op, {
            ...refOf(input),
            note: input.note ?? undefined,
          }),
        }),
        { contentItem: null },
      ),
  }),

  withdrawContentReview: itemMutation(
    t,
    "WithdrawContentReviewPayload",
    "Takes an item out of review, back to draft, unchanged.",
    withdrawContentReview,
  ),

  approveContent: t.fieldWithInput({
    type: payload("ApproveContentPayload"),
    description:
      "Approves an item in review (owners and admins). Approving your own request is allowed and shown.",
    authScopes: { authenticated: true },
    input: { ...ref(t), comment: t.input.string() },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contentItem: await approveContent(op, {
            ...refOf(input),
            comment: input.comment ?? undefined,
          }),
        }),
        { contentItem: null },
      ),
  }),

  rejectContent: t.fieldWithInput({
    type: payload("RejectContentPayload"),
    description: "Sends an item in review back to draft with the reviewer's comment (owners and admins).",
    authScopes: { authenticated: true },
    input: { ...ref(t), comment: t.input.string({ required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contentItem: await rejectContent(op, {
            ...refOf(input),
            comment: input.comment,
          }),
        }),
        { contentItem: null },
      ),
  }),

  archiveContentItem: itemMutation(
    t,
    "ArchiveContentItemPayload",
    "Archives an item from any status (a pending review is withdrawn).",
    archiveContentItem,
  ),

  restoreContentItem: itemMutation(
    t,
    "RestoreContentItemPayload",
    "Brings an archived item back as a draft.",
    restoreContentItem,
  ),

  restoreContentVersion: t.fieldWithInput({
    type: payload("RestoreContentVersionPayload"),
    description: "Makes an earlier version's text current again, as a new version (an edit, with its rules).",
    authScopes: { authenticated: true },
    input: { ...ref(t), restoreVersion: t.input.int({ required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          contentItem: await restoreContentVersion(op, {
            ...refOf(input),
            restoreVersion: input.restoreVersion,
          }),
        }),
        { contentItem: null },
      ),
  }),
}));
