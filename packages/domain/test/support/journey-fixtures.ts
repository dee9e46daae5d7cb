// Fixtures for the journey executor's tests and benchmark, written as the migration owner: an
// account, contacts with consent, an active journey with one published version, and executions
// entered at its trigger (as enrolment leaves them: due at `now`, the trigger's `entered` counted).
// Plus the drivers the tests use in place of the worker's dispatchers: run everything due at an
// injected moment, send every due message.
import { randomUUID } from "node:crypto";
import type { Database } from "@markettina/db";
import type postgres from "postgres";
import {
  advanceExecutions,
  type ExecutorDeps,
  JourneyDefinition,
  type MessageProvider,
  type MessageProviders,
  type OutgoingMessage,
  type SendOutcome,
  sendMessages,
  takeDueJourneyExecutions,
  takeDueMessages,
} from "../../src/index.ts";

export async function createAccount(sql: postgres.Sql, name = "Journey Bakery"): Promise<string> {
  const id = randomUUID();
  await sql`insert into accounts (id, name, slug) values (${id}, ${name}, ${`journeys-${id.slice(0, 8)}`})`;
  return id;
}

export interface ContactSeed {
  email?: string | null;
  phone?: string | null;
  firstName?: string;
  lastName?: string;
  timeZone?: string;
  attributes?: Record<string, unknown>;
  tags?: string[];
  /** Marketing consent granted on email and sms (default true). */
  consent?: boolean;
}

/** Inserts contacts in one statement (and their consents in another); ids in order. */
export async function createContacts(
  sql: postgres.Sql,
  accountId: string,
  seeds: readonly ContactSeed[],
): Promise<string[]> {
  const rows = seeds.map((s) => ({
    id: randomUUID(),
    account_id: accountId,
    email: s.email === undefined ? `c-${randomUUID().slice(0, 12)}@example.test` : s.email,
    phone: s.phone ?? null,
    first_name: s.firstName ?? "",
    last_name: s.lastName ?? "",
    time_zone: s.timeZone ?? "UTC",
    attributes: sql.json((s.attributes ?? {}) as postgres.JSONValue),
    tags: s.tags ?? [],
  }));
  for (let i = 0; i < rows.length; i += 1_000) {
    await sql`insert into contacts ${sql(rows.slice(i, i + 1_000) as never)}`;
  }
  const consents = rows.flatMap((r, i) =>
    seeds[i]!.consent === false
      ? []
      : (["email", "sms"] as const).map((channel) => ({
          id: randomUUID(),
          account_id: accountId,
          contact_id: r.id,
          channel,
          type: "marketing",
          status: "granted",
          granted_at: new Date(),
          source: "test",
        })),
  );
  for (let i = 0; i < consents.length; i += 1_000) {
    await sql`insert into consent_records ${sql(consents.slice(i, i + 1_000) as never)}`;
  }
  return rows.map((r) => r.id);
}

/** An active journey whose version 1 is `definition` (validated by the zod contract). */
export async function createJourney(
  sql: postgres.Sql,
  accountId: string,
  definition: unknown,
  options: { name?: string; status?: "active" | "paused" } = {},
): Promise<{ journeyId: string; versionId: string; triggerNodeId: string }> {
  const parsed = JourneyDefinition.parse(definition);
  const journeyId = randomUUID();
  const versionId = randomUUID();
  const json = sql.json(parsed as unknown as postgres.JSONValue);
  await sql`
    insert into journeys (id, account_id, name, status, draft, published_version, activated_at)
    values (${journeyId}, ${accountId}, ${options.name ?? `Journey ${journeyId.slice(0, 8)}`},
            ${options.status ?? "active"}, ${json}, 1, now())`;
  await sql`
    insert into journey_versions (id, account_id, journey_id, number, definition)
    values (${versionId}, ${accountId}, ${journeyId}, 1, ${json})`;
  const trigger = parsed.nodes.find((n) => n.kind === "trigger")!;
  return { journeyId, versionId, triggerNodeId: trigger.id };
}

