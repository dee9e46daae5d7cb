// Journey mutations: each parses its input, calls one domain operation, answers the journey (and,
// for drafts and publishing, the definition's problems by node).
import {
  activateJourney,
  archiveJourney,
  createJourney,
  DomainError,
  deleteJourney,
  type EnrolmentResult,
  enrolContacts,
  InvalidDefinitionError,
  type JourneyAtVersionInput,
  type JourneyProblem,
  type JourneyRow,
  type JourneyVersionRow,
  MAX_ENROL_CONTACTS,
  type OperationContext,
  pauseJourney,
  publishJourney,
  resumeJourney,
  updateJourney,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { CampaignRef } from "../content/types.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { draftProblems, JourneyProblemRef, JourneyRef, JourneyVersionRef } from "./journey-types.ts";

type WithProblems = MutationResult<{ journey: JourneyRow }> & { problems: JourneyProblem[] };

const payload = (name: string) =>
  builder.objectRef<MutationResult<{ journey: JourneyRow }>>(name).implement({
    fields: (t) => ({
      journey: t.field({ type: JourneyRef, nullable: true, resolve: (p) => p.journey }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const payloadWithProblems = (name: string, description: string) =>
  builder.objectRef<WithProblems>(name).implement({
    fields: (t) => ({
      journey: t.field({ type: JourneyRef, nullable: true, resolve: (p) => p.journey }),
      problems: t.field({ type: [JourneyProblemRef], description, resolve: (p) => p.problems }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const PublishJourneyPayload = builder
  .objectRef<WithProblems & { version: JourneyVersionRow | null }>("PublishJourneyPayload")
  .implement({
    fields: (t) => ({
      journey: t.field({ type: JourneyRef, nullable: true, resolve: (p) => p.journey }),
      version: t.field({
        type: JourneyVersionRef,
        nullable: true,
        description: "The version just published.",
        resolve: (p) => p.version,
      }),
      problems: t.field({
        type: [JourneyProblemRef],
        description: "Why publishing was refused (INVALID_DEFINITION), by node; empty when published.",
        resolve: (p) => p.problems,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const EnrolContactsPayload = builder
  .objectRef<MutationResult<EnrolmentResult>>("EnrolContactsPayload")
  .implement({
    fields: (t) => ({
      enrolled: t.int({ description: "Contacts who entered now.", resolve: (p) => p.enrolled ?? 0 }),
      skipped: t.int({
        description: "Contacts the re-entry rule kept out, or already enrolled with this entry key.",
        resolve: (p) => p.skipped ?? 0,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type Builder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

const ref = (t: Builder) => ({
  id: t.input.globalID({ required: true, for: JourneyRef }),
  version: t.input.int({ required: true, description: "The version you read; a newer one is a CONFLICT." }),
});

/** A lifecycle move: { id, version } in, the journey out. */
const move = (
  t: Builder,
  name: string,
  description: string,
  op: (ctx: OperationContext, input: JourneyAtVersionInput) => Promise<JourneyRow>,
) =>
  t.fieldWithInput({
    type: payload(name),
    description,
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (o) => ({ journey: await op(o, { id: input.id.id, version: input.version }) }), {
        journey: null,
      }),
  });

builder.mutationFields((t) => ({
  createJourney: t.fieldWithInput({
    type: payloadWithProblems("CreateJourneyPayload", "The new draft's problems (it starts incomplete)."),
    description: "Starts a journey as a draft holding a manual trigger.",
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      description: t.input.string(),
      campaignId: t.input.globalID({ for: CampaignRef }),
    },
    resolve: async (_root, { input }, ctx) => {
      const result = await runMutation(
        ctx,
        async (op) => ({
          journey: await createJourney(op, {
            name: input.name,
            description: input.description ?? undefined,
            campaignId: input.campaignId?.id ?? null,
          }),
        }),
        { journey: null },
      );
      return { ...result, problems: result.journey ? draftProblems(result.journey.draft) : [] };
    },
  }),
  updateJourney: t.fieldWithInput({
    type: payloadWithProblems(
      "UpdateJourneyPayload",
      "The saved draft's problems, by node (references to segments, templates and connectors included).",
    ),
    description:
      "Saves the journey's fields and its draft. A draft of the wrong shape is refused (INVALID, with the field's path); one with problems is saved and its problems answered.",
    authScopes: { authenticated: true },
    input: {
      ...ref(t),
      name: t.input.string(),
      description: t.input.string(),
      campaignId: t.input.globalID({ for: CampaignRef, description: "null: no campaign." }),
      draft: t.input.field({
        type: "JSON",
        description: "The whole definition: { nodes, edges, settings }.",
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      let problems: JourneyProblem[] = [];
      const result = await runMutation(
        ctx,
        async (op) => {
          const updated = await updateJourney(op, {
            id: input.id.id,
            version: input.version,
            name: input.name ?? undefined,
            description: input.description ?? undefined,
            campaignId: input.campaignId === undefined ? undefined : (input.campaignId?.id ?? null),
            draft: input.draft ?? undefined,
          });
          problems = updated.problems;
          return { journey: updated.journey };
        },
        { journey: null },
      );
      return { ...result, problems };
    },
  }),
  publishJourney: t.fieldWithInput({
    type: PublishJourneyPayload,
    description:
      "Publishes the draft as the next version (new entrants run it). Refused with INVALID_DEFINITION and the problems while it has any.",
    authScopes: { authenticated: true },
    input: ref(t),
    resolve: async (_root, { input }, ctx) => {
      let problems: JourneyProblem[] = [];
      const result = await runMutation(
        ctx,
        async (op) => {
          try {
            return await publishJourney(op, { id: input.id.id, version: input.version });
          } catch (error) {
            if (error instanceof InvalidDefinitionError) problems = error.problems;
            throw error;
          }
        },
        { journey: null, version: null },
      );
      return { ...result, problems };
    },
  }),
  activateJourney: move(
    t,
    "ActivateJourneyPayload",
    "Opens a published journey to contacts (from DRAFT or PAUSED).",
    activateJourney,
  ),
  pauseJourney: move(
    t,
    "PauseJourneyPayload",
    "Holds an active journey: nobody enters, executions stay where they are.",
    pauseJourney,
  ),
  resumeJourney: move(
    t,
    "ResumeJourneyPayload",
    "Lets a paused journey go on: held executions continue, overdue ones at once.",
    resumeJourney,
  ),
  archiveJourney: move(
    t,
    "ArchiveJourneyPayload",
    "Retires a journey for good; executions still under way exit (reason 'archived').",
    archiveJourney,
  ),
  deleteJourney: move(
    t,
    "DeleteJourneyPayload",
    "Moves a journey that is not active to the trash.",
    deleteJourney,
  ),
  enrolContacts: t.fieldWithInput({
    type: EnrolContactsPayload,
    description: `Puts up to ${MAX_ENROL_CONTACTS} contacts into an active journey (whatever its trigger), under its re-entry rule.`,
    authScopes: { authenticated: true },
    input: {
      journeyId: t.input.globalID({ required: true, for: JourneyRef }),
      contactIds: t.input.globalIDList({ required: true }),
      entryKey: t.input.string({
        description: "Your idempotency key for this enrolment: sent again, it enrols nobody twice.",
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          const wrong = input.contactIds
            .map((id, i) => ({ id, i }))
            .filter(({ id }) => id.typename !== "Contact");
          if (wrong.length > 0 && input.contactIds.length <= MAX_ENROL_CONTACTS) {
            throw new DomainError(
              wrong.map(({ i }) => ({
                field: `contactIds.${i}`,
                code: "NOT_FOUND" as const,
                message: "Contact not found.",
              })),
            );
          }
          return enrolContacts(op, {
            journeyId: input.journeyId.id,
            contactIds: input.contactIds.map((id) => id.id),
            entryKey: input.entryKey ?? undefined,
          });
        },
        { enrolled: null, skipped: null },
      ),
  }),
}));
