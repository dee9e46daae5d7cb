// The journey executor on real PostgreSQL, driven by an injected clock (no sleeping): contacts walk
// through sends, waits, conditions, splits, goals and actions, and each gets the right messages at
// the right moments. The dispatchers are played by runDueSteps / sendDueMessages (the same due
// functions and job bodies the worker runs); the provider keeps what it was handed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  advanceExecution,
  ingestEvents,
  sendMessage,
  splitBranch,
  splitBucket,
  systemActor,
  unsubscribeToken,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";
import {
  chain,
  createAccount,
  createContacts,
  createJourney,
  email,
  enrol,
  exit,
  memoryProvider,
  runDueSteps,
  sendDueMessages,
  trigger,
  waitFor,
} from "./support/journey-fixtures.ts";

let h: DomainHarness;
let account: string;
const deps = { unsubscribe: { baseUrl: "https://api.bakery.test", secret: "unsubscribe-secret-0123456789" } };
const T0 = new Date("2031-03-03T10:00:00Z"); // a Monday
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  h = await startDomainHarness({ app: 6 });
  account = await createAccount(h.owner);
});
afterAll(async () => {
  await h?.close();
});

const executions = (ids: readonly string[]) => h.owner<
  {
    id: string;
    contact_id: string;
    status: string;
    current_node_id: string;
    next_run_at: Date | null;
    exit_reason: string | null;
    step_seq: number;
    converted_at: Date | null;
  }[]
>`select id, contact_id, status, current_node_id, next_run_at, exit_reason, step_seq, converted_at
    from journey_executions where id in ${h.owner(ids as string[])}`;

const stats = async (journeyId: string) => {
  const rows = await h.owner<
    {
      node_id: string;
      entered: string;
      waiting: string;
      completed: string;
      errored: string;
      converted: string;
    }[]
  >`
    select node_id, entered, waiting, completed, errored, converted from journey_node_stats where journey_id = ${journeyId}`;
  return Object.fromEntries(
    rows.map((r) => [
      r.node_id,
      {
        entered: Number(r.entered),
        waiting: Number(r.waiting),
        completed: Number(r.completed),
        errored: Number(r.errored),
        converted: Number(r.converted),
      },
    ]),
  );
};

