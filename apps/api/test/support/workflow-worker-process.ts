// A worker process for the workflow crash test (workflow-crash.integration.test.ts): the real
// startWorker with the workflow engine only (http_request steps to loopback), against the test's
// database, with short expiries and a fast sweeper so that what a killed worker left behind is
// taken over within seconds. It prints "ready" once its queues are being worked, then runs until
// it is killed.
//   CRASH_APP_URL   the test database, as markettina_app
import { createClient } from "@markettina/db";
import pino from "pino";
import { startWorker } from "../../src/jobs/worker.ts";
import { httpStep } from "../../src/workflow/http-step.ts";

const appUrl = process.env.CRASH_APP_URL;
if (!appUrl) throw new Error("Set CRASH_APP_URL.");

const logger = pino({ level: "warn" }, pino.destination(2));
const client = createClient(appUrl, { max: 12 });
await startWorker({
  appUrl,
  db: client.db,
  logger,
  connectors: {},
  publishPollMs: 60_000,
  workflows: {
    external: { http: httpStep({ allowedHosts: [], allowLoopback: true }) },
    pollMs: 200,
    retentionDays: 30,
    // A job is given up after 3 s (pg-boss checks every second); a claimed step whose worker died
    // is timed out by the sweeper 1 s after its own timeout.
    options: { expireInSeconds: 3, overdueGraceSeconds: 1, concurrency: 4 },
  },
  bossOptions: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 },
});
process.stdout.write("ready\n");
