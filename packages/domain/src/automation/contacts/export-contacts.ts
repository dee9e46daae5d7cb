// CSV export of the contacts a filter selects, in the import's columns (contact-csv.ts), so the
// file can be edited and imported back. Attribute columns are the union of the contacts' keys.
import { schema } from "@markettina/db";
import { and, asc, eq } from "drizzle-orm";
import type { OperationContext } from "../../context.ts";
import { fail } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { columnKey, csvLine, isKnownColumn } from "./contact-csv.ts";
import { type ContactFilterInput, contactFilter } from "./contact-filter.ts";

export const MAX_EXPORT_ROWS = 50_000;

export async function exportContacts(
  ctx: OperationContext,
  filter: ContactFilterInput | null = null,
): Promise<{ csv: string; rowCount: number }> {
  authorize(ctx, "contacts:read");
  const c = schema.contacts;
  const r = schema.consentRecords;
  const rows = await ctx.tx
    .select({
      email: c.email,
      phone: c.phone,
      firstName: c.firstName,
      lastName: c.lastName,
      timeZone: c.timeZone,
      tags: c.tags,
      externalId: c.externalId,
      attributes: c.attributes,
      consentEmail: r.status,
    })
    .from(c)
    .leftJoin(
      r,
      and(
        eq(r.accountId, c.accountId),
        eq(r.contactId, c.id),
        eq(r.channel, "email"),
        eq(r.type, "marketing"),
      ),
    )
    .where(contactFilter(c, ctx.accountId, filter))
    .orderBy(asc(c.createdAt), asc(c.id))
    .limit(MAX_EXPORT_ROWS + 1);
  if (rows.length > MAX_EXPORT_ROWS) {
    fail(
      "TOO_MANY",
      `At most ${MAX_EXPORT_ROWS.toLocaleString("en")} contacts per export: narrow the filter.`,
      "filter",
    );
  }
  // An attribute named like a column ("email") cannot be told apart in a file: left out.
  const attributeKeys = [...new Set(rows.flatMap((row) => Object.keys(row.attributes)))]
    .filter((key) => !isKnownColumn(columnKey(key)))
    .sort();
  const lines = [
    csvLine([
      "email",
      "phone",
      "first_name",
      "last_name",
      "time_zone",
      "tags",
      "consent_email",
      "external_id",
      ...attributeKeys,
    ]),
    ...rows.map((row) =>
      csvLine([
        row.email,
        row.phone,
        row.firstName,
        row.lastName,
        row.timeZone,
        row.tags.join(";"),
        row.consentEmail,
        row.externalId,
        ...attributeKeys.map((key) => row.attributes[key]),
      ]),
    ),
  ];
  return { csv: `${lines.join("\r\n")}\r\n`, rowCount: rows.length };
}
