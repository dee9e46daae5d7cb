// Contact object types: the contact, its consents and its current segments. Both lists are
// planned into the query that loads the contacts (drizzle relations), so a page of 20 contacts
// with consents and segments is still one statement. The timeline is in contact-timeline.ts.
import {
  CONSENT_CHANNELS,
  CONSENT_STATUSES,
  CONSENT_TYPES,
  CONTACT_STATUSES,
  displayNameOf,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";
import { SegmentRef } from "./segment-types.ts";

export const ContactStatusEnum = builder.enumType("ContactStatus", {
  description: "UNSUBSCRIBED: opted out of e-mail marketing. BOUNCED: the address does not take mail.",
  values: upper(CONTACT_STATUSES),
});
export const ConsentChannelEnum = builder.enumType("ConsentChannel", { values: upper(CONSENT_CHANNELS) });
export const ConsentTypeEnum = builder.enumType("ConsentType", { values: upper(CONSENT_TYPES) });
export const ConsentStatusEnum = builder.enumType("ConsentStatus", {
  description: "Marketing is sent only with GRANTED; no record at all means no consent.",
  values: upper(CONSENT_STATUSES),
});

export const ConsentRef = builder.drizzleObject("consentRecords", {
  name: "Consent",
  description: "The current consent of a contact for one channel and type (its changes: the timeline).",
  select: { columns: { id: true } },
  fields: (t) => ({
    channel: t.expose("channel", { type: ConsentChannelEnum }),
    type: t.expose("type", { type: ConsentTypeEnum }),
    status: t.expose("status", { type: ConsentStatusEnum }),
    grantedAt: t.expose("grantedAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    source: t.exposeString("source", { description: "form, console, api, import, unsubscribe_link…" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const ContactRef = builder.drizzleNode("contacts", {
  name: "Contact",
  id: { column: (c) => c.id },
  authScopes: { permission: "contacts:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true, description: "E.164, e.g. +14155550123." }),
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    displayName: t.string({
      description: "The name, or else the e-mail address or phone number.",
      select: { columns: { firstName: true, lastName: true, email: true, phone: true } },
      resolve: (c) => displayNameOf(c),
    }),
    attributes: t.expose("attributes", { type: "JSON", description: "Flat: strings, numbers, booleans." }),
    tags: t.exposeStringList("tags"),
    timeZone: t.exposeString("timeZone", { description: "IANA zone: waits and quiet hours use it." }),
    status: t.expose("status", { type: ContactStatusEnum }),
    externalId: t.exposeString("externalId", { nullable: true }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    deletedAt: t.expose("deletedAt", { type: "DateTime", nullable: true }),
    consents: t.relation("consents", {
      description: "Per channel and type; a channel without one has no consent.",
      query: { orderBy: { channel: "asc", type: "asc" } },
    }),
    segments: t.field({
      type: [SegmentRef],
      description: "The segments the contact is in now (deleted segments left out).",
      select: (_args, _ctx, nestedSelection) => ({
        with: {
          memberships: {
            columns: { segmentId: true },
            where: { exitedAt: { isNull: true } },
            orderBy: { enteredAt: "asc" },
            with: { segment: nestedSelection({ where: { deletedAt: { isNull: true } } }) },
          },
        },
      }),
      resolve: (c) => c.memberships.flatMap((m) => (m.segment ? [m.segment] : [])),
    }),
  }),
});

export const ContactConnection = namedConnection(ContactRef, "Contact");
