// Campaign object types.
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const CampaignTypeEnum = builder.enumType("CampaignType", {
  values: upper(["broadcast", "journey", "recurring", "social"] as const),
});
export const CampaignStatusEnum = builder.enumType("CampaignStatus", {
  values: upper(["draft", "scheduled", "active", "paused", "completed", "cancelled"] as const),
});

export const CampaignRef = builder.drizzleNode("campaigns", {
  name: "Campaign",
  id: { column: (c) => c.id },
  authScopes: { permission: "campaigns:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    type: t.expose("type", { type: CampaignTypeEnum }),
    status: t.expose("status", { type: CampaignStatusEnum }),
    objectives: t.exposeStringList("objectives"),
    budgetTokens: t.expose("budgetTokens", { type: "SafeInt", nullable: true }),
    budgetMinor: t.exposeInt("budgetMinor", { nullable: true }),
    budgetCurrency: t.exposeString("budgetCurrency", { nullable: true }),
    startsAt: t.expose("startsAt", { type: "DateTime", nullable: true }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    timeZone: t.exposeString("timeZone"),
    tags: t.exposeStringList("tags"),
    metadata: t.expose("metadata", { type: "JSON" }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    deletedAt: t.expose("deletedAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdByUser", { nullable: true }),
  }),
});

export const CampaignConnection = namedConnection(CampaignRef, "Campaign");
