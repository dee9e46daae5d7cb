// Journeys on real PostgreSQL: drafts saved with their problems, publishing (refused with problems,
// versions numbered and immutable), the lifecycle table, and enrolment — manual and by trigger,
// set-based, idempotent by entry key, under each re-entry rule.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateJourney,
  archiveJourney,
  createJourney,
  deleteJourney,
  type EnrolContactsInput,
  enrolByTrigger,
  enrolContacts,
  JOURNEY_STATUSES,
  type JourneyRow,
  type JourneyStatus,
  type OperationContext,
  pauseJourney,
  publishJourney,
  resumeJourney,
  updateJourney,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const other = randomUUID();
const user = randomUUID();
const contacts: string[] = [];

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into users (id, email, name) values (${user}, 'journeys@example.test', 'Journey Maker')`;
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Shop', 'shop'), (${other}, 'Other', 'other')`;
  for (let i = 0; i < 6; i++) {
    const [c] = await h.owner<{ id: string }[]>`
      insert into contacts (id, account_id, email) values (gen_random_uuid(), ${account}, ${`c${i}@shop.test`})
      returning id`;
    contacts.push(c!.id);
  }
});

afterAll(async () => {
  await h?.close();
});

const as = <T>(op: (ctx: OperationContext) => Promise<T>, role: "member" | "viewer" = "member"): Promise<T> =>
  h.run({ accountId: account, userId: user, role }, op);

const ref = (j: JourneyRow) => ({ id: j.id, version: j.version });

/** start → email → done, with the given re-entry rule (and trigger). */
const linear = (
  reEntry: Record<string, unknown> = { mode: "never" },
  trigger: Record<string, unknown> = { type: "manual" },
) => ({
  nodes: [
    { id: "start", kind: "trigger", trigger },
    {
      id: "email",
      kind: "action",
      action: { type: "send_email", subject: "Hi", body: "Hello {{first_name}}" },
    },
    { id: "done", kind: "exit" },
  ],
  edges: [
    { id: "e1", source: "start", target: "email" },
    { id: "e2", source: "email", target: "done" },
  ],
  settings: { reEntry },
});

/** A journey published and activated with `definition`. */
async function activeJourney(definition = linear(), name = `J ${randomUUID().slice(0, 8)}`) {
  const created = await as((ctx) => createJourney(ctx, { name }));
  const { journey } = await as((ctx) => updateJourney(ctx, { ...ref(created), draft: definition }));
  const published = await as((ctx) => publishJourney(ctx, ref(journey)));
  return as((ctx) => activateJourney(ctx, ref(published.journey)));
}

const enrol = (input: EnrolContactsInput) => as((ctx) => enrolContacts(ctx, input));

const executions = (journeyId: string) =>
  h.owner<
    { contact_id: string; status: string; entry_key: string; current_node_id: string; version: number }[]
  >`
    select e.contact_id, e.status, e.entry_key, e.current_node_id, v.number as version
      from journey_executions e join journey_versions v on v.id = e.journey_version_id
     where e.journey_id = ${journeyId} order by e.entered_at, e.entry_key`;