/** Executions at the trigger, due at `now`, as enrolment creates them; ids in contact order. */
export async function enrol(
  sql: postgres.Sql,
  accountId: string,
  journey: { journeyId: string; versionId: string; triggerNodeId: string },
  contactIds: readonly string[],
  now: Date,
): Promise<string[]> {
  const rows = contactIds.map((contactId) => ({
    id: randomUUID(),
    account_id: accountId,
    journey_id: journey.journeyId,
    journey_version_id: journey.versionId,
    contact_id: contactId,
    entry_key: `test:${randomUUID()}`,
    current_node_id: journey.triggerNodeId,
    status: "active",
    next_run_at: now,
    entered_at: now,
  }));
  for (let i = 0; i < rows.length; i += 1_000) {
    await sql`insert into journey_executions ${sql(rows.slice(i, i + 1_000) as never)}`;
  }
  await sql`
    insert into journey_node_stats (account_id, journey_id, node_id, entered)
    values (${accountId}, ${journey.journeyId}, ${journey.triggerNodeId}, ${rows.length})
    on conflict (account_id, journey_id, node_id) do update set entered = journey_node_stats.entered + excluded.entered`;
  return rows.map((r) => r.id);
}

/** What the worker's journey dispatcher and jobs do, at the moment `now`, until nothing is due:
 * jobs in batches of `batch` per account, as the worker fetches them. */
export async function runDueSteps(
  db: Database,
  now: Date,
  deps: ExecutorDeps = {},
  batch = 10,
): Promise<number> {
  let ran = 0;
  for (;;) {
    const due = await takeDueJourneyExecutions(db, { now, limit: 500 });
    if (due.length === 0) return ran;
    for (let i = 0; i < due.length; i += batch) {
      const slice = due.slice(i, i + batch);
      for (const accountId of new Set(slice.map((j) => j.accountId))) {
        await advanceExecutions(
          db,
          accountId,
          slice.filter((j) => j.accountId === accountId),
          now,
          deps,
        );
      }
      ran += slice.length;
    }
  }
}

/** What the sender does at `now`: every due message (of `accountId` only, when given), once, in
 * batches of 10 per account as the worker fetches them. */
export async function sendDueMessages(
  db: Database,
  providers: MessageProviders,
  now: Date,
  options: { accountId?: string; leaseSeconds?: number; batch?: number } = {},
): Promise<SendOutcome[]> {
  const leaseSeconds = options.leaseSeconds ?? 120;
  const batch = options.batch ?? 10;
  const outcomes: SendOutcome[] = [];
  const due = await takeDueMessages(db, { now, limit: 5_000, leaseSeconds, accountId: options.accountId });
  for (let i = 0; i < due.length; i += batch) {
    const slice = due.slice(i, i + batch);
    for (const accountId of new Set(slice.map((j) => j.accountId))) {
      const ids = slice.filter((j) => j.accountId === accountId).map((j) => j.messageId);
      const sent = await sendMessages(db, providers, accountId, ids, { clock: () => now, leaseSeconds });
      outcomes.push(...ids.map((id) => sent.get(id)!));
    }
  }
  return outcomes;
}

/** A provider that keeps what it was given (a real implementation of the port, in memory). */
export function memoryProvider(name = "memory"): MessageProvider & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    name,
    sent,
    async send(message) {
      sent.push(message);
      return { providerMessageId: `${name}:${message.id}` };
    },
  };
}

/** Straight-line journeys: nodes in order, each wired to the next. */
export function chain(
  nodes: Record<string, unknown>[],
  settings: Record<string, unknown> = {},
  extraEdges: { source: string; target: string; sourceHandle?: string }[] = [],
): unknown {
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id as string, target: n.id as string }));
  return {
    nodes,
    edges: [
      ...edges,
      ...extraEdges.map((e, i) => ({
        id: `x${i}`,
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle ?? null,
      })),
    ],
    settings,
  };
}

export const trigger = (id = "start") => ({ id, kind: "trigger", trigger: { type: "manual" } });
export const exit = (id = "end") => ({ id, kind: "exit" });
export const email = (id: string, subject: string, body = "Hello {{first_name}}.") => ({
  id,
  kind: "action",
  action: { type: "send_email", subject, body },
});
export const waitFor = (id: string, amount: number, unit: "minutes" | "hours" | "days") => ({
  id,
  kind: "wait",
  wait: { type: "duration", duration: { amount, unit } },
});
