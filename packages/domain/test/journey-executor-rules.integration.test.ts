// The rules around sending, on real PostgreSQL with an injected clock: quiet hours hold a send at
// its node until they end (in the contact's zone); the frequency cap, consent and the contact's
// status are checked by the sender just before sending (a message that breaks them is suppressed,
// nothing goes out, the journey carries on); a paused journey holds its contacts where they are
// and resuming continues from there.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { advanceExecution } from "../src/index.ts";
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
/** A fresh account per test: the sender's due list is every tenant's, tests filter by account. */
let account: string;
const T0 = new Date("2031-03-03T14:30:00Z"); // Monday: 23:30 in Tokyo, 14:30 in London
const at = (ms: number) => new Date(T0.getTime() + ms);
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startDomainHarness();
});
beforeEach(async () => {
  account = await createAccount(h.owner, "Rules Bakery");
});
afterAll(async () => {
  await h?.close();
});

const execution = async (id: string) =>
  (
    await h.owner<{ status: string; current_node_id: string; next_run_at: Date | null; step_seq: number }[]>`
      select status, current_node_id, next_run_at, step_seq from journey_executions where id = ${id}`
  )[0]!;

const messagesOf = (journeyId: string) =>
  h.owner<{ id: string; contact_id: string; status: string; last_error: string | null; subject: string }[]>`
    select id, contact_id, status, last_error, payload->>'subject' as subject
      from message_queue where journey_id = ${journeyId} order by created_at`;

