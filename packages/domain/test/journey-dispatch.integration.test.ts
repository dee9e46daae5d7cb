// Dispatch stamps (ADR 12), on real PostgreSQL with an injected clock: the dispatchers take due
// rows once and stamp them, a stamp lapses after the lease, a step hands what it leaves due now to
// the queue in its own transaction (stamped, so the dispatcher does not send it again) or, without
// a queue, leaves it to the dispatcher; a job that cannot run an execution (journey paused)
// removes the stamp so resuming does not wait for the lease.
import type { Transaction } from "@markettina/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  advanceExecutions,
  type ContinuationWork,
  type ExecutorQueue,
  takeDueJourneyExecutions,
  takeDueMessages,
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
  trigger,
  waitFor,
} from "./support/journey-fixtures.ts";

let h: DomainHarness;
let account: string;
const T0 = new Date("2031-05-05T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1_000);

beforeAll(async () => {
  h = await startDomainHarness();
});
beforeEach(async () => {
  account = await createAccount(h.owner, "Dispatch Bakery");
});
afterAll(async () => {
  await h?.close();
});

/** A real implementation of the port that keeps what it was given, and checks it is called
 * inside the step's transaction (it writes through `tx`, so a rollback would undo it). */
function recordingQueue(): ExecutorQueue & { calls: ContinuationWork[] } {
  const calls: ContinuationWork[] = [];
  return {
    calls,
    async enqueue(tx: Transaction, accountId, work) {
      // The tenant settings of the step's transaction are in force here.
      const [row] = await tx.execute<{ account: string }>(
        sql`select current_setting('app.account_id', true) as account`,
      );
      expect(row!.account).toBe(accountId);
      calls.push(work);
    },
  };
}

/** One contact entered at T0 in trigger → e-mail → wait 0 → exit; its execution id. */
async function enrolInHelloThenYield(): Promise<string> {
  const [contact] = await createContacts(h.owner, account, [{}]);
  const journey = await createJourney(
    h.owner,
    account,
    chain([trigger(), email("hello", "Hello"), waitFor("yield", 0, "minutes"), exit()]),
  );
  const [id] = await enrol(h.owner, account, journey, [contact!], T0);
  return id!;
}

const stampOf = async (id: string) =>
  (
    await h.owner<
      { dispatched_at: Date | null }[]
    >`select dispatched_at from journey_executions where id = ${id}`
  )[0]!.dispatched_at;

describe("dispatch stamps", () => {
  it("takes a due execution once, and again only after the lease", async () => {
    const [c1, c2] = await createContacts(h.owner, account, [{}, {}]);
    const journey = await createJourney(h.owner, account, chain([trigger(), exit()]));
    const ids = await enrol(h.owner, account, journey, [c1!, c2!], T0);

    const first = await takeDueJourneyExecutions(h.db, {
      now: T0,
      limit: 10,
      leaseSeconds: 60,
      accountId: account,
    });
    expect(first.map((d) => d.executionId).sort()).toEqual([...ids].sort());
    expect(await stampOf(ids[0]!)).toEqual(T0);
    // On its way: a second poll takes nothing, even later within the lease.
    expect(
      await takeDueJourneyExecutions(h.db, { now: at(59), limit: 10, leaseSeconds: 60, accountId: account }),
    ).toEqual([]);
    // The job never came (failed for good): after the lease both are due again.
    const again = await takeDueJourneyExecutions(h.db, {
      now: at(61),
      limit: 10,
      leaseSeconds: 60,
      accountId: account,
    });
    expect(again).toHaveLength(2);
    expect(await stampOf(ids[0]!)).toEqual(at(61));
  });

  it("hands the next step and the messages to the queue in the step's transaction, stamped", async () => {
    const id = await enrolInHelloThenYield();
    const taken = await takeDueJourneyExecutions(h.db, { now: T0, limit: 10, accountId: account });
    const queue = recordingQueue();

    const outcomes = await advanceExecutions(h.db, account, taken, T0, { queue });
    const outcome = outcomes.get(id)!;
    expect(outcome).toMatchObject({ status: "advanced", executionStatus: "waiting", nextRunAt: T0 });
    const messages = await h.owner<{ id: string; dispatched_at: Date | null }[]>`
      select id, dispatched_at from message_queue where execution_id = ${id}`;
    // Trigger, e-mail and the wait's first half ran: the next job is for step 3.
    expect(outcome).toMatchObject({ seq: 3 });
    expect(queue.calls).toEqual([
      { executions: [{ executionId: id, seq: 3 }], messageIds: [messages[0]!.id] },
    ]);
    // Both stamped: neither dispatcher sends them again.
    expect(messages[0]!.dispatched_at).toEqual(T0);
    expect(await stampOf(id)).toEqual(T0);
    expect(await takeDueJourneyExecutions(h.db, { now: T0, limit: 10, accountId: account })).toEqual([]);
    expect(
      await takeDueMessages(h.db, { now: T0, limit: 10, leaseSeconds: 120, accountId: account }),
    ).toEqual([]);

    // The next job finishes the contact: nothing more to hand over, and the stamp is gone.
    const last = await advanceExecutions(h.db, account, [{ executionId: id, seq: 3 }], T0, { queue });
    expect(last.get(id)).toMatchObject({ status: "advanced", executionStatus: "completed" });
    expect(queue.calls).toHaveLength(1);
    expect(await stampOf(id)).toBeNull();
  });

  it("without a queue leaves the work to the dispatchers, unstamped", async () => {
    const id = await enrolInHelloThenYield();
    await advanceExecutions(
      h.db,
      account,
      await takeDueJourneyExecutions(h.db, { now: T0, limit: 10, accountId: account }),
      T0,
    );
    expect(await stampOf(id)).toBeNull();
    expect(await takeDueJourneyExecutions(h.db, { now: T0, limit: 10, accountId: account })).toEqual([
      { accountId: account, executionId: id, seq: 3 },
    ]);
    expect(
      await takeDueMessages(h.db, { now: T0, limit: 10, leaseSeconds: 120, accountId: account }),
    ).toHaveLength(1);
  });

  it("a job that finds the journey paused removes the stamp: resuming does not wait for the lease", async () => {
    const [c1] = await createContacts(h.owner, account, [{}]);
    const journey = await createJourney(h.owner, account, chain([trigger(), exit()]));
    const [id] = (await enrol(h.owner, account, journey, [c1!], T0)) as [string];
    const taken = await takeDueJourneyExecutions(h.db, { now: T0, limit: 10, accountId: account });
    await h.owner`update journeys set status = 'paused' where id = ${journey.journeyId}`;

    const outcomes = await advanceExecutions(h.db, account, taken, T0);
    expect(outcomes.get(id)).toEqual({ status: "skipped", reason: "held" });
    expect(await stampOf(id)).toBeNull();
    // Paused: not handed out; resumed: handed out at once.
    expect(await takeDueJourneyExecutions(h.db, { now: at(1), limit: 10, accountId: account })).toEqual([]);
    await h.owner`update journeys set status = 'active' where id = ${journey.journeyId}`;
    expect(await takeDueJourneyExecutions(h.db, { now: at(2), limit: 10, accountId: account })).toHaveLength(
      1,
    );
  });
});
