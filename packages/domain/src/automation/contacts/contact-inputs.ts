// What a contact may hold, validated the same way by create, update, bulk upsert and CSV import.
import type { schema } from "@markettina/db";
import { z } from "zod";
import { TimeZone } from "../../identity/inputs.ts";

export type ContactRow = typeof schema.contacts.$inferSelect;
export const CONTACT_STATUSES = ["active", "unsubscribed", "bounced"] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const CONSENT_CHANNELS = ["email", "sms", "push"] as const;
export const CONSENT_TYPES = ["marketing", "transactional"] as const;
export const CONSENT_STATUSES = ["granted", "denied", "pending"] as const;
export type ConsentStatusValue = (typeof CONSENT_STATUSES)[number];

/** Batches a single call may carry (bulk upsert, tagging, deleting, event ingestion). */
export const MAX_CONTACT_BATCH = 1_000;
export const MAX_TAGS = 50;
export const MAX_ATTRIBUTES = 100;
/** The attributes of one contact, as JSON text: they are read by every segment evaluation. */
export const MAX_ATTRIBUTES_BYTES = 16_384;

/** Lower-cased and trimmed, as the contacts_email_normalized check requires. */
export const ContactEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "An e-mail address has at most 254 characters.")
  .pipe(z.email("Enter a valid e-mail address."));

/** E.164: + and 7 to 15 digits. Spaces, dots, dashes and brackets typed around them are dropped. */
export const Phone = z
  .string()
  .trim()
  .transform((p) => p.replace(/[\s().-]/g, ""))
  .pipe(z.string().regex(/^\+[1-9]\d{6,14}$/, "Use the international format, e.g. +14155550123."));

export const Tag = z
  .string()
  .trim()
  .min(1, "Tags cannot be empty.")
  .max(64, "A tag has at most 64 characters.");
export const Tags = z
  .array(Tag)
  .max(MAX_TAGS, `At most ${MAX_TAGS} tags.`)
  .transform((tags) => [...new Set(tags)]);

const AttributeKey = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const AttributeValue = z.union([z.string().max(2_000), z.number().finite(), z.boolean(), z.null()]);

/** A flat object of strings, numbers, booleans and nulls: what segment conditions compare. */
export const Attributes = z
  .record(z.string(), z.unknown())
  .superRefine((attributes, ctx) => {
    const keys = Object.keys(attributes);
    if (keys.length > MAX_ATTRIBUTES) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_ATTRIBUTES} attributes.` });
      return;
    }
    for (const key of keys) {
      if (!AttributeKey.test(key)) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message:
            "Name attributes with letters, digits, _ . or - (starting with a letter or _), at most 64.",
        });
      } else if (!AttributeValue.safeParse(attributes[key]).success) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "An attribute is a string (up to 2,000 characters), a number, true/false or null.",
        });
      }
    }
    if (Buffer.byteLength(JSON.stringify(attributes)) > MAX_ATTRIBUTES_BYTES) {
      ctx.addIssue({ code: "custom", message: `Attributes may take at most ${MAX_ATTRIBUTES_BYTES} bytes.` });
    }
  })
  .transform((a) => a as Record<string, string | number | boolean | null>);

const Name = z.string().trim().max(100, "At most 100 characters.");
const ExternalId = z.string().trim().min(1).max(200);

export const ContactFields = z.object({
  email: ContactEmail.nullable(),
  phone: Phone.nullable(),
  firstName: Name,
  lastName: Name,
  attributes: Attributes,
  tags: Tags,
  timeZone: TimeZone,
  externalId: ExternalId.nullable(),
  status: z.enum(CONTACT_STATUSES),
});
export type ContactFields = z.output<typeof ContactFields>;

/** A contact is reached by e-mail or phone: one of them must remain (contacts_reachable). */
export function reachabilityProblem(c: { email?: string | null; phone?: string | null }) {
  return c.email || c.phone ? null : { field: "email", message: "Give an e-mail address or a phone number." };
}

/** How people are named in lists: their name, else their address. */
export const displayNameOf = (c: Pick<ContactRow, "firstName" | "lastName" | "email" | "phone">): string =>
  `${c.firstName} ${c.lastName}`.trim() || c.email || c.phone || "";
