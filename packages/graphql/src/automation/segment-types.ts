// Segment object types: saved condition trees (dynamic) or hand-picked lists (static) with their
// stored member count. Segment.members is added in segment-members.ts (it needs the Contact type).
import { SEGMENT_KINDS } from "@markettina/domain";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";

export const SegmentKindEnum = builder.enumType("SegmentKind", {
  description: "DYNAMIC: members are whoever matches the conditions. STATIC: members are added by hand.",
  values: upper(SEGMENT_KINDS),
});

export const SegmentRef = builder.drizzleNode("marketingSegments", {
  name: "Segment",
  id: { column: (c) => c.id },
  authScopes: { permission: "contacts:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    conditions: t.expose("conditions", {
      type: "JSON",
      description:
        "The condition tree (and/or/not over attributes, fields, tags, consent, events, segments).",
    }),
    kind: t.expose("kind", { type: SegmentKindEnum }),
    memberCount: t.exposeInt("memberCount", {
      description: "Current members, as of lastCalculatedAt (kept current by incremental refreshes).",
    }),
    lastCalculatedAt: t.expose("lastCalculatedAt", {
      type: "DateTime",
      nullable: true,
      description: "The last full refresh; null until the first one.",
    }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const SegmentConnection = namedConnection(SegmentRef, "Segment");
