// Bulk upsert by e-mail (an integration syncing its customers, a CSV import): up to 1,000 contacts
// in one statement, INSERT … ON CONFLICT (account_id, email) DO UPDATE. A contact that exists gets
// the fields given (omitted ones are kept), its attributes merged (a null removes one), its tags
// unioned, and is restored if it was deleted. Within a batch the same e-mail counts once: the last
// row wins. Atomic: one invalid row refuses the whole call, naming every bad row.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../../context.ts";
import { DomainError, fail, type UserError } from "../../errors.ts";
import { authorize } from "../../identity/authorize.ts";
import { reactToEvents } from "../events/react-to-events.ts";
import {
  CONSENT_STATUSES,
  ContactEmail,
  ContactFields,
  type ContactRow,
  MAX_CONTACT_BATCH,
} from "./contact-inputs.ts";
import { failOnTakenContactKey } from "./load-contact.ts";
import { recordContactChanges } from "./record-contact-changes.ts";
import { type ConsentChange, writeConsents } from "./write-consents.ts";

export const UpsertContactRow = ContactFields.omit({ status: true, email: true })
  .partial()
  .extend({
    email: ContactEmail,
    /** E-mail marketing consent to record if the contact has none yet (never overrides one). */
    emailConsent: z.enum(CONSENT_STATUSES).optional(),
  });
export type UpsertContactRow = z.output<typeof UpsertContactRow>;

export const UpsertContactsInput = z.object({ contacts: z.array(z.unknown()) });
export type UpsertContactsInput = { contacts: z.input<typeof UpsertContactRow>[] };

export interface UpsertContactsResult {
  created: number;
  updated: number;
  /** One per distinct e-mail, in the order the e-mails first appeared. */
  contacts: ContactRow[];
}

/** Each row parsed, or its problems with fields named `<prefix>.<index>.<field>`. */
export function parseUpsertRows(
  rows: readonly unknown[],
  prefix: string,
): { rows: UpsertContactRow[]; errors: UserError[] } {
  const parsed: UpsertContactRow[] = [];
  const errors: UserError[] = [];
  rows.forEach((row, i) => {
    const result = UpsertContactRow.safeParse(row);
    if (result.success) parsed.push(result.data);
    else {
      for (const issue of result.error.issues) {
        errors.push({
          field: [prefix, i, ...issue.path].join("."),
          code: "INVALID",
          message: issue.message,
        });
      }
    }
  });
  return { rows: parsed, errors };
}

export async function upsertContacts(
  ctx: OperationContext,
  raw: UpsertContactsInput,
): Promise<UpsertContactsResult> {
  authorize(ctx, "contacts:write");
  const list = Array.isArray(raw?.contacts) ? raw.contacts : [];
  if (list.length === 0) fail("INVALID", "Send at least one contact.", "contacts");
  if (list.length > MAX_CONTACT_BATCH) {
    fail("TOO_MANY", `At most ${MAX_CONTACT_BATCH} contacts per call; split the batch.`, "contacts");
  }
  const { rows, errors } = parseUpsertRows(list, "contacts");
  if (errors.length > 0) throw new DomainError(errors);
  const externalIds = new Map<string, string>();
  for (const row of rows) {
    const other = row.externalId ? externalIds.get(row.externalId) : undefined;
    if (other && other !== row.email) {
      fail("INVALID", `Two contacts of the batch have the external id ${row.externalId}.`, "contacts");
    }
    if (row.externalId) externalIds.set(row.externalId, row.email);
  }
  const result = await upsertContactRows(ctx, rows, { source: "api" });
  await recordContactChanges(
    ctx,
    "contact.upserted",
    result.contacts.map((c) => ({ id: c.id, after: c })),
  );
  return result;
}

/**
 * The statement itself, for rows already validated (upsertContacts, CSV import). Writes consents
 * asked for, then lets segments and journeys react. Returns the contacts as they now are.
 */
