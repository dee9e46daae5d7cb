// The contacts of a segment: Segment.members (current members, a connection) and the condition
// builder's live preview (Query.segmentPreview). Both are planned reads: members are loaded in the
// query that loads the segment (through its memberships), so a page of segments with their first
// members is still one statement; a preview's sample is one query for its ten contacts.
import { PREVIEW_SAMPLE_SIZE, previewSegment, type SegmentPreview, type UserError } from "@markettina/domain";
import { drizzleConnectionHelpers } from "@pothos/plugin-drizzle";
import { builder } from "../builder.ts";
import { currentAccountId, operationContext } from "../context.ts";
import { runPlanned } from "../platform/planned-reads.ts";
import { UserErrorRef } from "../platform/user-errors.ts";
import { ContactConnection, ContactRef } from "./contact-types.ts";
import { SegmentRef } from "./segment-types.ts";

/** Current stays (exited_at is null) of live contacts, oldest membership first. */
const currentMembers = drizzleConnectionHelpers(builder, "segmentMemberships", {
  select: (nodeSelection) => ({ with: { contact: nodeSelection() } }),
  query: () => ({
    where: { exitedAt: { isNull: true }, contact: { deletedAt: { isNull: true } } },
    orderBy: { id: "asc" },
  }),
  resolveNode: (membership) => membership.contact,
});

type NestedSelection = (selection: unknown, include: unknown) => unknown;
const CONTACT_PATHS = {
  getType: () => "Contact",
  paths: [[{ name: "nodes" }], [{ name: "edges" }, { name: "node" }]],
};

builder.drizzleObjectField(SegmentRef, "members", (t) =>
  t.connection(
    {
      type: ContactRef,
      description: "The contacts in the segment now; totalCount is its memberCount.",
      select: (args, ctx, nestedSelection) => ({
        columns: { memberCount: true },
        with: {
          // The contacts' fields may be selected under nodes or under edges.node: both are planned
          // into this query (the helper alone plans edges.node only), as relatedConnection does.
          memberships: currentMembers.getQuery(args, ctx, (selection) =>
            (nestedSelection as unknown as NestedSelection)(selection, CONTACT_PATHS),
          ),
        },
      }),
      resolve: (segment, args, ctx) => ({
        ...currentMembers.resolve(segment.memberships, args, ctx),
        totalCount: segment.memberCount,
      }),
    },
    ContactConnection,
  ),
);

type PreviewResult = Omit<SegmentPreview, "problems"> & { problems: UserError[] };

const SegmentPreviewRef = builder.objectRef<PreviewResult>("SegmentPreview").implement({
  description: "Who a condition tree matches now, without saving it.",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "Matching contacts (0 when the tree has problems)." }),
    sample: t.drizzleField({
      type: [ContactRef],
      description: `Up to ${PREVIEW_SAMPLE_SIZE} matching contacts, newest first.`,
      resolve: async (query, preview, _args, ctx) => {
        if (preview.sampleIds.length === 0) return [];
        const rows = await runPlanned(
          ctx.tx.query.contacts.findMany(
            query({ where: { accountId: currentAccountId(ctx), id: { in: preview.sampleIds } } }),
          ),
        );
        // The Contact type always selects its id.
        const byId = new Map(rows.map((r) => [(r as unknown as { id: string }).id, r]));
        return preview.sampleIds.flatMap((id) => byId.get(id) ?? []);
      },
    }),
    problems: t.field({
      type: [UserErrorRef],
      description: "Why the tree cannot be evaluated, each with its field path (conditions.…).",
      resolve: (p) => p.problems,
    }),
  }),
});

builder.queryFields((t) => ({
  segmentPreview: t.field({
    type: SegmentPreviewRef,
    description: "The condition builder's live count: matches and a sample for an unsaved tree.",
    authScopes: { permission: "contacts:read" },
    args: {
      conditions: t.arg({ type: "JSON", required: true }),
      segmentId: t.arg.globalID({
        for: SegmentRef,
        description: "The segment being edited: its tree may not refer to itself.",
      }),
    },
    resolve: (_root, args, ctx) =>
      previewSegment(operationContext(ctx), { conditions: args.conditions, segmentId: args.segmentId?.id }),
  }),
}));