describe("drafts", () => {
  it("starts a journey as a draft holding a manual trigger", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Welcome", description: "New sign-ups" }));
    expect(j).toMatchObject({ status: "draft", publishedVersion: null, version: 1, createdBy: user });
    expect(j.draft).toMatchObject({
      nodes: [{ id: "trigger", kind: "trigger", trigger: { type: "manual" } }],
    });
  });

  it("saves a draft with problems and answers them by node", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Half built" }));
    const broken = linear();
    broken.edges = [broken.edges[0]!];
    const { journey, problems } = await as((ctx) => updateJourney(ctx, { ...ref(j), draft: broken }));
    expect(journey.version).toBe(2);
    expect(journey.draft).toMatchObject({ edges: [{ id: "e1" }] });
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
      ["MISSING_NEXT", "email"],
      ["UNREACHABLE", "done"],
    ]);
  });

  it("refuses a draft of the wrong shape with the field's path", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Bad shape" }));
    const draft = linear();
    (draft.nodes[0] as Record<string, unknown>).trigger = { type: "segment_entry", segmentId: "nope" };
    await expect(as((ctx) => updateJourney(ctx, { ...ref(j), draft }))).rejects.toMatchObject({
      errors: [{ code: "INVALID", field: "draft.nodes.0.trigger.segmentId" }],
    });
  });

  it("reports references to rows the account does not have", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Refs" }));
    const draft = linear({ mode: "never" }, { type: "segment_entry", segmentId: randomUUID() });
    draft.nodes[1] = {
      id: "email",
      kind: "action",
      action: { type: "call_webhook", connectorId: randomUUID() },
    } as never;
    const { problems } = await as((ctx) => updateJourney(ctx, { ...ref(j), draft }));
    expect(problems.map((p) => [p.code, p.nodeId])).toEqual([
      ["UNKNOWN_SEGMENT", "start"],
      ["UNKNOWN_CONNECTOR", "email"],
    ]);
  });

  it("accepts references to the account's own segments, email templates and webhook connectors", async () => {
    const [segment] = await h.owner<{ id: string }[]>`
      insert into marketing_segments (id, account_id, name, conditions)
      values (gen_random_uuid(), ${account}, 'Refs segment', '{"kind":"tag","op":"has","tag":"x"}') returning id`;
    const [template] = await h.owner<{ id: string }[]>`
      insert into content_templates (id, account_id, kind, name) values (gen_random_uuid(), ${account}, 'email', 'Refs')
      returning id`;
    const [archived] = await h.owner<{ id: string }[]>`
      insert into content_templates (id, account_id, kind, name, archived_at)
      values (gen_random_uuid(), ${account}, 'email', 'Old', now()) returning id`;
    const [hook] = await h.owner<{ id: string }[]>`
      insert into connectors (id, account_id, kind, name) values (gen_random_uuid(), ${account}, 'webhook', 'CRM')
      returning id`;
    const [log] = await h.owner<{ id: string }[]>`
      insert into connectors (id, account_id, kind, name) values (gen_random_uuid(), ${account}, 'log', 'Log')
      returning id`;
    const draft = (templateId: string, connectorId: string) => ({
      nodes: [
        { id: "start", kind: "trigger", trigger: { type: "segment_entry", segmentId: segment!.id } },
        { id: "mail", kind: "action", action: { type: "send_email", subject: "", body: "", templateId } },
        { id: "hook", kind: "action", action: { type: "call_webhook", connectorId } },
        {
          id: "member",
          kind: "condition",
          check: { kind: "not", condition: { kind: "segment", op: "member", segmentId: segment!.id } },
        },
        { id: "done", kind: "exit" },
      ],
      edges: [
        { id: "1", source: "start", target: "mail" },
        { id: "2", source: "mail", target: "hook" },
        { id: "3", source: "hook", target: "member" },
        { id: "4", source: "member", target: "done", sourceHandle: "yes" },
        { id: "5", source: "member", target: "done", sourceHandle: "no" },
      ],
    });
    const j = await as((ctx) => createJourney(ctx, { name: "Good refs" }));
    const good = await as((ctx) => updateJourney(ctx, { ...ref(j), draft: draft(template!.id, hook!.id) }));
    expect(good.problems).toEqual([]);
    const bad = await as((ctx) =>
      updateJourney(ctx, { ...ref(good.journey), draft: draft(archived!.id, log!.id) }),
    );
    expect(bad.problems.map((p) => [p.code, p.nodeId])).toEqual([
      ["UNKNOWN_TEMPLATE", "mail"],
      ["UNKNOWN_CONNECTOR", "hook"],
    ]);
  });

  it("refuses a stale version and a viewer", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Locked" }));
    await as((ctx) => updateJourney(ctx, { ...ref(j), name: "Locked 2" }));
    await expect(as((ctx) => updateJourney(ctx, { ...ref(j), name: "Stale" }))).rejects.toMatchObject({
      errors: [{ code: "CONFLICT", field: "version" }],
    });
    await expect(as((ctx) => createJourney(ctx, { name: "No" }), "viewer")).rejects.toMatchObject({
      errors: [{ code: "FORBIDDEN" }],
    });
  });
});

