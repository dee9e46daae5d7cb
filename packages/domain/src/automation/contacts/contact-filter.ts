// The contact list's filter as SQL over a given (possibly aliased) contacts table: the GraphQL
// connection, its totalCount and the CSV export all use this one condition.
import type { schema } from "@markettina/db";
import { and, arrayContains, eq, ilike, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { ContactStatus } from "./contact-inputs.ts";

type Contacts = typeof schema.contacts;

export interface ContactFilterInput {
  /** The start of an e-mail address, a first or last name, a full name or a phone number. */
  search?: string | null;
  /** Contacts carrying every one of these tags. */
  tags?: readonly string[] | null;
  status?: ContactStatus | null;
  /** Current members of this segment. */
  segmentId?: string | null;
  /** The trash: deleted contacts (restorable) instead of live ones. */
  deleted?: boolean | null;
}

/** `text%` with the user's % _ and \ taken literally (ILIKE's own escape character is \). */
export const prefixPattern = (text: string): string => `${text.replace(/[%_\\]/g, "\\$&")}%`;

export function contactFilter(c: Contacts, accountId: string, f?: ContactFilterInput | null): SQL {
  const search = f?.search?.trim();
  const pattern = search ? prefixPattern(search) : null;
  return and(
    eq(c.accountId, accountId),
    f?.deleted ? isNotNull(c.deletedAt) : isNull(c.deletedAt),
    pattern
      ? or(
          ilike(c.email, pattern),
          ilike(c.firstName, pattern),
          ilike(c.lastName, pattern),
          ilike(sql`${c.firstName} || ' ' || ${c.lastName}`, pattern),
          /^[+\d]/.test(search!)
            ? ilike(c.phone, prefixPattern(search!.replace(/[\s().-]/g, "")))
            : undefined,
        )
      : undefined,
    f?.tags && f.tags.length > 0 ? arrayContains(c.tags, [...f.tags]) : undefined,
    f?.status ? eq(c.status, f.status) : undefined,
    f?.segmentId
      ? sql`exists (select 1 from segment_memberships m
                     where m.account_id = ${c.accountId} and m.contact_id = ${c.id}
                       and m.segment_id = ${f.segmentId} and m.exited_at is null)`
      : undefined,
  )!;
}
