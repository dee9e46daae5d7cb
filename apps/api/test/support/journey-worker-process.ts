// A worker process for the crash test (journey-crash.integration.test.ts): the real startWorker,
// journeys and messages only, against the test's database and SMTP server, with short leases and
// expiries so that what a killed worker left behind is taken over within seconds. It prints
// "ready" once its queues are being worked, then runs until it is killed.
//   CRASH_APP_URL   the test database, as markettina_app
//   CRASH_SMTP_URL  the test's SMTP server
import { createClient } from "@markettina/db";
import pino from "pino";
import { startWorker } from "../../src/jobs/worker.ts";
import { createMessageProviders } from "../../src/messaging/message-providers.ts";

const appUrl = process.env.CRASH_APP_URL;
const smtpUrl = process.env.CRASH_SMTP_URL;
if (!appUrl || !smtpUrl) throw new Error("Set CRASH_APP_URL and CRASH_SMTP_URL.");

const logger = pino({ level: "warn" }, pino.destination(2));
const client = createClient(appUrl, { max: 12 });
const messaging = createMessageProviders(
  { smtpUrl, mailFrom: "Bakery <news@bakery.test>", smsHttpUrl: null, smsHttpToken: null },
  logger,
);
await startWorker({
  appUrl,
  db: client.db,
  logger,
  connectors: {},
  publishPollMs: 60_000,
  automation: {
    providers: messaging.providers,
    executor: {
      unsubscribe: { baseUrl: "https://api.bakery.test", secret: "crash-test-secret-0123456789abcdef" },
      providerNames: messaging.names,
    },
    journeyPollMs: 100,
    messagePollMs: 100,
    // A running job is given up after 2 s, a send claim after 5 s (pg-boss checks every second).
    journeyOptions: { expireInSeconds: 2 },
    messageOptions: { leaseSeconds: 5 },
  },
  bossOptions: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1 },
});
process.stdout.write("ready\n");