describe("publishing", () => {
  it("refuses a draft with problems, naming them", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Empty" }));
    const refused = as((ctx) => publishJourney(ctx, ref(j)));
    await expect(refused).rejects.toMatchObject({
      errors: [{ code: "INVALID_DEFINITION", field: "draft.nodes.trigger" }],
      problems: [{ nodeId: "trigger", code: "MISSING_NEXT" }],
    });
    const [row] = await h.owner`select published_version from journeys where id = ${j.id}`;
    expect(row!.published_version).toBeNull();
  });

  it("numbers versions and never changes a published one when the draft changes", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Versions" }));
    const first = await as((ctx) => updateJourney(ctx, { ...ref(j), draft: linear() }));
    const v1 = await as((ctx) => publishJourney(ctx, ref(first.journey)));
    expect(v1.version).toMatchObject({ number: 1, publishedBy: user });
    expect(v1.journey.publishedVersion).toBe(1);

    const changed = linear({ mode: "always" });
    (changed.nodes[1] as { action: { subject: string } }).action.subject = "Second subject";
    const second = await as((ctx) => updateJourney(ctx, { ...ref(v1.journey), draft: changed }));
    const [stored] = await h.owner<{ definition: { nodes: { action?: { subject: string } }[] } }[]>`
      select definition from journey_versions where journey_id = ${j.id} and number = 1`;
    expect(stored!.definition.nodes[1]!.action!.subject).toBe("Hi");

    const v2 = await as((ctx) => publishJourney(ctx, ref(second.journey)));
    expect(v2.version.number).toBe(2);
    const versions = await h.owner<{ number: number; subject: string }[]>`
      select number, definition->'nodes'->1->'action'->>'subject' as subject
        from journey_versions where journey_id = ${j.id} order by number`;
    expect(versions).toEqual([
      { number: 1, subject: "Hi" },
      { number: 2, subject: "Second subject" },
    ]);
    // The application cannot rewrite history even if it tried.
    await expect(
      h.run({ accountId: account, userId: user, role: "owner" }, (ctx) =>
        ctx.tx.execute(sql`update journey_versions set number = 9 where journey_id = ${j.id}`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/permission denied/) } });
  });

  it("keeps contacts on the version they entered while new ones get the new version", async () => {
    const j = await activeJourney(linear({ mode: "always" }));
    await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "first" });
    const edited = await as((ctx) => updateJourney(ctx, { ...ref(j), draft: linear({ mode: "always" }) }));
    await as((ctx) => publishJourney(ctx, ref(edited.journey)));
    await enrol({ journeyId: j.id, contactIds: [contacts[1]!], entryKey: "second" });
    expect((await executions(j.id)).map((e) => [e.contact_id, e.version])).toEqual([
      [contacts[0], 1],
      [contacts[1], 2],
    ]);
  });
});