describe("journey executor", () => {
  it("walks contacts through a send, a wait, a condition and tag/attribute actions at the right times", async () => {
    const [ada, bob, carl] = await createContacts(h.owner, account, [
      { email: "ada@example.test", firstName: "Ada", attributes: { plan: "pro" } },
      { email: "bob@example.test", firstName: "Bob", attributes: { plan: "free" } },
      { email: "carl@example.test", firstName: "Carl", consent: false },
    ]);
    const journey = await createJourney(h.owner, account, {
      nodes: [
        trigger(),
        email("welcome", "Welcome {{first_name}}", "Hello {{first_name}}, your plan is {{plan}}."),
        waitFor("pause", 2, "days"),
        { id: "isPro", kind: "condition", check: { kind: "attribute", key: "plan", op: "eq", value: "pro" } },
        { id: "tagVip", kind: "action", action: { type: "add_tag", tag: "vip" } },
        email("offer", "A pro offer for {{first_name}}"),
        {
          id: "nurture",
          kind: "action",
          action: { type: "update_attribute", key: "stage", value: "nurture" },
        },
        exit("end"),
        exit("end2"),
      ],
      edges: [
        { id: "1", source: "start", target: "welcome" },
        { id: "2", source: "welcome", target: "pause" },
        { id: "3", source: "pause", target: "isPro" },
        { id: "4", source: "isPro", target: "tagVip", sourceHandle: "yes" },
        { id: "5", source: "tagVip", target: "offer" },
        { id: "6", source: "offer", target: "end" },
        { id: "7", source: "isPro", target: "nurture", sourceHandle: "no" },
        { id: "8", source: "nurture", target: "end2" },
      ],
    });
    const ids = await enrol(h.owner, account, journey, [ada!, bob!, carl!], T0);
    const provider = memoryProvider();

    // T0: welcome queued for all three, then everyone waits two days.
    expect(await runDueSteps(h.db, T0, deps)).toBe(3);
    const waiting = await executions(ids);
    expect(waiting.map((e) => [e.status, e.current_node_id, e.next_run_at?.toISOString()])).toEqual(
      ids.map(() => ["waiting", "pause", at(2 * DAY).toISOString()]),
    );
    const outcomes = await sendDueMessages(h.db, { email: provider }, T0);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["sent", "sent", "suppressed"]);
    expect(provider.sent.map((m) => m.payload.subject).sort()).toEqual(["Welcome Ada", "Welcome Bob"]);
    const welcomeAda = provider.sent.find((m) => m.payload.to === "ada@example.test")!;
    expect(welcomeAda.payload.text).toContain("Hello Ada, your plan is pro.");
    // The unsubscribe link in the footer and in the List-Unsubscribe headers.
    const token = unsubscribeToken(deps.unsubscribe.secret, {
      accountId: account,
      contactId: ada!,
      channel: "email",
    });
    const link = `https://api.bakery.test/unsubscribe?token=${encodeURIComponent(token)}`;
    expect(welcomeAda.payload.text).toContain(link);
    expect(welcomeAda.payload.headers).toEqual({
      "List-Unsubscribe": `<${link}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });

    // A day later nothing is due; at two days the condition sends each contact its own way.
    expect(await runDueSteps(h.db, at(DAY), deps)).toBe(0);
    expect(await runDueSteps(h.db, at(2 * DAY), deps)).toBe(3);
    await sendDueMessages(h.db, { email: provider }, at(2 * DAY));
    const received = provider.sent.map((m) => `${m.payload.to}: ${m.payload.subject}`).sort();
    expect(received).toEqual([
      "ada@example.test: A pro offer for Ada",
      "ada@example.test: Welcome Ada",
      "bob@example.test: Welcome Bob",
    ]);

    const done = await executions(ids);
    expect(
      done.map((e) => [e.contact_id, e.status, e.current_node_id, e.exit_reason, e.next_run_at]),
    ).toEqual(
      expect.arrayContaining([
        [ada, "completed", "end", "completed", null],
        [bob, "completed", "end2", "completed", null],
        [carl, "completed", "end2", "completed", null],
      ]),
    );
    const contacts = await h.owner<{ id: string; tags: string[]; attributes: Record<string, unknown> }[]>`
      select id, tags, attributes from contacts where id in ${h.owner([ada!, bob!])} order by email`;
    expect(contacts[0]!.tags).toEqual(["vip"]);
    expect(contacts[1]!.attributes).toEqual({ plan: "free", stage: "nurture" });

    // The step log tells Ada's story, one row per step.
    const adaExecution = done.find((e) => e.contact_id === ada)!;
    const steps = await h.owner<{ seq: number; node_id: string; outcome: string }[]>`
      select seq, node_id, outcome from journey_steps where execution_id = ${adaExecution.id} order by seq`;
    expect(steps.map((s) => `${s.seq} ${s.node_id} ${s.outcome}`)).toEqual([
      "0 start completed",
      "1 welcome completed",
      "2 pause waiting",
      "3 pause completed",
      "4 isPro branch:yes",
      "5 tagVip completed",
      "6 offer completed",
      "7 end completed",
    ]);
    expect(adaExecution.step_seq).toBe(8);

    expect(await stats(journey.journeyId)).toMatchObject({
      start: { entered: 3, completed: 3 },
      welcome: { entered: 3, completed: 3 },
      pause: { entered: 3, waiting: 0, completed: 3 },
      isPro: { entered: 3, completed: 3 },
      tagVip: { entered: 1, completed: 1 },
      offer: { entered: 1, completed: 1 },
      nurture: { entered: 2, completed: 2 },
      end: { entered: 1, completed: 1 },
      end2: { entered: 2, completed: 2 },
    });
    const events = await h.owner<{ type: string; n: number }[]>`
      select type, count(*)::int as n from marketing_events where journey_id = ${journey.journeyId} group by type order by type`;
    expect(events).toEqual([
      { type: "email_sent", n: 3 },
      { type: "journey_exited", n: 3 },
      // Action steps only: Ada welcome, tagVip, offer; Bob and Carl welcome, nurture.
      { type: "journey_step_completed", n: 3 + 2 + 2 },
    ]);
  });

  it("waits until 09:00 on each contact's own clock, on the chosen weekdays", async () => {
    const [paris, newYork, tokyo] = await createContacts(h.owner, account, [
      { timeZone: "Europe/Paris" },
      { timeZone: "America/New_York" },
      { timeZone: "Asia/Tokyo" },
    ]);
    const morning = await createJourney(
      h.owner,
      account,
      chain([
        trigger(),
        { id: "nine", kind: "wait", wait: { type: "until_time", time: "09:00" } },
        email("hello", "Good morning"),
        exit(),
      ]),
    );
    const saturday = await createJourney(
      h.owner,
      account,
      chain([
        trigger(),
        { id: "sat", kind: "wait", wait: { type: "until_time", time: "09:00", weekdays: [6] } },
        exit(),
      ]),
    );
    const ids = await enrol(h.owner, account, morning, [paris!, newYork!], T0);
    const [tokyoSaturday] = await enrol(h.owner, account, saturday, [tokyo!], T0);
    await runDueSteps(h.db, T0, deps);

    // Monday 10:00 UTC: 11:00 in Paris (CET) → tomorrow 09:00 = 08:00 UTC; 05:00 in New York
    // (EST) → today 09:00 = 14:00 UTC; 19:00 in Tokyo → Saturday 09:00 = Saturday 00:00 UTC.
    const nextRun = async (id: string) => (await executions([id]))[0]!.next_run_at!.toISOString();
    expect(await nextRun(ids[0]!)).toBe("2031-03-04T08:00:00.000Z");
    expect(await nextRun(ids[1]!)).toBe("2031-03-03T14:00:00.000Z");
    expect(await nextRun(tokyoSaturday!)).toBe("2031-03-08T00:00:00.000Z");

    const queued = async () =>
      (
        await h.owner<{ contact_id: string }[]>`
          select contact_id from message_queue where journey_id = ${morning.journeyId} order by created_at`
      ).map((m) => m.contact_id);
    await runDueSteps(h.db, new Date("2031-03-03T13:59:59Z"), deps);
    expect(await queued()).toEqual([]);
    await runDueSteps(h.db, new Date("2031-03-03T14:00:00Z"), deps);
    expect(await queued()).toEqual([newYork]);
    await runDueSteps(h.db, new Date("2031-03-04T08:00:00Z"), deps);
    expect(await queued()).toEqual([newYork, paris]);
  });

  it("splits contacts by a deterministic hash, and the holdout exits", async () => {
    const contactIds = await createContacts(
      h.owner,
      account,
      Array.from({ length: 120 }, () => ({})),
    );
    const definition = {
      nodes: [
        trigger(),
        {
          id: "ab",
          kind: "split",
          branches: [
            { key: "a", percent: 45 },
            { key: "b", percent: 45 },
          ],
          holdoutPercent: 10,
        },
        { id: "tagA", kind: "action", action: { type: "add_tag", tag: "variant-a" } },
        { id: "tagB", kind: "action", action: { type: "add_tag", tag: "variant-b" } },
        exit(),
      ],
      edges: [
        { id: "1", source: "start", target: "ab" },
        { id: "2", source: "ab", target: "tagA", sourceHandle: "a" },
        { id: "3", source: "ab", target: "tagB", sourceHandle: "b" },
        { id: "4", source: "tagA", target: "end" },
        { id: "5", source: "tagB", target: "end" },
      ],
    };
    const journey = await createJourney(h.owner, account, definition);
    await enrol(h.owner, account, journey, contactIds, T0);
    await runDueSteps(h.db, T0, deps);

    const expected = new Map(
      contactIds.map((id) => [
        id,
        splitBranch(
          [
            { key: "a", percent: 45 },
            { key: "b", percent: 45 },
          ],
          splitBucket(id, "ab"),
        ),
      ]),
    );
    const rows = await h.owner<{ id: string; tags: string[]; status: string; exit_reason: string }[]>`
      select c.id, c.tags, e.status, e.exit_reason from contacts c
        join journey_executions e on e.contact_id = c.id and e.journey_id = ${journey.journeyId}`;
    for (const row of rows) {
      const branch = expected.get(row.id);
      if (branch === null) {
        expect([row.status, row.exit_reason, row.tags]).toEqual(["exited", "holdout", []]);
      } else {
        expect([row.status, row.tags]).toEqual(["completed", [`variant-${branch}`]]);
      }
    }
    // Every group is represented, and the same contacts take the same branches in a second
    // journey whose split node has the same id.
    const groups = [...expected.values()];
    expect(new Set(groups)).toEqual(new Set(["a", "b", null]));
    const again = await createJourney(h.owner, account, definition);
    await enrol(h.owner, account, again, contactIds, T0);
    await runDueSteps(h.db, T0, deps);
    const branches = await h.owner<{ id: string; branch: string | null }[]>`
      select contact_id as id, state->'branches'->>'ab' as branch from journey_executions where journey_id = ${again.journeyId}`;
    for (const b of branches) expect(b.branch).toBe(expected.get(b.id));
  });

  it("converts contacts who meet a goal and exits those who meet the exit criteria, before any further step", async () => {
    const [buyer, churned, plain] = await createContacts(h.owner, account, [{}, {}, {}]);
    const journey = await createJourney(
      h.owner,
      account,
      chain(
        [
          trigger(),
          waitFor("day", 1, "days"),
          email("nudge", "Still thinking?"),
          { id: "bought", kind: "goal", check: { kind: "tag", op: "has", tag: "customer" } },
          exit(),
        ],
        { exitCriteria: { kind: "tag", op: "has", tag: "churned" } },
      ),
    );
    const ids = await enrol(h.owner, account, journey, [buyer!, churned!, plain!], T0);
    await runDueSteps(h.db, T0, deps);
    await h.owner`update contacts set tags = '{customer}' where id = ${buyer!}`;
    await h.owner`update contacts set tags = '{churned}' where id = ${churned!}`;
    await runDueSteps(h.db, at(DAY), deps);

    const rows = await executions(ids);
    const byContact = new Map(rows.map((r) => [r.contact_id, r]));
    expect(byContact.get(buyer!)).toMatchObject({
      status: "exited",
      exit_reason: "converted",
      current_node_id: "bought",
    });
    expect(byContact.get(buyer!)!.converted_at?.toISOString()).toBe(at(DAY).toISOString());
    expect(byContact.get(churned!)).toMatchObject({
      status: "exited",
      exit_reason: "exit_criteria",
      converted_at: null,
    });
    expect(byContact.get(plain!)).toMatchObject({ status: "completed", exit_reason: "completed" });
    const messages = await h.owner<
      { contact_id: string }[]
    >`select contact_id from message_queue where journey_id = ${journey.journeyId}`;
    expect(messages.map((m) => m.contact_id)).toEqual([plain]);
    expect(await stats(journey.journeyId)).toMatchObject({
      day: { entered: 3, waiting: 0, completed: 1 },
      bought: { entered: 1, completed: 1, converted: 1 },
    });
  });

  it("waits for an event and follows the event edge when it arrives, or the timeout edge", async () => {
    const [eager, slow] = await createContacts(h.owner, account, [{}, {}]);
    const journey = await createJourney(h.owner, account, {
      nodes: [
        trigger(),
        {
          id: "buy",
          kind: "wait",
          wait: { type: "until_event", eventType: "purchase", timeout: { amount: 3, unit: "days" } },
        },
        email("thanks", "Thank you"),
        email("reminder", "Your basket misses you"),
        exit("end"),
        exit("end2"),
      ],
      edges: [
        { id: "1", source: "start", target: "buy" },
        { id: "2", source: "buy", target: "thanks", sourceHandle: "event" },
        { id: "3", source: "buy", target: "reminder", sourceHandle: "timeout" },
        { id: "4", source: "thanks", target: "end" },
        { id: "5", source: "reminder", target: "end2" },
      ],
    });
    await enrol(h.owner, account, journey, [eager!, slow!], T0);
    await runDueSteps(h.db, T0, deps);
    // The purchase arrives through event ingestion, which wakes the contact waiting on it.
    const ingested = await h.run({ accountId: account, userId: randomUUID(), role: "owner" }, (ctx) =>
      ingestEvents({ ...ctx, actor: systemActor }, { events: [{ type: "purchase", contactId: eager! }] }),
    );
    expect(ingested.accepted).toBe(1);
    const [state] = await h.owner<{ status: string; next_run_at: Date }[]>`
      select status, next_run_at from journey_executions where contact_id = ${eager!}`;
    // Due at the event's time (the real clock, before the test's T0), not at the 3-day timeout.
    expect(state?.next_run_at.getTime()).toBeLessThanOrEqual(at(HOUR).getTime());
    await runDueSteps(h.db, at(HOUR), deps);
    const subjects = async () =>
      (
        await h.owner<{ contact_id: string; subject: string }[]>`
          select contact_id, payload->>'subject' as subject from message_queue where journey_id = ${journey.journeyId} order by created_at`
      ).map((m) => [m.contact_id, m.subject]);
    expect(await subjects()).toEqual([[eager, "Thank you"]]);
    await runDueSteps(h.db, at(3 * DAY), deps);
    expect(await subjects()).toEqual([
      [eager, "Thank you"],
      [slow, "Your basket misses you"],
    ]);
  });

  it("logs an action that cannot run as errored and lets the contact carry on", async () => {
    const [contact] = await createContacts(h.owner, account, [{}]);
    const journey = await createJourney(
      h.owner,
      account,
      chain([
        trigger(),
        { id: "flow", kind: "action", action: { type: "start_workflow", workflowKey: "onboarding" } },
        { id: "hook", kind: "action", action: { type: "call_webhook", connectorId: randomUUID() } },
        email("after", "Still here"),
        exit(),
      ]),
    );
    const [id] = await enrol(h.owner, account, journey, [contact!], T0);
    await runDueSteps(h.db, T0, deps);
    const steps = await h.owner<{ node_id: string; outcome: string; error: string | null }[]>`
      select node_id, outcome, error from journey_steps where execution_id = ${id!} order by seq`;
    expect(steps.map((s) => [s.node_id, s.outcome])).toEqual([
      ["start", "completed"],
      ["flow", "errored"],
      ["hook", "errored"],
      ["after", "completed"],
      ["end", "completed"],
    ]);
    expect(steps[1]!.error).toMatch(/workflow engine/);
    expect(steps[2]!.error).toMatch(/not available/);
    expect((await executions([id!]))[0]!.status).toBe("completed");
    expect(await stats(journey.journeyId)).toMatchObject({
      flow: { errored: 1, completed: 0 },
      hook: { errored: 1 },
    });
  });

  it("runs a step once however often its job runs, concurrently or again later", async () => {
    const [contact] = await createContacts(h.owner, account, [{}]);
    const journey = await createJourney(
      h.owner,
      account,
      chain([trigger(), email("once", "Only once"), waitFor("w", 1, "hours"), exit()]),
    );
    const [id] = await enrol(h.owner, account, journey, [contact!], T0);
    const job = { accountId: account, executionId: id!, seq: 0, now: T0 };
    const outcomes = await Promise.all([
      advanceExecution(h.db, job, deps),
      advanceExecution(h.db, job, deps),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["advanced", "skipped"]);
    expect(await advanceExecution(h.db, job, deps)).toEqual({ status: "skipped", reason: "stale" });
    // Not due yet at its current step either.
    expect(await advanceExecution(h.db, { ...job, seq: 3 }, deps)).toEqual({
      status: "skipped",
      reason: "not_due",
    });
    const messages = await h.owner<
      { id: string }[]
    >`select id from message_queue where execution_id = ${id!}`;
    expect(messages).toHaveLength(1);
    const steps = await h.owner`select seq from journey_steps where execution_id = ${id!}`;
    expect(steps).toHaveLength(3);

    // The sender, twice at once: one sends, the other finds it claimed; later, it finds it sent.
    const provider = memoryProvider();
    const send = { accountId: account, messageId: messages[0]!.id };
    const sends = await Promise.all([
      sendMessage(h.db, { email: provider }, send, { clock: () => T0 }),
      sendMessage(h.db, { email: provider }, send, { clock: () => T0 }),
    ]);
    expect(sends.map((o) => o.status).sort()).toEqual(["sent", "skipped"]);
    expect((await sendMessage(h.db, { email: provider }, send, { clock: () => at(DAY) })).status).toBe(
      "skipped",
    );
    expect(provider.sent.map((m) => m.id)).toEqual([send.messageId]);
  });
});