export async function upsertContactRows(
  ctx: OperationContext,
  rows: readonly UpsertContactRow[],
  options: { source: string },
): Promise<UpsertContactsResult> {
  const byEmail = new Map<string, UpsertContactRow>();
  // The last row of an e-mail wins; the e-mail keeps the position where it first appeared.
  for (const row of rows) byEmail.set(row.email, row);
  if (byEmail.size === 0) return { created: 0, updated: 0, contacts: [] };
  if (byEmail.size > MAX_CONTACT_BATCH) throw new Error("upsertContactRows takes at most 1,000 contacts");
  const input = [...byEmail.values()].map((r) => ({
    id: uuidv7(),
    email: r.email,
    phone: r.phone ?? null,
    first_name: r.firstName || null,
    last_name: r.lastName || null,
    attributes: r.attributes ?? null,
    tags: r.tags ?? null,
    time_zone: r.timeZone ?? null,
    external_id: r.externalId ?? null,
  }));
  let written: { id: string; inserted: boolean }[];
  try {
    written = [
      ...(await ctx.tx.execute<{ id: string; inserted: boolean }>(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::text::jsonb)
          as i(id uuid, email text, phone text, first_name text, last_name text, attributes jsonb,
               tags text[], time_zone text, external_id text)
      )
      insert into contacts as c (id, account_id, email, phone, first_name, last_name, attributes,
                                 tags, time_zone, external_id, created_by)
      select i.id, ${ctx.accountId}::uuid, i.email, i.phone, coalesce(i.first_name, ''),
             coalesce(i.last_name, ''), jsonb_strip_nulls(coalesce(i.attributes, '{}')),
             coalesce(i.tags, '{}'), coalesce(i.time_zone, 'UTC'), i.external_id, ${ctx.actor.userId}::uuid
        from input i
      on conflict (account_id, email) do update set
        -- Omitted fields (null in the input) keep the contact's value: read the input row again,
        -- since excluded.* already carries the insert's defaults.
        (phone, first_name, last_name, time_zone, external_id) = (
          select coalesce(i.phone, c.phone), coalesce(i.first_name, c.first_name),
                 coalesce(i.last_name, c.last_name), coalesce(i.time_zone, c.time_zone),
                 coalesce(i.external_id, c.external_id)
            from input i where i.email = excluded.email),
        attributes = jsonb_strip_nulls(c.attributes || (select coalesce(i.attributes, '{}') from input i
                                                         where i.email = excluded.email)),
        tags = array(select t from unnest(c.tags || excluded.tags) with ordinality as u(t, n)
                      group by t order by min(n)),
        deleted_at = null, deleted_by = null, version = c.version + 1, updated_at = now()
      returning c.id, (c.xmax = 0) as inserted`)),
    ];
  } catch (error) {
    failOnTakenContactKey(error);
  }
  const c = schema.contacts;
  const ids = written.map((w) => w.id);
  const fresh = await ctx.tx
    .select()
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), sql`${c.id} = any(${sql.param(ids)}::uuid[])`));
  const byRowEmail = new Map(fresh.map((row) => [row.email, row]));
  const contacts = [...byEmail.keys()].flatMap((email) => byRowEmail.get(email) ?? []);
  const consents: ConsentChange[] = [];
  for (const row of byEmail.values()) {
    const contact = byRowEmail.get(row.email);
    if (contact && row.emailConsent) {
      consents.push({
        contactId: contact.id,
        channel: "email",
        type: "marketing",
        status: row.emailConsent,
        source: options.source,
        ip: null,
        userAgent: null,
      });
    }
  }
  const consentEvents = (await writeConsents(ctx, consents, { overwrite: false })).flatMap((w) =>
    w.eventId && w.eventType ? [{ eventId: w.eventId, contactId: w.contactId, type: w.eventType }] : [],
  );
  await reactToEvents(ctx, consentEvents, ids);
  const created = written.filter((w) => w.inserted).length;
  return { created, updated: written.length - created, contacts };
}
