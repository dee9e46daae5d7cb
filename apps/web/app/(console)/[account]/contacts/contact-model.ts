// Contacts as the console shows them: statuses, consent and timeline kinds in words, and who may
// change contacts.
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { ContactDetailQuery, ContactListQuery, ContactTimelineQuery } from "./contacts-operations";

export type ContactListItem = ResultOf<typeof ContactListQuery>["contacts"]["nodes"][number];
export type ContactDetail = NonNullable<ResultOf<typeof ContactDetailQuery>["contact"]>;
export type ContactConsent = ContactDetail["consents"][number];
export type ContactStatus = ContactListItem["status"];
export type TimelineEntry = NonNullable<
  ResultOf<typeof ContactTimelineQuery>["contact"]
>["timeline"]["nodes"][number];

export const CONTACT_STATUSES = [
  "ACTIVE",
  "UNSUBSCRIBED",
  "BOUNCED",
] as const satisfies readonly ContactStatus[];

export const STATUS_LABELS: Record<ContactStatus, string> = {
  ACTIVE: "Active",
  UNSUBSCRIBED: "Unsubscribed",
  BOUNCED: "Bounced",
};

export const STATUS_TONES = {
  ACTIVE: "success",
  UNSUBSCRIBED: "warning",
  BOUNCED: "danger",
} as const satisfies Record<ContactStatus, string>;

export type ConsentChannel = ContactConsent["channel"];
export type ConsentType = ContactConsent["type"];
export type ConsentStatus = ContactConsent["status"];

export const CONSENT_CHANNELS = ["EMAIL", "SMS", "PUSH"] as const satisfies readonly ConsentChannel[];
export const CONSENT_TYPES = ["MARKETING", "TRANSACTIONAL"] as const satisfies readonly ConsentType[];

export const CHANNEL_LABELS: Record<ConsentChannel, string> = { EMAIL: "Email", SMS: "SMS", PUSH: "Push" };
export const CONSENT_TYPE_LABELS: Record<ConsentType, string> = {
  MARKETING: "Marketing",
  TRANSACTIONAL: "Transactional",
};
export const CONSENT_STATUS_LABELS: Record<ConsentStatus, string> = {
  GRANTED: "Granted",
  DENIED: "Denied",
  PENDING: "Pending",
};
export const CONSENT_STATUS_TONES = {
  GRANTED: "success",
  DENIED: "danger",
  PENDING: "neutral",
} as const satisfies Record<ConsentStatus, string>;

export type TimelineKind = TimelineEntry["kind"];
export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  EVENT: "Event",
  JOURNEY: "Journey",
  MESSAGE: "Message",
  CONSENT: "Consent",
};

/** Everyone in the account reads contacts; owners, admins and members change them (contacts:write). */
export function canEditContacts(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}
