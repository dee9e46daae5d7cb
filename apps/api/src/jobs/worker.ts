// The job worker: pg-boss queues and their schedules. Runs in the API process by default, or alone
// (`--worker`) when scaled out. pg-boss's own schema is installed by the migrate command.
import type { Database } from "@markettina/db";
import {
  type Connectors,
  type ExecutorDeps,
  expireTokens,
  type HealthDeps,
  type MessageProviders,
  maintainPartitions,
  type PaymentGateway,
  type PublishOptions,
  purgeIdempotencyKeys,
  releaseExpiredReservations,
  requestAutoRecharges,
} from "@markettina/domain";
import { type ConstructorOptions, PgBoss } from "pg-boss";
import type { Logger } from "../logger.ts";
import {
  JOURNEY_WEBHOOK_QUEUE,
  journeyEffectQueue,
  startJourneyWebhooks,
} from "../messaging/journey-webhooks.ts";
import { workflowStarter } from "../workflow/journey-starter.ts";
import { HEALTH_SAMPLE_QUEUE, startHealthSampler } from "./health.ts";
import {
  executorQueue,
  JOURNEY_STEPS_QUEUE,
  type JourneyQueueOptions,
  type Journeys,
  startJourneys,
} from "./journeys.ts";
import { type MessageQueueOptions, type Messaging, SEND_MESSAGES_QUEUE, startMessaging } from "./messages.ts";
import { PUBLISH_QUEUE, type Publishing, startPublishing } from "./publish-posts.ts";
import { startSegmentRefresh } from "./segments.ts";
import {
  startWorkflows,
  WORKFLOW_PURGE_QUEUE,
  WORKFLOW_SCHEDULES_QUEUE,
  WORKFLOW_STATS_QUEUE,
  WORKFLOW_STEP_QUEUE,
  type Workflows,
  type WorkflowWorkerDeps,
} from "./workflows.ts";

export const QUEUES = {
  maintainPartitions: "platform.maintain-partitions",
  purgeIdempotencyKeys: "platform.purge-idempotency-keys",
  releaseExpiredReservations: "billing.release-expired-reservations",
  expireTokens: "billing.expire-tokens",
  autoRecharge: "billing.auto-recharge",
  publishPost: PUBLISH_QUEUE,
  journeySteps: JOURNEY_STEPS_QUEUE,
  sendMessages: SEND_MESSAGES_QUEUE,
  journeyWebhook: JOURNEY_WEBHOOK_QUEUE,
  workflowStep: WORKFLOW_STEP_QUEUE,
  workflowSchedules: WORKFLOW_SCHEDULES_QUEUE,
  workflowPurge: WORKFLOW_PURGE_QUEUE,
  workflowStats: WORKFLOW_STATS_QUEUE,
  healthSample: HEALTH_SAMPLE_QUEUE,
} as const;

/** Queues created with their own policy by the module that works them. */
const OWN_POLICY: readonly string[] = [
  QUEUES.publishPost,
  QUEUES.journeySteps,
  QUEUES.sendMessages,
  QUEUES.journeyWebhook,
  QUEUES.workflowStep,
  QUEUES.workflowSchedules,
  QUEUES.workflowPurge,
  QUEUES.workflowStats,
  QUEUES.healthSample,
];

/** Journeys and their messages (see jobs/journeys.ts, jobs/messages.ts). */
export interface AutomationDeps {
  providers: MessageProviders;
  /** The executor's ports; the webhook outbox and the job queue are added here (they need pg-boss). */
  executor: Omit<ExecutorDeps, "effects" | "queue">;
  journeyPollMs: number;
  messagePollMs: number;
  journeyOptions?: JourneyQueueOptions;
  messageOptions?: MessageQueueOptions;
}

export interface Worker {
  boss: PgBoss;
  publishing: Publishing;
  journeys: Journeys | null;
  messaging: Messaging | null;
  workflows: Workflows | null;
  stop: () => Promise<void>;
}