describe("lifecycle", () => {
  /** The move each status may make, by operation. */
  const moves = {
    activate: { op: activateJourney, from: ["draft", "paused"], to: "active" },
    pause: { op: pauseJourney, from: ["active"], to: "paused" },
    resume: { op: resumeJourney, from: ["paused"], to: "active" },
    archive: { op: archiveJourney, from: ["draft", "active", "paused"], to: "archived" },
  } as const;

  async function journeyIn(status: JourneyStatus) {
    const j = await as((ctx) => createJourney(ctx, { name: `L ${randomUUID().slice(0, 8)}` }));
    const { journey } = await as((ctx) => updateJourney(ctx, { ...ref(j), draft: linear() }));
    let current = (await as((ctx) => publishJourney(ctx, ref(journey)))).journey;
    const path: Record<JourneyStatus, (typeof moves)[keyof typeof moves]["op"][]> = {
      draft: [],
      active: [activateJourney],
      paused: [activateJourney, pauseJourney],
      archived: [archiveJourney],
    };
    for (const op of path[status]) current = await as((ctx) => op(ctx, ref(current)));
    return current;
  }

  const pairs = Object.entries(moves).flatMap(([name, move]) =>
    JOURNEY_STATUSES.map((from) => [name, from, (move.from as readonly string[]).includes(from)] as const),
  );

  it.each(pairs)("%s from %s: allowed = %s", async (name, from, allowed) => {
    const move = moves[name as keyof typeof moves];
    const j = await journeyIn(from);
    const moved = as((ctx) => move.op(ctx, ref(j)));
    if (allowed) await expect(moved).resolves.toMatchObject({ status: move.to, version: j.version + 1 });
    else
      await expect(moved).rejects.toMatchObject({
        errors: [{ code: "INVALID_TRANSITION", field: "status" }],
      });
  });

  it("activates only a published journey", async () => {
    const j = await as((ctx) => createJourney(ctx, { name: "Unpublished" }));
    await expect(as((ctx) => activateJourney(ctx, ref(j)))).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION", field: "publishedVersion" }],
    });
  });

  it("pauses with executions held in place and resumes them where they were", async () => {
    const j = await activeJourney();
    await enrol({ journeyId: j.id, contactIds: [contacts[0]!, contacts[1]!] });
    // What the dispatcher would take now, taken in a transaction rolled back (taking stamps them).
    const due = async () => {
      let taken: { execution_id: string }[] = [];
      await h.owner
        .begin(async (tx) => {
          taken = await tx<{ execution_id: string }[]>`
            select d.execution_id from app.take_due_journey_executions(now() + interval '1 minute', 1000, 300, ${account}) d
              join journey_executions e on e.id = d.execution_id where e.journey_id = ${j.id}`;
          throw new Error("rollback");
        })
        .catch(() => undefined);
      return taken;
    };
    expect(await due()).toHaveLength(2);
    const paused = await as((ctx) => pauseJourney(ctx, ref(j)));
    expect(paused.pausedAt).not.toBeNull();
    expect(await due()).toHaveLength(0);
    await expect(enrol({ journeyId: j.id, contactIds: [contacts[2]!] })).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION", field: "journeyId" }],
    });
    const resumed = await as((ctx) => resumeJourney(ctx, ref(paused)));
    expect(resumed).toMatchObject({ status: "active", pausedAt: null });
    expect(await due()).toHaveLength(2);
    expect((await executions(j.id)).map((e) => [e.status, e.current_node_id])).toEqual([
      ["active", "start"],
      ["active", "start"],
    ]);
  });

  it("archiving exits the running executions with reason 'archived'", async () => {
    const j = await activeJourney();
    await enrol({ journeyId: j.id, contactIds: [contacts[0]!, contacts[1]!, contacts[2]!] });
    // One is waiting at the email node, one already finished.
    await h.owner`update journey_executions set status = 'waiting', current_node_id = 'email'
                   where journey_id = ${j.id} and contact_id = ${contacts[1]!}`;
    await h.owner`insert into journey_node_stats (account_id, journey_id, node_id, waiting)
                   values (${account}, ${j.id}, 'email', 1)`;
    await h.owner`update journey_executions set status = 'completed', completed_at = now()
                   where journey_id = ${j.id} and contact_id = ${contacts[2]!}`;
    await as((ctx) => archiveJourney(ctx, ref(j)));
    const rows = await h.owner<{ contact_id: string; status: string; exit_reason: string | null }[]>`
      select contact_id, status, exit_reason from journey_executions where journey_id = ${j.id}`;
    expect(new Map(rows.map((r) => [r.contact_id, [r.status, r.exit_reason]]))).toEqual(
      new Map([
        [contacts[0], ["exited", "archived"]],
        [contacts[1], ["exited", "archived"]],
        [contacts[2], ["completed", null]],
      ]),
    );
    const [stats] =
      await h.owner`select waiting from journey_node_stats where journey_id = ${j.id} and node_id = 'email'`;
    expect(Number(stats!.waiting)).toBe(0);
    const [exitedEvents] = await h.owner`
      select count(*)::int as n from marketing_events where journey_id = ${j.id} and type = 'journey_exited'`;
    expect(exitedEvents!.n).toBe(2);
  });

  it("deletes only a journey that is not active", async () => {
    const j = await activeJourney();
    await expect(as((ctx) => deleteJourney(ctx, ref(j)))).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION" }],
    });
    const paused = await as((ctx) => pauseJourney(ctx, ref(j)));
    const deleted = await as((ctx) => deleteJourney(ctx, ref(paused)));
    expect(deleted.deletedAt).not.toBeNull();
    await expect(as((ctx) => resumeJourney(ctx, ref(deleted)))).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
  });

  it("records every change in the audit log", async () => {
    const j = await activeJourney();
    const actions = await h.owner<{ action: string }[]>`
      select action from audit_logs where entity_id = ${j.id} order by created_at, id`;
    expect(actions.map((a) => a.action)).toEqual([
      "journey.created",
      "journey.updated",
      "journey.published",
      "journey.activated",
    ]);
  });
});

