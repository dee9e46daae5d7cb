// Campaign mutations: each parses its input, calls one domain operation, answers the campaign.
import {
  type CampaignRow,
  changeCampaignStatus,
  createCampaign,
  deleteCampaign,
  restoreCampaign,
  updateCampaign,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { CampaignRef, CampaignStatusEnum, CampaignTypeEnum } from "./types.ts";

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ campaign: CampaignRow }>>(name).implement({
    fields: (t) => ({
      campaign: t.field({ type: CampaignRef, nullable: true, resolve: (p) => p.campaign }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const CampaignFieldsInput = builder.inputType("CampaignFieldsInput", {
  fields: (t) => ({
    name: t.string(),
    description: t.string(),
    type: t.field({ type: CampaignTypeEnum }),
    objectives: t.stringList(),
    budgetTokens: t.field({ type: "SafeInt" }),
    budgetMinor: t.int(),
    budgetCurrency: t.string(),
    startsAt: t.field({ type: "DateTime" }),
    endsAt: t.field({ type: "DateTime" }),
    timeZone: t.string(),
    tags: t.stringList(),
    metadata: t.field({ type: "JSON" }),
  }),
});

type Fields = typeof CampaignFieldsInput.$inferInput;
/** Omitted fields are left alone; nullable ones (budget, dates) are cleared with an explicit null. */
const NULLABLE = new Set(["budgetTokens", "budgetMinor", "budgetCurrency", "startsAt", "endsAt"]);
const changesOf = (f: Fields) =>
  Object.fromEntries(
    Object.entries(f).filter(([k, v]) => v !== undefined && (v !== null || NULLABLE.has(k))),
  );

const ref = (t: Parameters<Parameters<typeof builder.mutationFields>[0]>[0]) => ({
  id: t.input.globalID({ required: true, for: CampaignRef }),
  version: t.input.int({ required: true }),
});

builder.mutationFields((t) => ({
  createCampaign: t.fieldWithInput({
    type: payload("CreateCampaignPayload"),
    authScopes: { authenticated: true },
    input: { fields: t.input.field({ type: CampaignFieldsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          campaign: await createCampaign(op, changesOf(input.fields) as Parameters<typeof createCampaign>[1]),
        }),
        { campaign: null },
      ),
  }),
  updateCampaign: t.fieldWithInput({
    type: payload("UpdateCampaignPayload"),
    description: "Edits a campaign's fields. Send the version you read; a newer one is a CONFLICT.",
    authScopes: { authenticated: true },
    input: { ...ref(t), changes: t.input.field({ type: CampaignFieldsInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          campaign: await updateCampaign(op, {
            id: input.id.id,
            version: input.version,
            changes: changesOf(input.changes),
          }),
        }),
        { campaign: null },
      ),
  }),
  changeCampaignStatus: t.fieldWithInput({
    type: payload("ChangeCampaignStatusPayload"),
    description: "draft → scheduled → active ⇄ paused → completed; cancel from any unfinished status.",
    authScopes: { authenticated: true },
    input: { ...ref(t), status: t.input.field({ type: CampaignStatusEnum, required: true }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          campaign: await changeCampaignStatus(op, {
            id: input.id.id,
            version: input.version,
            status: input.status,
          }),
        }),
        { campaign: null },
      ),
  }),
  deleteCampaign: t.fieldWithInput({
    type: payload("DeleteCampaignPayload"),
    description: "Moves a campaign to the trash (restorable for 30 days).",
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ campaign: await deleteCampaign(op, { id: input.id.id, version: input.version }) }),
        { campaign: null },
      ),
  }),
  restoreCampaign: t.fieldWithInput({
    type: payload("RestoreCampaignPayload"),
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({ campaign: await restoreCampaign(op, { id: input.id.id, version: input.version }) }),
        { campaign: null },
      ),
  }),
}));