export async function startWorker(deps: {
  appUrl: string;
  db: Database;
  logger: Logger;
  paymentGateway?: PaymentGateway;
  /** Where posts go, by connector kind (built by the app: SMTP needs SMTP_URL). */
  connectors: Connectors;
  /** How often due posts are looked for (PUBLISH_POLL_MS). */
  publishPollMs: number;
  publishOptions?: PublishOptions;
  /** Journeys and marketing messages; absent: not run by this worker. */
  automation?: AutomationDeps;
  /** The workflow engine's steps, schedules, retention and stats (jobs/workflows.ts); absent:
   * not run by this worker. */
  workflows?: WorkflowWorkerDeps;
  /** The database health sampler's thresholds and replica (jobs/health.ts); absent: not run by
   * this worker. */
  health?: HealthDeps;
  /** pg-boss timers (tests shorten how soon a killed worker's jobs expire). */
  bossOptions?: Pick<ConstructorOptions, "superviseIntervalSeconds" | "monitorIntervalSeconds" | "max">;
}): Promise<Worker> {
  const boss = new PgBoss({
    connectionString: deps.appUrl,
    schema: "pgboss",
    migrate: false,
    createSchema: false,
    // Expired jobs (their worker was killed) are found by this pass: every 15 s rather than
    // pg-boss's 60, so a killed worker's journey steps are retried within about
    // expireInSeconds + 15 s.
    superviseIntervalSeconds: 15,
    monitorIntervalSeconds: 15,
    // Queues created with `notify` (journey steps, messages) wake their workers when a job is
    // inserted instead of waiting for the next poll: a contact's next step starts at once.
    useListenNotify: true,
    ...deps.bossOptions,
  });
  boss.on("error", (error) => deps.logger.error({ err: error }, "pg-boss error"));
  await boss.start();
  // The publishing queue is created with its own policy by startPublishing.
  for (const queue of Object.values(QUEUES)) if (!OWN_POLICY.includes(queue)) await boss.createQueue(queue);

  await boss.work(QUEUES.maintainPartitions, async () => {
    const created = await maintainPartitions(deps.db, 3);
    deps.logger.info({ created }, "monthly partitions checked");
    return { created };
  });
  await boss.work(QUEUES.purgeIdempotencyKeys, async () => {
    const purged = await purgeIdempotencyKeys(deps.db);
    if (purged > 0) deps.logger.info({ purged }, "expired idempotency keys purged");
    return { purged };
  });
  await boss.work(QUEUES.releaseExpiredReservations, async () => {
    const wallets = await releaseExpiredReservations(deps.db);
    if (wallets > 0) deps.logger.info({ wallets }, "expired token reservations released");
    return { wallets };
  });
  await boss.work(QUEUES.expireTokens, async () => {
    const expired = await expireTokens(deps.db);
    if (expired > 0) deps.logger.info({ expired }, "expired bonus tokens written off");
    return { expired };
  });
  await boss.work(QUEUES.autoRecharge, async () => {
    const outcomes = await requestAutoRecharges(deps.db, deps.paymentGateway);
    for (const o of outcomes) {
      if (o.error) deps.logger.warn(o, "auto-recharge purchase refused");
      else if (o.invoiceId) deps.logger.info(o, "auto-recharge purchase issued");
    }
    return { issued: outcomes.filter((o) => o.invoiceId).length };
  });

  await boss.schedule(QUEUES.maintainPartitions, "17 3 * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.purgeIdempotencyKeys, "*/15 * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.releaseExpiredReservations, "* * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.expireTokens, "7 * * * *", null, { tz: "UTC" });
  await boss.schedule(QUEUES.autoRecharge, "* * * * *", null, { tz: "UTC" });
  // Partitions are checked at every start too, so a new installation never waits for 03:17.
  await boss.send(QUEUES.maintainPartitions, null, { singletonKey: "startup" });

  // health.sample: every minute, and once at start.
  if (deps.health) await startHealthSampler({ boss, db: deps.db, logger: deps.logger, health: deps.health });

  // automation.refresh-segments: its own queue policy and schedule (every 5 minutes).
  await startSegmentRefresh({ boss, db: deps.db, logger: deps.logger });

  const publishing = await startPublishing({
    boss,
    db: deps.db,
    logger: deps.logger,
    connectors: deps.connectors,
    pollMs: deps.publishPollMs,
    options: deps.publishOptions,
  });

  // Before the journeys: their "start workflow" action starts instances through this engine.
  const workflows = deps.workflows
    ? await startWorkflows({ boss, db: deps.db, logger: deps.logger, workflows: deps.workflows })
    : null;

  let journeys: Journeys | null = null;
  let messaging: Messaging | null = null;
  if (deps.automation) {
    const a = deps.automation;
    await startJourneyWebhooks({ boss, db: deps.db, logger: deps.logger });
    messaging = await startMessaging({
      boss,
      db: deps.db,
      logger: deps.logger,
      providers: a.providers,
      pollMs: a.messagePollMs,
      options: a.messageOptions,
    });
    journeys = await startJourneys({
      boss,
      db: deps.db,
      logger: deps.logger,
      executor: {
        ...a.executor,
        effects: journeyEffectQueue(boss),
        queue: executorQueue(boss),
        workflows: a.executor.workflows ?? (workflows ? workflowStarter(workflows.engine) : undefined),
      },
      pollMs: a.journeyPollMs,
      options: a.journeyOptions,
    });
  }

  return {
    boss,
    publishing,
    journeys,
    messaging,
    workflows,
    stop: async () => {
      // The dispatchers first, so no job is sent to a stopping pg-boss.
      await workflows?.stop();
      await journeys?.stop();
      await messaging?.stop();
      await publishing.stop();
      await boss.stop({ graceful: true, timeout: 10_000 });
    },
  };
}
