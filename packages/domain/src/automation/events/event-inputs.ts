// What an ingested marketing event may look like (GraphQL ingestEvents and POST /ingest/events).
import { z } from "zod";
import { ContactEmail } from "../contacts/contact-inputs.ts";

export const MAX_EVENT_BATCH = 1_000;
export const MAX_EVENT_PAYLOAD_BYTES = 8_192;
/** Clocks drift: an event may claim to be this far in the future, no further. */
export const MAX_EVENT_CLOCK_SKEW_MS = 5 * 60_000;

/** Types the system records itself (consent changes, journeys): an integration may not send them. */
export const SYSTEM_EVENT_TYPES = new Set([
  "consent_granted",
  "consent_revoked",
  "journey_entered",
  "journey_step_completed",
  "journey_exited",
]);

export const EventType = z
  .string()
  .trim()
  .min(1, "Name the event type.")
  .max(64, "An event type has at most 64 characters.")
  .regex(/^[a-z0-9_.:-]+$/, "Use lowercase letters, digits and _ . : - in event types.")
  .refine((t) => !SYSTEM_EVENT_TYPES.has(t), "This event type is recorded by Markettina itself.");

export const EventPayload = z
  .record(z.string(), z.unknown())
  .refine(
    (p) => Buffer.byteLength(JSON.stringify(p)) <= MAX_EVENT_PAYLOAD_BYTES,
    `A payload may take at most ${MAX_EVENT_PAYLOAD_BYTES} bytes of JSON.`,
  );

export const EventInput = z
  .object({
    /** The sender's id for the event: sending it again is recognised and not counted twice. */
    clientEventId: z.string().trim().min(1).max(200).nullish(),
    type: EventType,
    contactId: z.uuid().nullish(),
    /** Used when contactId is not given; an unknown address becomes a new contact. */
    email: ContactEmail.nullish(),
    occurredAt: z.coerce.date().nullish(),
    payload: EventPayload.nullish(),
  })
  .superRefine((e, ctx) => {
    if (!e.contactId && !e.email) {
      ctx.addIssue({ code: "custom", path: ["contactId"], message: "Name the contact: contactId or email." });
    }
    if (e.occurredAt && Number.isNaN(e.occurredAt.getTime())) {
      ctx.addIssue({ code: "custom", path: ["occurredAt"], message: "Not a valid date." });
    }
  });
export type EventInput = z.input<typeof EventInput>;
export type ParsedEvent = z.output<typeof EventInput>;