describe("enrolment", () => {
  it("enrols contacts at the trigger, counts them on it and puts journey_entered on their timelines", async () => {
    const j = await activeJourney();
    const result = await enrol({ journeyId: j.id, contactIds: [contacts[0]!, contacts[1]!, contacts[0]!] });
    expect(result).toEqual({ enrolled: 2, skipped: 0 });
    const rows = await h.owner`
      select status, current_node_id, next_run_at <= now() as due, step_seq from journey_executions
       where journey_id = ${j.id}`;
    expect(rows).toEqual([
      { status: "active", current_node_id: "start", due: true, step_seq: 0 },
      { status: "active", current_node_id: "start", due: true, step_seq: 0 },
    ]);
    const [stats] =
      await h.owner`select entered from journey_node_stats where journey_id = ${j.id} and node_id = 'start'`;
    expect(Number(stats!.entered)).toBe(2);
    const events = await h.owner`
      select contact_id from marketing_events where journey_id = ${j.id} and type = 'journey_entered' order by contact_id`;
    expect(events.map((e) => e.contact_id).sort()).toEqual([contacts[0], contacts[1]].sort());
  });

  it("enrols once however often the same entry key is sent", async () => {
    const j = await activeJourney(linear({ mode: "always" }));
    const input = { journeyId: j.id, contactIds: [contacts[0]!, contacts[1]!], entryKey: "import-42" };
    expect(await enrol(input)).toEqual({ enrolled: 2, skipped: 0 });
    await h.owner`update journey_executions set status = 'completed' where journey_id = ${j.id}`;
    expect(await enrol(input)).toEqual({ enrolled: 0, skipped: 2 });
    expect(await executions(j.id)).toHaveLength(2);
    const [stats] =
      await h.owner`select entered from journey_node_stats where journey_id = ${j.id} and node_id = 'start'`;
    expect(Number(stats!.entered)).toBe(2);
  });

  it("re-entry never: a contact enters once, ever", async () => {
    const j = await activeJourney(linear({ mode: "never" }));
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "a" })).toEqual({
      enrolled: 1,
      skipped: 0,
    });
    await h.owner`update journey_executions set status = 'completed' where journey_id = ${j.id}`;
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!, contacts[1]!], entryKey: "b" })).toEqual(
      {
        enrolled: 1,
        skipped: 1,
      },
    );
  });

  it("re-entry after N days: again once the last entry is older than N days", async () => {
    const j = await activeJourney(linear({ mode: "after", days: 7 }));
    await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "a" });
    await h.owner`update journey_executions set status = 'completed', entered_at = now() - interval '3 days'
                   where journey_id = ${j.id}`;
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "b" })).toEqual({
      enrolled: 0,
      skipped: 1,
    });
    await h.owner`update journey_executions set entered_at = now() - interval '8 days' where journey_id = ${j.id}`;
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "c" })).toEqual({
      enrolled: 1,
      skipped: 0,
    });
  });

  it("re-entry always: any time, but never two running executions for one contact", async () => {
    const j = await activeJourney(linear({ mode: "always" }));
    await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "a" });
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "b" })).toEqual({
      enrolled: 0,
      skipped: 1,
    });
    await h.owner`update journey_executions set status = 'waiting' where journey_id = ${j.id}`;
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "c" })).toEqual({
      enrolled: 0,
      skipped: 1,
    });
    await h.owner`update journey_executions set status = 'exited' where journey_id = ${j.id}`;
    expect(await enrol({ journeyId: j.id, contactIds: [contacts[0]!], entryKey: "d" })).toEqual({
      enrolled: 1,
      skipped: 0,
    });
    expect((await executions(j.id)).map((e) => e.entry_key)).toEqual(["manual:a", "manual:d"]);
  });

  it("enrols a contact once when two enrolments race (re-entry never)", async () => {
    const j = await activeJourney(linear({ mode: "never" }));
    const results = await Promise.all(
      ["race-a", "race-b", "race-c"].map((entryKey) =>
        enrol({ journeyId: j.id, contactIds: [contacts[5]!], entryKey }),
      ),
    );
    expect(results.reduce((n, r) => n + r.enrolled, 0)).toBe(1);
    expect(await executions(j.id)).toHaveLength(1);
  });

  it("refuses unknown and deleted contacts, a journey that is not active, and too many at once", async () => {
    const j = await activeJourney();
    const [deleted] = await h.owner<{ id: string }[]>`
      insert into contacts (id, account_id, email, deleted_at) values (gen_random_uuid(), ${account}, 'gone@shop.test', now())
      returning id`;
    const [foreign] = await h.owner<{ id: string }[]>`
      insert into contacts (id, account_id, email) values (gen_random_uuid(), ${other}, 'c0@other.test') returning id`;
    await expect(
      enrol({ journeyId: j.id, contactIds: [contacts[0]!, deleted!.id, foreign!.id] }),
    ).rejects.toMatchObject({
      errors: [
        { code: "NOT_FOUND", field: "contactIds.1" },
        { code: "NOT_FOUND", field: "contactIds.2" },
      ],
    });
    expect(await executions(j.id)).toHaveLength(0);
    const draft = await as((ctx) => createJourney(ctx, { name: "Never published" }));
    await expect(enrol({ journeyId: draft.id, contactIds: [contacts[0]!] })).rejects.toMatchObject({
      errors: [{ code: "INVALID_TRANSITION", field: "journeyId" }],
    });
    await expect(enrol({ journeyId: randomUUID(), contactIds: [contacts[0]!] })).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND", field: "journeyId" }],
    });
    const many = Array.from({ length: 1_001 }, () => randomUUID());
    await expect(enrol({ journeyId: j.id, contactIds: many })).rejects.toMatchObject({
      errors: [{ code: "TOO_MANY", field: "contactIds" }],
    });
  });
});

