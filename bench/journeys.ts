// `pnpm bench:journeys`: contacts per second through a 5-step journey against pg-boss no-op jobs
// per second, on the same database in the same run.
//   (a) pg-boss alone: N no-op jobs are inserted, then the worker's own pg-boss instance works them
//       with the settings the journey and message queues run with (2 workers per queue, each
//       fetching 2 jobs at a time, notify on); jobs per second from the first fetch to the last
//       completion.
//   (a') the same at pg-boss's fastest setting here (4 workers fetching 10 at a time), for scale.
//   (b) the real worker (startWorker with its default queue settings: journey dispatcher, step
//       jobs, message sender, log provider) takes C contacts enrolled at once through
//       trigger → send_email → wait 0 → condition → exit; contacts per second from the enrolment
//       until every execution is completed and every message sent. A contact's work is three
//       jobs' worth (the steps up to the wait, the steps after it, the message), so b/a ≥ 0.33 is
//       the target; a job carries up to 100 contacts, which is how the worker gets past it.
// The cases take turns (a a' b, a a' b, …) and the medians are reported, so a change in the
// machine's load weighs on all alike.
//   --contacts 2000   contacts per round of (b)
//   --jobs 6000       no-op jobs per round of (a) and (a')
//   --rounds 3        turns of each case
// Loopback only; its own database (markettina_bench_journeys), recreated on every run.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { startWorker, type Worker } from "../apps/api/src/jobs/worker.ts";
import { logger as apiLogger } from "../apps/api/src/logger.ts";
import { createMessageProviders } from "../apps/api/src/messaging/message-providers.ts";
import { createClient } from "../packages/db/src/index.ts";
import {
  createAccount,
  createContacts,
  createJourney,
  enrol,
} from "../packages/domain/test/support/journey-fixtures.ts";
import { createBenchDatabase } from "./support/bench-database.ts";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "2000" },
    jobs: { type: "string", default: "6000" },
    rounds: { type: "string", default: "3" },
  },
});
const CONTACTS = Number(args.contacts);
const JOBS = Number(args.jobs);
const ROUNDS = Number(args.rounds);
/** The journey and message queues' defaults (jobs/journeys.ts, jobs/messages.ts). */
const QUEUE_SETTINGS = { concurrency: 2, fetch: 2 };
const FASTEST_SETTINGS = { concurrency: 4, fetch: 10 };
const NOOP_QUEUE = "bench.noop";

const database = await createBenchDatabase("markettina_bench_journeys");
const owner = createClient(database.ownerUrl, { max: 2 });
const app = createClient(database.appUrl, { max: 12 });
const logger = apiLogger.child({}, { level: "warn" });

const waitUntil = async (check: () => Promise<boolean>, pollMs = 100) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, pollMs));
};

/** (a) N no-op jobs through pg-boss. */
async function noopJobsPerSecond(
  worker: Worker,
  settings: { concurrency: number; fetch: number },
): Promise<number> {
  const boss = worker.boss;
  try {
    await boss.createQueue(NOOP_QUEUE, {
      notify: true,
      retryLimit: 3,
      expireInSeconds: 30,
    });
    const run = randomUUID();
    for (let i = 0; i < JOBS; i += 1_000) {
      const n = Math.min(1_000, JOBS - i);
      await boss.insert(
        NOOP_QUEUE,
        Array.from({ length: n }, (_, k) => ({ data: { run, k: i + k } })),
      );
    }
    let done = 0;
    let first = 0;
    await boss.work(
      NOOP_QUEUE,
      {
        localConcurrency: settings.concurrency,
        batchSize: settings.fetch,
        pollingIntervalSeconds: 0.5,
        burstWhenBatchFull: true,
        perJobResults: true,
      },
      async (jobs) => {
        if (first === 0) first = performance.now();
        done += jobs.length;
        return jobs.map((j) => ({ id: j.id, status: "completed" as const }));
      },
    );
    await waitUntil(async () => {
      const [row] = await owner.sql<{ n: number }[]>`
        select count(*)::int as n from pgboss.job where name = ${NOOP_QUEUE} and state = 'completed' and data->>'run' = ${run}`;
      return row!.n >= JOBS;
    });
    const seconds = (performance.now() - first) / 1000;
    if (done < JOBS) throw new Error(`(a) completed ${done} of ${JOBS} jobs`);
    return JOBS / seconds;
  } finally {
    await boss.offWork(NOOP_QUEUE);
  }
}

