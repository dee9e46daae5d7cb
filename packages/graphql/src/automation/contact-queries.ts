// Contact reads: the current account's contacts (searched, filtered, newest first), one contact,
// and the CSV export of a filter's contacts.
import { schema } from "@markettina/db";
import { type ContactFilterInput, contactFilter, exportContacts } from "@markettina/domain";
import { count } from "drizzle-orm";
import { builder } from "../builder.ts";
import { currentAccountId, operationContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { ContactConnection, ContactRef, ContactStatusEnum } from "./contact-types.ts";
import { SegmentRef } from "./segment-types.ts";

export const ContactFilter = builder.inputType("ContactFilter", {
  fields: (t) => ({
    search: t.string({ description: "The start of an e-mail, a name or a phone number, any case." }),
    tags: t.stringList({ description: "Contacts carrying every one of these tags." }),
    status: t.field({ type: ContactStatusEnum }),
    segmentId: t.globalID({ for: SegmentRef, description: "Current members of this segment." }),
    deleted: t.boolean({ description: "The trash: deleted contacts, restorable for 30 days." }),
  }),
});

type FilterArg = typeof ContactFilter.$inferInput | null | undefined;
const filterOf = (f: FilterArg): ContactFilterInput | null =>
  f ? { ...f, segmentId: f.segmentId?.id ?? null } : null;

const ContactExportRef = builder.objectRef<{ csv: string; rowCount: number }>("ContactExport").implement({
  description:
    "A CSV file in the import's columns (email, phone, names, time_zone, tags, consent, attributes).",
  fields: (t) => ({
    csv: t.exposeString("csv"),
    rowCount: t.exposeInt("rowCount"),
  }),
});

builder.queryFields((t) => ({
  contacts: t.drizzleConnection(
    {
      type: "contacts",
      authScopes: { permission: "contacts:read" },
      args: { filter: t.arg({ type: ContactFilter }) },
      totalCount: async (_root, args, ctx) => {
        const c = schema.contacts;
        const [row] = await ctx.tx
          .select({ n: count() })
          .from(c)
          .where(contactFilter(c, currentAccountId(ctx), filterOf(args.filter)));
        return row?.n ?? 0;
      },
      resolve: (query, _root, args, ctx) =>
        runPlanned(
          ctx.tx.query.contacts.findMany(
            query({
              where: { RAW: (c) => contactFilter(c, currentAccountId(ctx), filterOf(args.filter)) },
              orderBy: { createdAt: "desc", id: "desc" },
            }),
          ),
        ),
    },
    ContactConnection,
  ),
  contact: t.drizzleField({
    type: ContactRef,
    nullable: true,
    description: "One contact of the current account (in the trash too: see deletedAt); null if none.",
    authScopes: { permission: "contacts:read" },
    args: { id: t.arg.globalID({ required: true, for: ContactRef }) },
    resolve: (query, _root, args, ctx) =>
      runPlanned(
        ctx.tx.query.contacts.findFirst(
          query({ where: { accountId: currentAccountId(ctx), id: args.id.id } }),
        ),
        "contact_by_id",
      ).then((c) => c ?? null),
  }),
  contactExport: t.field({
    type: ContactExportRef,
    description: "The contacts a filter selects as CSV (at most 50,000: narrow the filter beyond).",
    authScopes: { permission: "contacts:read" },
    args: { filter: t.arg({ type: ContactFilter }) },
    resolve: (_root, args, ctx) => exportContacts(operationContext(ctx), filterOf(args.filter)),
  }),
}));
