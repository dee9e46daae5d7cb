// ingestEvents: up to 1,000 marketing events per call, idempotent by clientEventId. Invalid events
// come back as userErrors (events.<i>.<field>) while the valid ones are ingested.
import { ingestEvents } from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { ContactRef } from "./contact-types.ts";

const EventInput = builder.inputType("EventInput", {
  fields: (t) => ({
    clientEventId: t.string({ description: "Your id for the event: sending it again is not counted twice." }),
    type: t.string({
      required: true,
      description: "e.g. purchase, email_opened, trial.started: lowercase letters, digits and _ . : -",
    }),
    contactId: t.globalID({ for: ContactRef }),
    email: t.string({ description: "Instead of contactId; an unknown address becomes a new contact." }),
    occurredAt: t.field({ type: "DateTime", description: "Default: now. At most 5 minutes ahead." }),
    payload: t.field({ type: "JSON", description: "An object (at most 8 KB of JSON)." }),
  }),
});

const IngestEventsPayload = builder
  .objectRef<MutationResult<{ accepted: number; duplicates: number }>>("IngestEventsPayload")
  .implement({
    fields: (t) => ({
      accepted: t.int({ resolve: (p) => p.accepted ?? 0, description: "Events recorded now." }),
      duplicates: t.int({
        resolve: (p) => p.duplicates ?? 0,
        description: "Events whose clientEventId was already recorded.",
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

builder.mutationFields((t) => ({
  ingestEvents: t.fieldWithInput({
    type: IngestEventsPayload,
    authScopes: { authenticated: true },
    input: { events: t.input.field({ type: [EventInput], required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await runMutation(
        ctx,
        (op) =>
          ingestEvents(op, {
            events: input.events.map((e) => ({
              clientEventId: e.clientEventId,
              type: e.type,
              contactId: e.contactId?.id ?? null,
              email: e.email,
              occurredAt: e.occurredAt,
              payload: e.payload,
            })),
          }),
        { accepted: null, duplicates: null, errors: null, eventIds: null },
      );
      // Per-event problems do not undo the batch: they are reported beside what was accepted.
      const eventErrors = (result.errors ?? []).map((e) => ({
        field: e.field ? `events.${e.index}.${e.field}` : `events.${e.index}`,
        code: e.code,
        message: e.message,
      }));
      return { ...result, userErrors: [...result.userErrors, ...eventErrors] };
    },
  }),
}));