/** (b) C contacts through the 5-step journey on the real worker. */
async function contactsPerSecond(): Promise<{ perSecond: number; jobs: number }> {
  const account = await createAccount(owner.sql, "Bench Journeys");
  const contactIds = await createContacts(
    owner.sql,
    account,
    Array.from({ length: CONTACTS }, (_, i) => ({
      firstName: `B${i}`,
      attributes: { plan: i % 2 ? "pro" : "free" },
    })),
  );
  const journey = await createJourney(owner.sql, account, {
    nodes: [
      { id: "start", kind: "trigger", trigger: { type: "manual" } },
      {
        id: "send",
        kind: "action",
        action: { type: "send_email", subject: "Hello {{first_name}}", body: "Fresh bread." },
      },
      { id: "yield", kind: "wait", wait: { type: "duration", duration: { amount: 0, unit: "minutes" } } },
      { id: "isPro", kind: "condition", check: { kind: "attribute", key: "plan", op: "eq", value: "pro" } },
      { id: "end", kind: "exit" },
    ],
    edges: [
      { id: "1", source: "start", target: "send" },
      { id: "2", source: "send", target: "yield" },
      { id: "3", source: "yield", target: "isPro" },
      { id: "4", source: "isPro", target: "end", sourceHandle: "yes" },
      { id: "5", source: "isPro", target: "end", sourceHandle: "no" },
    ],
  });
  await owner.sql`analyze`;
  // The worker is up and idle; the clock starts when the contacts enter.
  const jobsBefore = await jobCount();
  const start = performance.now();
  await enrol(owner.sql, account, journey, contactIds, new Date());
  await waitUntil(async () => {
    const [row] = await owner.sql<{ done: number; sent: number }[]>`
        select (select count(*)::int from journey_executions where journey_id = ${journey.journeyId} and status = 'completed') as done,
               (select count(*)::int from message_queue where journey_id = ${journey.journeyId} and status = 'sent') as sent`;
    return row!.done >= CONTACTS && row!.sent >= CONTACTS;
  });
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: CONTACTS / seconds, jobs: (await jobCount()) - jobsBefore };
}

/** The real worker: journeys and messages (log provider), the given concurrency per queue. */
async function startBenchWorker(): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const messaging = createMessageProviders(
    { smtpUrl: null, mailFrom: "bench@bakery.test", smsHttpUrl: null, smsHttpToken: null },
    apiLogger.child({}, { level: "silent" }),
  );
  const worker = await startWorker({
    appUrl: database.appUrl,
    db: app.db,
    logger,
    connectors: {},
    publishPollMs: 60_000,
    automation: {
      providers: messaging.providers,
      executor: {
        unsubscribe: { baseUrl: "https://api.bench.test", secret: "bench-secret-0123456789abcdef" },
        providerNames: messaging.names,
      },
      journeyPollMs: 250,
      messagePollMs: 250,
    },
  });
  return { worker, close: () => worker.stop() };
}

const jobCount = async () =>
  (
    await owner.sql<{ n: number }[]>`
      select count(*)::int as n from pgboss.job where name in ('automation.journey-steps', 'automation.send-messages')`
  )[0]!.n;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let failed: unknown = null;
let bench: Awaited<ReturnType<typeof startBenchWorker>> | null = null;
try {
  bench = await startBenchWorker();
  const a: number[] = [];
  const fastest: number[] = [];
  const b: number[] = [];
  let jobsPerContact = 0;
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await noopJobsPerSecond(bench.worker, QUEUE_SETTINGS));
    fastest.push(await noopJobsPerSecond(bench.worker, FASTEST_SETTINGS));
    const r = await contactsPerSecond();
    b.push(r.perSecond);
    jobsPerContact = r.jobs / CONTACTS;
    console.log(
      `round ${round + 1}: (a) ${a.at(-1)!.toFixed(0)} jobs/s, (a') ${fastest.at(-1)!.toFixed(0)} jobs/s, (b) ${r.perSecond.toFixed(0)} contacts/s (${jobsPerContact.toFixed(3)} jobs per contact)`,
    );
  }
  const ratio = median(b) / median(a);
  const setting = (x: typeof QUEUE_SETTINGS) => `${x.concurrency} workers × fetch ${x.fetch}`;
  console.log(`\nnode ${process.version}, ${navigator.hardwareConcurrency} CPUs`);
  console.log(`\n| case | per second (median of ${ROUNDS}) |`);
  console.log("| --- | ---: |");
  console.log(
    `| (a) pg-boss no-op jobs at the queues' settings (${setting(QUEUE_SETTINGS)}), ${JOBS} per round | ${median(a).toFixed(0)} |`,
  );
  console.log(
    `| (a') pg-boss no-op jobs at its fastest here (${setting(FASTEST_SETTINGS)}), ${JOBS} per round | ${median(fastest).toFixed(0)} |`,
  );
  console.log(
    `| (b) contacts through trigger → send_email → wait 0 → condition → exit, ${CONTACTS} per round | ${median(b).toFixed(0)} |`,
  );
  console.log(
    `\nb/a: ${ratio.toFixed(3)} (target ≥ 0.33: ${ratio >= 0.33 ? "met" : "missed"}); b/a': ${(median(b) / median(fastest)).toFixed(3)}; ${jobsPerContact.toFixed(3)} jobs per contact`,
  );
} catch (error) {
  failed = error;
} finally {
  await bench?.close();
  await app.close();
  await owner.close();
  await database.stop();
}
if (failed) {
  console.error("\nbench:journeys stopped:", failed);
  process.exitCode = 1;
}
