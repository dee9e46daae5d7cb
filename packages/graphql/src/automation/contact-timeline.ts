// Contact.timeline: what happened to one contact, newest first — its marketing events, journey
// entries, messages and consent changes — as one UNION query ordered by (at, id) and paged by
// keyset on that pair. Consent changes come from consent_history (the consent_* marketing events
// that mirror them are left out, so each change appears once).
import type { Transaction } from "@markettina/db";
import { sql } from "drizzle-orm";
import { GraphQLError } from "graphql";
import { builder } from "../builder.ts";
import { currentAccountId } from "../context.ts";
import { upper } from "../platform/enum-values.ts";
import { ContactRef } from "./contact-types.ts";

const TIMELINE_KINDS = ["event", "journey", "message", "consent"] as const;
type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: string;
  at: Date;
  kind: TimelineKind;
  title: string;
  detail: Record<string, unknown> | null;
  /** The exact time as PostgreSQL has it (microseconds): the cursor needs more than a Date. */
  cursorAt: string;
}

const ContactTimelineKindEnum = builder.enumType("ContactTimelineKind", { values: upper(TIMELINE_KINDS) });

const ContactTimelineEntryRef = builder.objectRef<TimelineEntry>("ContactTimelineEntry").implement({
  description: "One thing in a contact's history.",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    kind: t.expose("kind", { type: ContactTimelineKindEnum }),
    title: t.exposeString("title", {
      description: "Event type, journey name, message subject, or the consent change.",
    }),
    detail: t.expose("detail", { type: "JSON", nullable: true }),
  }),
});

const MAX_PAGE = 100;
const encodeCursor = (e: TimelineEntry) => Buffer.from(`${e.cursorAt}|${e.id}`).toString("base64url");

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw new GraphQLError("Invalid cursor.", { extensions: { code: "BAD_USER_INPUT" } });
  }
  return { at, id };
}

/** A timestamp as text with its microseconds, for the cursor. */
const iso = (column: ReturnType<typeof sql.raw>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

async function loadTimeline(
  tx: Transaction,
  accountId: string,
  contactId: string,
  first: number,
  after: { at: string; id: string } | null,
): Promise<TimelineEntry[]> {
  const rows = await tx.execute<{
    id: string;
    at: string;
    kind: TimelineKind;
    title: string;
    detail: Record<string, unknown> | null;
  }>(sql`
    select t.id, t.at, t.kind, t.title, t.detail from (
      select e.id, ${iso(sql.raw("e.occurred_at"))} as at, e.occurred_at as ts, 'event' as kind,
             e.type as title, e.payload as detail
        from marketing_events e
       where e.account_id = ${accountId} and e.contact_id = ${contactId}
         and e.type not in ('consent_granted', 'consent_revoked')
      union all
      select x.id, ${iso(sql.raw("x.entered_at"))}, x.entered_at, 'journey', j.name,
             jsonb_build_object('journeyId', x.journey_id, 'status', x.status,
                                'currentNodeId', x.current_node_id, 'completedAt', x.completed_at,
                                'convertedAt', x.converted_at, 'exitReason', x.exit_reason)
        from journey_executions x
        join journeys j on j.account_id = x.account_id and j.id = x.journey_id
       where x.account_id = ${accountId} and x.contact_id = ${contactId}
      union all
      select m.id, ${iso(sql.raw("m.created_at"))}, m.created_at, 'message',
             case m.channel when 'email' then coalesce(m.payload->>'subject', 'E-mail')
                            else left(coalesce(m.payload->>'text', upper(m.channel::text)), 80) end,
             jsonb_build_object('channel', m.channel, 'status', m.status, 'purpose', m.purpose,
                                'journeyId', m.journey_id, 'scheduledAt', m.scheduled_at,
                                'sentAt', m.sent_at, 'error', m.last_error)
        from message_queue m
       where m.account_id = ${accountId} and m.contact_id = ${contactId}
      union all
      select h.id, ${iso(sql.raw("h.created_at"))}, h.created_at, 'consent',
             h.channel || ' ' || h.type || ': ' || h.status,
             jsonb_build_object('channel', h.channel, 'type', h.type, 'status', h.status,
                                'source', h.source, 'ip', h.ip)
        from consent_history h
       where h.account_id = ${accountId} and h.contact_id = ${contactId}
    ) t
    where ${after ? sql`(t.ts, t.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql`true`}
    order by t.ts desc, t.id desc
    limit ${first + 1}`);
  return [...rows].map((r) => ({ ...r, at: new Date(r.at), cursorAt: r.at }));
}

builder.drizzleObjectFields(ContactRef, (t) => ({
  timeline: t.connection(
    {
      type: ContactTimelineEntryRef,
      description: "Events, journeys, messages and consent changes, newest first.",
      authScopes: { permission: "contacts:read" },
      resolve: async (contact, args, ctx) => {
        if (args.before || args.last) {
          throw new GraphQLError("The timeline pages forward only: use first and after.", {
            extensions: { code: "BAD_USER_INPUT" },
          });
        }
        const first = Math.min(Math.max(args.first ?? 20, 1), MAX_PAGE);
        const after = args.after ? decodeCursor(args.after) : null;
        const rows = await loadTimeline(ctx.tx, currentAccountId(ctx), contact.id, first, after);
        const page = rows.slice(0, first);
        return {
          edges: page.map((node) => ({ cursor: encodeCursor(node), node })),
          pageInfo: {
            hasNextPage: rows.length > first,
            hasPreviousPage: after !== null,
            startCursor: page[0] ? encodeCursor(page[0]) : null,
            endCursor: page.at(-1) ? encodeCursor(page.at(-1)!) : null,
          },
        };
      },
    },
    { name: "ContactTimelineConnection" },
    { name: "ContactTimelineEdge" },
  ),
}));
