// The installation-level audit trail (catalog changes), for platform admins. Row-level security
// returns nothing to anyone else; the authScope says so with an error instead of an empty list.
import { schema } from "@markettina/db";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { desc } from "drizzle-orm";
import { z } from "zod";
import { builder } from "../builder.ts";
import { isPlatformAdminRequest } from "./platform-admin.ts";

type Entry = typeof schema.platformAuditLogs.$inferSelect;

const PlatformAuditEntryRef = builder.objectRef<Entry>("PlatformAuditEntry").implement({
  description: "A change to installation-wide data (packages, prices, promo codes).",
  fields: (t) => ({
    id: t.exposeID("id"),
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId", { nullable: true }),
    actorUserId: t.id({
      nullable: true,
      resolve: (e) => (e.actorUserId ? encodeGlobalID("User", e.actorUserId) : null),
    }),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  platformAuditLog: t.field({
    type: [PlatformAuditEntryRef],
    description: "Platform admins: the latest changes to installation-wide data, newest first.",
    authScopes: (_root, _args, ctx) => isPlatformAdminRequest(ctx),
    args: { first: t.arg.int({ defaultValue: 50, validate: z.number().int().min(1).max(200) }) },
    resolve: (_root, args, ctx) =>
      ctx.tx
        .select()
        .from(schema.platformAuditLogs)
        .orderBy(desc(schema.platformAuditLogs.createdAt), desc(schema.platformAuditLogs.id))
        .limit(args.first ?? 50),
  }),
}));