describe("sending rules", () => {
  it("holds a send in the contact's quiet hours at its node until they end", async () => {
    const [tokyo, london] = await createContacts(h.owner, account, [
      { timeZone: "Asia/Tokyo" },
      { timeZone: "Europe/London" },
    ]);
    const journey = await createJourney(
      h.owner,
      account,
      chain([trigger(), email("hello", "Hello"), exit()], { quietHours: { start: "21:00", end: "08:00" } }),
    );
    const [inQuiet, awake] = await enrol(h.owner, account, journey, [tokyo!, london!], T0);
    await runDueSteps(h.db, T0, {});

    // London (14:30) gets its message now; Tokyo (23:30) waits at the send until 08:00 its time.
    expect((await messagesOf(journey.journeyId)).map((m) => m.contact_id)).toEqual([london]);
    expect(await execution(awake!)).toMatchObject({ status: "completed" });
    expect(await execution(inQuiet!)).toMatchObject({
      status: "waiting",
      current_node_id: "hello",
      next_run_at: new Date("2031-03-03T23:00:00Z"),
    });
    const [stat] =
      await h.owner`select waiting from journey_node_stats where journey_id = ${journey.journeyId} and node_id = 'hello'`;
    expect(Number(stat!.waiting)).toBe(1);

    await runDueSteps(h.db, new Date("2031-03-03T22:59:59Z"), {});
    expect(await messagesOf(journey.journeyId)).toHaveLength(1);
    await runDueSteps(h.db, new Date("2031-03-03T23:00:00Z"), {});
    expect((await messagesOf(journey.journeyId)).map((m) => m.contact_id)).toEqual([london, tokyo]);
    expect(await execution(inQuiet!)).toMatchObject({ status: "completed" });
    const [after] =
      await h.owner`select waiting, completed from journey_node_stats where journey_id = ${journey.journeyId} and node_id = 'hello'`;
    expect([Number(after!.waiting), Number(after!.completed)]).toEqual([0, 2]);
  });

  it("suppresses a message over the frequency cap, counting every journey, and carries on", async () => {
    const [contact] = await createContacts(h.owner, account, [{}]);
    const cap = { frequencyCap: { maxMessages: 2, periodHours: 24 } };
    const capped = await createJourney(
      h.owner,
      account,
      chain(
        [trigger(), email("first", "First"), waitFor("w", 1, "hours"), email("second", "Second"), exit()],
        cap,
      ),
    );
    const other = await createJourney(h.owner, account, chain([trigger(), email("promo", "Promo"), exit()]));
    const provider = memoryProvider();
    // Another journey's message first (it has no cap of its own, but counts towards this one's).
    await enrol(h.owner, account, other, [contact!], T0);
    const [id] = await enrol(h.owner, account, capped, [contact!], T0);
    await runDueSteps(h.db, T0, {});
    await sendDueMessages(h.db, { email: provider }, T0, { accountId: account });
    expect(provider.sent.map((m) => m.payload.subject).sort()).toEqual(["First", "Promo"]);

    await runDueSteps(h.db, at(HOUR), {});
    const outcomes = await sendDueMessages(h.db, { email: provider }, at(HOUR), { accountId: account });
    expect(outcomes).toEqual([expect.objectContaining({ status: "suppressed", reason: "frequency_cap" })]);
    expect(provider.sent).toHaveLength(2);
    const second = (await messagesOf(capped.journeyId)).find((m) => m.subject === "Second")!;
    expect(second).toMatchObject({ status: "suppressed", last_error: "frequency_cap" });
    const logs = await h.owner<{ status: string; detail: { reason: string } }[]>`
      select status, detail from delivery_logs where message_id = ${second.id}`;
    expect(logs).toEqual([{ status: "suppressed", detail: { attempt: 1, reason: "frequency_cap" } }]);
    expect(await execution(id!)).toMatchObject({ status: "completed" });
  });

  it("lets one of two messages due together through a cap of one, and suppresses the other", async () => {
    const [contact] = await createContacts(h.owner, account, [{}]);
    const cap = { frequencyCap: { maxMessages: 1, periodHours: 24 } };
    const a = await createJourney(h.owner, account, chain([trigger(), email("a", "From A"), exit()], cap));
    const b = await createJourney(h.owner, account, chain([trigger(), email("b", "From B"), exit()], cap));
    await enrol(h.owner, account, a, [contact!], T0);
    await enrol(h.owner, account, b, [contact!], T0);
    await runDueSteps(h.db, T0, {});
    const provider = memoryProvider();
    // Both in one batch (one claim transaction): the first in claim order goes, the second not.
    const outcomes = await sendDueMessages(h.db, { email: provider }, T0, { accountId: account });
    expect(outcomes.map((o) => (o.status === "suppressed" ? o.reason : o.status)).sort()).toEqual([
      "frequency_cap",
      "sent",
    ]);
    expect(provider.sent).toHaveLength(1);
  });

  it("never sends once consent is revoked mid-journey, even a message already queued", async () => {
    const [early, late] = await createContacts(h.owner, account, [{}, {}]);
    const journey = await createJourney(
      h.owner,
      account,
      chain([trigger(), email("one", "One"), waitFor("w", 1, "hours"), email("two", "Two"), exit()]),
    );
    const ids = await enrol(h.owner, account, journey, [early!, late!], T0);
    const provider = memoryProvider();
    await runDueSteps(h.db, T0, {});
    // `early` revokes before the sender gets to the queued message, `late` after the first send.
    await h.owner`update consent_records set status = 'denied', revoked_at = now()
                   where contact_id = ${early!} and channel = 'email'`;
    await sendDueMessages(h.db, { email: provider }, T0, { accountId: account });
    await h.owner`update consent_records set status = 'denied', revoked_at = now()
                   where contact_id = ${late!} and channel = 'email'`;
    await runDueSteps(h.db, at(HOUR), {});
    await sendDueMessages(h.db, { email: provider }, at(HOUR), { accountId: account });

    expect(
      provider.sent.map((m) => `${m.contactId === late ? "late" : "early"} ${m.payload.subject}`),
    ).toEqual(["late One"]);
    const statuses = (await messagesOf(journey.journeyId)).map((m) => [
      m.contact_id === late ? "late" : "early",
      m.subject,
      m.status,
      m.last_error,
    ]);
    expect(statuses.sort()).toEqual([
      ["early", "One", "suppressed", "no_consent"],
      ["early", "Two", "suppressed", "no_consent"],
      ["late", "One", "sent", null],
      ["late", "Two", "suppressed", "no_consent"],
    ]);
    for (const id of ids) expect(await execution(id)).toMatchObject({ status: "completed" });
  });

  it("suppresses messages to unsubscribed or deleted contacts", async () => {
    const [gone, unsubscribed] = await createContacts(h.owner, account, [{}, {}]);
    const journey = await createJourney(h.owner, account, chain([trigger(), email("hi", "Hi"), exit()]));
    await enrol(h.owner, account, journey, [gone!, unsubscribed!], T0);
    await runDueSteps(h.db, T0, {});
    await h.owner`update contacts set deleted_at = now() where id = ${gone!}`;
    await h.owner`update contacts set status = 'unsubscribed' where id = ${unsubscribed!}`;
    const provider = memoryProvider();
    const outcomes = await sendDueMessages(h.db, { email: provider }, T0, { accountId: account });
    expect(outcomes.map((o) => (o.status === "suppressed" ? o.reason : o.status)).sort()).toEqual([
      "contact_deleted",
      "contact_unsubscribed",
    ]);
    expect(provider.sent).toEqual([]);
  });

  it("holds contacts where they are while the journey is paused, and continues them on resume", async () => {
    const [a, b] = await createContacts(h.owner, account, [{}, {}]);
    const journey = await createJourney(
      h.owner,
      account,
      chain([trigger(), waitFor("w", 1, "hours"), email("after", "After the wait"), exit()]),
    );
    const ids = await enrol(h.owner, account, journey, [a!, b!], T0);
    await runDueSteps(h.db, T0, {});
    const before = await execution(ids[0]!);
    expect(before).toMatchObject({ status: "waiting", current_node_id: "w" });

    await h.owner`update journeys set status = 'paused', paused_at = now() where id = ${journey.journeyId}`;
    // Past the wait: nothing is due (the due function skips paused journeys), and a job sent before
    // the pause finds the journey held and does nothing.
    expect(await runDueSteps(h.db, at(3 * HOUR), {})).toBe(0);
    const job = { accountId: account, executionId: ids[0]!, seq: before.step_seq, now: at(3 * HOUR) };
    expect(await advanceExecution(h.db, job, {})).toEqual({ status: "skipped", reason: "held" });
    expect(await execution(ids[0]!)).toEqual(before);
    expect(await messagesOf(journey.journeyId)).toEqual([]);

    await h.owner`update journeys set status = 'active', paused_at = null where id = ${journey.journeyId}`;
    expect(await runDueSteps(h.db, at(3 * HOUR), {})).toBe(2);
    expect((await messagesOf(journey.journeyId)).map((m) => m.contact_id).sort()).toEqual([a, b].sort());
    for (const id of ids)
      expect(await execution(id)).toMatchObject({ status: "completed", current_node_id: "end" });
  });
});
