// Segment mutations: each parses its input, calls one domain operation, answers the segment.
// Conditions arrive as JSON and are validated by the domain (zod, then meaning and references);
// every problem comes back as a userError with its field path ("conditions.conditions.1.value").
import {
  addSegmentMembers,
  createSegment,
  deleteSegment,
  refreshSegment,
  removeSegmentMembers,
  type SegmentRow,
  updateSegment,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { SegmentKindEnum, SegmentRef } from "./segment-types.ts";

type SegmentPayload = MutationResult<{ segment: SegmentRow }>;
const segmentPayload = (name: string) =>
  builder.objectRef<SegmentPayload>(name).implement({
    fields: (t) => ({
      segment: t.field({ type: SegmentRef, nullable: true, resolve: (p) => p.segment }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type MembersPayload = MutationResult<{ segment: SegmentRow; changed: number }>;
const membersPayload = (name: string, description: string) =>
  builder.objectRef<MembersPayload>(name).implement({
    fields: (t) => ({
      segment: t.field({ type: SegmentRef, nullable: true, resolve: (p) => p.segment }),
      changed: t.int({ nullable: true, description, resolve: (p) => p.changed }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type RefreshPayload = MutationResult<{ segment: SegmentRow; entered: number; exited: number }>;
const RefreshSegmentPayload = builder.objectRef<RefreshPayload>("RefreshSegmentPayload").implement({
  fields: (t) => ({
    segment: t.field({ type: SegmentRef, nullable: true, resolve: (p) => p.segment }),
    entered: t.int({ nullable: true, description: "Contacts who entered.", resolve: (p) => p.entered }),
    exited: t.int({ nullable: true, description: "Contacts who left.", resolve: (p) => p.exited }),
    userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
  }),
});

const CONDITIONS_HELP =
  'The condition tree as JSON, e.g. {"kind":"and","conditions":[{"kind":"tag","op":"has","tag":"vip"}]}.';

builder.mutationFields((t) => ({
  createSegment: t.fieldWithInput({
    type: segmentPayload("CreateSegmentPayload"),
    description:
      "A dynamic segment is calculated at once; a static one starts empty or, given conditions, with the contacts matching them now.",
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      description: t.input.string(),
      kind: t.input.field({ type: SegmentKindEnum, description: "Default DYNAMIC." }),
      conditions: t.input.field({ type: "JSON", description: CONDITIONS_HELP }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          segment: await createSegment(op, {
            name: input.name,
            description: input.description ?? undefined,
            kind: input.kind ?? undefined,
            conditions: input.conditions ?? undefined,
          }),
        }),
        { segment: null },
      ),
  }),
  updateSegment: t.fieldWithInput({
    type: segmentPayload("UpdateSegmentPayload"),
    description:
      "Edits a segment; omitted fields are left alone. New conditions recalculate its members. Send the version you read; a newer one is a CONFLICT.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: SegmentRef }),
      version: t.input.int({ required: true }),
      name: t.input.string(),
      description: t.input.string(),
      kind: t.input.field({ type: SegmentKindEnum }),
      conditions: t.input.field({ type: "JSON", description: CONDITIONS_HELP }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          segment: await updateSegment(op, {
            id: input.id.id,
            version: input.version,
            name: input.name ?? undefined,
            description: input.description ?? undefined,
            kind: input.kind ?? undefined,
            conditions: input.conditions ?? undefined,
          }),
        }),
        { segment: null },
      ),
  }),
  deleteSegment: t.fieldWithInput({
    type: builder.objectRef<MutationResult<{ deletedSegmentId: string }>>("DeleteSegmentPayload").implement({
      fields: (f) => ({
        deletedSegmentId: f.globalID({
          nullable: true,
          resolve: (p) => (p.deletedSegmentId ? { type: "Segment", id: p.deletedSegmentId } : null),
        }),
        userErrors: f.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
      }),
    }),
    description: "Deletes a segment no other segment or live journey uses; its memberships end.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: SegmentRef }),
      version: t.input.int({ required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          deletedSegmentId: (await deleteSegment(op, { id: input.id.id, version: input.version })).id,
        }),
        { deletedSegmentId: null },
      ),
  }),
  refreshSegment: t.fieldWithInput({
    type: RefreshSegmentPayload,
    description: "Recalculates the segment now (the periodic refresh does it every 5 minutes).",
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: SegmentRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const { segment, result } = await refreshSegment(op, { id: input.id.id });
          return { segment, entered: result.entered.length, exited: result.exited };
        },
        { segment: null, entered: null, exited: null },
      ),
  }),
  addSegmentMembers: t.fieldWithInput({
    type: membersPayload(
      "AddSegmentMembersPayload",
      "Contacts added (those already members are left alone).",
    ),
    description: "Adds contacts (at most 1,000) to a static segment; entering it can start journeys.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: SegmentRef }),
      contactIds: t.input.globalIDList({ required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        (op) => addSegmentMembers(op, { id: input.id.id, contactIds: contactIdsOf(input.contactIds) }),
        { segment: null, changed: null },
      ),
  }),
  removeSegmentMembers: t.fieldWithInput({
    type: membersPayload(
      "RemoveSegmentMembersPayload",
      "Contacts removed (those not members are left alone).",
    ),
    description: "Takes contacts (at most 1,000) out of a static segment.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: SegmentRef }),
      contactIds: t.input.globalIDList({ required: true }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        (op) => removeSegmentMembers(op, { id: input.id.id, contactIds: contactIdsOf(input.contactIds) }),
        { segment: null, changed: null },
      ),
  }),
}));

/** Contact ids from global ids; another type's id becomes one no contact has (NOT_FOUND). */
const contactIdsOf = (ids: readonly { typename: string; id: string }[]) =>
  ids.map((g) => (g.typename === "Contact" ? g.id : "00000000-0000-0000-0000-000000000000"));