describe("enrolment by trigger", () => {
  it("enrols contacts into every active journey waiting for the event, once per event", async () => {
    const eventType = `signed_up_${randomUUID().slice(0, 6)}`;
    const a = await activeJourney(linear({ mode: "always" }, { type: "event", eventType }));
    const b = await activeJourney(linear({ mode: "never" }, { type: "event", eventType }));
    const paused = await activeJourney(linear({ mode: "always" }, { type: "event", eventType }));
    await as((ctx) => pauseJourney(ctx, ref(paused)));
    const manual = await activeJourney(linear());

    const events = [
      { contactId: contacts[3]!, eventId: "ev-1" },
      { contactId: contacts[3]!, eventId: "ev-2" },
      { contactId: contacts[4]!, eventId: "ev-3" },
    ];
    const fire = () => as((ctx) => enrolByTrigger(ctx, { type: "event", eventType, events }));
    expect(await fire()).toBe(4);
    expect((await executions(a.id)).map((e) => [e.contact_id, e.entry_key])).toEqual([
      [contacts[3], "event:ev-1"],
      [contacts[4], "event:ev-3"],
    ]);
    expect(await executions(b.id)).toHaveLength(2);
    expect(await executions(paused.id)).toHaveLength(0);
    expect(await executions(manual.id)).toHaveLength(0);
    // Delivered again: nobody enters twice.
    await h.owner`update journey_executions set status = 'completed' where journey_id = ${a.id}`;
    expect(await fire()).toBe(0);
    // A new event: again into a (always), not into b (never).
    const again = [{ contactId: contacts[3]!, eventId: "ev-4" }];
    expect(await as((ctx) => enrolByTrigger(ctx, { type: "event", eventType, events: again }))).toBe(1);
    expect((await executions(a.id)).map((e) => e.entry_key)).toEqual([
      "event:ev-1",
      "event:ev-3",
      "event:ev-4",
    ]);
  });

  it("enrols contacts entering a segment, one entry per stay in it", async () => {
    const [segment] = await h.owner<{ id: string }[]>`
      insert into marketing_segments (id, account_id, name, conditions)
      values (gen_random_uuid(), ${account}, 'VIPs', '{"kind":"tag","op":"has","tag":"vip"}') returning id`;
    const j = await activeJourney(
      linear({ mode: "always" }, { type: "segment_entry", segmentId: segment!.id }),
    );
    await h.owner`insert into segment_memberships (id, account_id, segment_id, contact_id)
                   values (gen_random_uuid(), ${account}, ${segment!.id}, ${contacts[0]!})`;
    const fire = () =>
      as((ctx) =>
        enrolByTrigger(ctx, {
          type: "segment_entry",
          segmentId: segment!.id,
          contactIds: [contacts[0]!, contacts[1]!],
        }),
      );
    // contacts[1] is not a member: it does not enter.
    expect(await fire()).toBe(1);
    await h.owner`update journey_executions set status = 'completed' where journey_id = ${j.id}`;
    expect(await fire()).toBe(0);
    // It leaves and comes back: a new stay, a new entry.
    await h.owner`update segment_memberships set exited_at = now() where segment_id = ${segment!.id}`;
    await h.owner`insert into segment_memberships (id, account_id, segment_id, contact_id)
                   values (gen_random_uuid(), ${account}, ${segment!.id}, ${contacts[0]!})`;
    expect(await fire()).toBe(1);
    const keys = (await executions(j.id)).map((e) => e.entry_key);
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.startsWith("segment:"))).toBe(true);
  });
});
