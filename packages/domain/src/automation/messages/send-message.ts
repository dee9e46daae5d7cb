// The message sender's job body: queued messages go out through their channel's provider, at most
// once per claim, and never without the right to send them. The worker hands over the messages of
// an account it fetched together; each phase below is a few statements for all of them.
//
// Send-once protocol (as publish-post.ts), in the messages' tenant scope as the system. Rows are
// found by primary key, the tenant left to row-level security (see advance-execution.ts for why
// the statements do not also say account_id = …):
//
//   1. Claim, in a transaction committed before anything is sent. The messages that are due —
//      queued and past their scheduled time (or backoff), or 'sending' with a claim older than the
//      lease (their sender died) — are locked in id order, SKIP LOCKED (a message another sender is
//      claiming right now is theirs), moved to 'sending', their attempt counted and claimed_at
//      stamped. In the same transaction, IMMEDIATELY BEFORE SENDING, the rules are checked on the
//      current data: the contact exists and is active; a marketing message has granted consent for
//      its channel (the rule of contacts/consent.ts hasMarketingConsent, read for all the batch's
//      contacts at once); the contact is under the journey's frequency cap (marketing messages
//      sent, or being sent under a live claim, to this contact across all journeys in the window,
//      plus those of this batch allowed before it). A message breaking one is `suppressed` with the
//      reason and a delivery log: nothing is sent, and the journey has already moved on. The
//      contacts are locked (FOR NO KEY UPDATE, in id order) while checking, so two senders cannot
//      both squeeze under one contact's cap, and a consent revocation either commits before the
//      check (and is seen) or waits for the claim to commit.
//   2. Send, outside any transaction: no lock is held while a remote server takes its time.
//   3. Record: 'sent' (sent_at, provider_message_id, delivery log, email_sent/sms_sent event), or
//      back to 'queued' with a backoff, or 'failed' after the last attempt — each only while the
//      message is still claimed by this attempt (status 'sending', same attempt number).
//
// The window this cannot close is a sender dying after a provider accepted a message and before
// step 3 commits: the claim lapses and the message is sent again. Every attempt carries the same
// Message-ID (derived from the row id), so receivers can recognise the repeat.
import { type Database, type TenantScope, type Transaction, uuidv7, withTenant } from "@markettina/db";
import { sql } from "drizzle-orm";
import { type MessageProviders, MessageSendError } from "./message-provider.ts";
import { suppressions } from "./suppressions.ts";

/** Default claim lease; app.due_messages is called with the same value. */
export const MESSAGE_LEASE_SECONDS = 120;

export interface SendOptions {
  /** The clock (tests inject one); default: the system clock. */
  clock?: () => Date;
  leaseSeconds?: number;
  /** Attempts before a message is marked failed (default 5). */
  maxAttempts?: number;
  /** Wait after the first failure, doubled after each further one (default 30 s), capped (1 h). */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Messages of one call handed to providers at once (default 5). */
  sendConcurrency?: number;
}

/**
 * A message is handed to its provider only within this share of its lease after the claim. A
 * send that starts later (it waited behind others of its batch) could still be under way when the
 * lease runs out and another sender takes the message over: two sends, both possibly accepted. Not
 * starting it leaves it to the lease (it is sent once, later) instead.
 */
export const SEND_WITHIN_LEASE = 0.5;

export interface SendJob {
  accountId: string;
  messageId: string;
}

export type SendOutcome =
  /** Not due, claimed by another live sender, or already finished. */
  | { status: "skipped"; messageId: string }
  | { status: "suppressed"; messageId: string; reason: SuppressionReason }
  | { status: "sent"; messageId: string; providerMessageId: string; attempts: number }
  | { status: "retrying"; messageId: string; attempts: number; nextAttemptAt: Date; error: string }
  | { status: "failed"; messageId: string; attempts: number; error: string }
  /** The claim lapsed while sending and another attempt owns the message: not recorded. */
  | { status: "lost-claim"; messageId: string; providerMessageId: string | null }
  /** Not handed to the provider: its turn came too late in the claim (see SEND_WITHIN_LEASE); it
   * stays claimed and is sent again once the lease has run out. */
  | { status: "deferred"; messageId: string };

export type SuppressionReason =
  | "contact_deleted"
  | "contact_unsubscribed"
  | "contact_bounced"
  | "no_consent"
  | "frequency_cap";

/** What the sender needs of a claimed message. */
export interface MessageRow {
  id: string;
  accountId: string;
  contactId: string;
  channel: "email" | "sms" | "push";
  purpose: "marketing" | "transactional";
  payload: Record<string, unknown>;
  attempts: number;
  claimedAt: Date;
  journeyId: string | null;
  executionId: string | null;
  nodeId: string | null;
  campaignId: string | null;
}

/** A claimed message's outcome, before it is recorded. */
interface Verdict {
  message: MessageRow;
  status: "sent" | "queued" | "failed" | "suppressed";
  lastError: string | null;
  scheduledAt?: Date;
  providerMessageId?: string;
  provider?: string;
  log: Record<string, unknown>;
}

const MAX_ERROR_LENGTH = 2_000;

/** The wait before attempt n + 1 after n failed ones: base · 2^(n−1), capped. */
const backoffMs = (attempts: number, base: number, max: number) =>
  Math.min(max, base * 2 ** Math.max(0, attempts - 1));

/** One message (its own batch of one). */
export async function sendMessage(
  db: Database,
  providers: MessageProviders,
  job: SendJob,
  options: SendOptions = {},
): Promise<SendOutcome> {
  const outcomes = await sendMessages(db, providers, job.accountId, [job.messageId], options);
  return outcomes.get(job.messageId)!;
}

/** Messages of one account; outcomes by message id. */
export async function sendMessages(
  db: Database,
  providers: MessageProviders,
  accountId: string,
  messageIds: readonly string[],
  options: SendOptions = {},
): Promise<Map<string, SendOutcome>> {
  const clock = options.clock ?? (() => new Date());
  const lease = options.leaseSeconds ?? MESSAGE_LEASE_SECONDS;
  const maxAttempts = options.maxAttempts ?? 5;
  const scope: TenantScope = { accountId, accountIds: [accountId], userId: null, apiKeyId: null };
  const inTenant = <T>(fn: (tx: Transaction) => Promise<T>) => withTenant(db, scope, fn);
  const outcomes = new Map<string, SendOutcome>();
  const ids = [...new Set(messageIds)];
  for (const id of ids) outcomes.set(id, { status: "skipped", messageId: id });
  if (ids.length === 0) return outcomes;

  // 1. Claim and check.
  const toSend = await inTenant(async (tx) => {
    const now = clock();
    const claimed = await claim(tx, ids, now, lease);
    if (claimed.length === 0) return [];
    const verdicts: Verdict[] = [];
    const allowed: MessageRow[] = [];
    const reasons = await suppressions(tx, accountId, claimed, now, lease);
    for (const message of claimed) {
      const reason = reasons.get(message.id);
      if (message.attempts > maxAttempts) {
        // Claimed again and again by senders that died mid-send: stop rather than loop forever.
        const error = "The sender stopped during every attempt.";
        verdicts.push({ message, status: "failed", lastError: error, log: { error } });
      } else if (reason) {
        verdicts.push({ message, status: "suppressed", lastError: reason, log: { reason } });
      } else {
        allowed.push(message);
      }
    }
    for (const row of await record(tx, verdicts, now)) {
      outcomes.set(row.message.id, outcomeOf(row));
    }
    return allowed;
  });
  if (toSend.length === 0) return outcomes;

  // 2 and 3. Send each, outside any transaction, and record each outcome AS SOON AS IT IS KNOWN:
  // a message the server has accepted must not wait for a slower one of the same batch before its
  // 'sent' is committed (that wait would widen the one window a crash can resend in). Outcomes
  // that arrive while a record is being written are written together by the next one.
  type Sent = Omit<Verdict, "scheduledAt"> & { retryIn?: number };
  const pending: Sent[] = [];
  let writing: Promise<void> = Promise.resolve();
  const write = async () => {
    while (pending.length > 0) {
      const sent = pending.splice(0);
      await inTenant(async (tx) => {
        const now = clock();
        const verdicts: Verdict[] = sent.map(({ retryIn, ...v }) => {
          if (retryIn === undefined) return v;
          const scheduledAt = new Date(now.getTime() + retryIn);
          return { ...v, scheduledAt, log: { ...v.log, nextAttemptAt: scheduledAt.toISOString() } };
        });
        const kept = new Set((await record(tx, verdicts, now)).map((r) => r.message.id));
        for (const v of verdicts) {
          outcomes.set(
            v.message.id,
            kept.has(v.message.id)
              ? outcomeOf(v)
              : {
                  status: "lost-claim",
                  messageId: v.message.id,
                  providerMessageId: v.providerMessageId ?? null,
                },
          );
        }
      });
    }
  };
  const settle = (outcome: Sent) => {
    pending.push(outcome);
    // One writer at a time, each taking everything that arrived meanwhile. A failed write leaves
    // the chain rejected: the rest are not recorded and the call throws below (their claims lapse
    // and they are sent again, as after a crash).
    writing = writing.then(write);
  };
  const attempt = async (message: MessageRow): Promise<Sent> => {
    const provider = providers[message.channel];
    try {
      if (!provider) {
        throw new MessageSendError(`This server has no ${message.channel} provider configured.`, {
          retryable: false,
        });
      }
      const { providerMessageId } = await provider.send({
        id: message.id,
        accountId: message.accountId,
        contactId: message.contactId,
        channel: message.channel,
        payload: message.payload,
        attempt: message.attempts,
      });
      return {
        message,
        status: "sent",
        lastError: null,
        providerMessageId,
        provider: provider.name,
        log: { providerMessageId, provider: provider.name },
      };
    } catch (error) {
      const text =
        (error instanceof Error ? error.message : String(error)).slice(0, MAX_ERROR_LENGTH) || "Send failed.";
      const retry =
        !(error instanceof MessageSendError && !error.retryable) && message.attempts < maxAttempts;
      if (!retry) return { message, status: "failed", lastError: text, log: { error: text } };
      const delay = backoffMs(
        message.attempts,
        options.backoffBaseMs ?? 30_000,
        options.backoffMaxMs ?? 3_600_000,
      );
      return { message, status: "queued", lastError: text, retryIn: delay, log: { error: text } };
    }
  };
  // A few at a time (providers keep a small pool of connections: more would only queue inside
  // them, ageing the claims), each only while its claim is young enough. Only the provider's answer
  // is caught in `attempt`: a failure to record is not a failed send.
  const queue = [...toSend];
  const sendOne = async (): Promise<void> => {
    for (let message = queue.shift(); message; message = queue.shift()) {
      if (clock().getTime() - message.claimedAt.getTime() > lease * 1_000 * SEND_WITHIN_LEASE) {
        outcomes.set(message.id, { status: "deferred", messageId: message.id });
        continue;
      }
      // Recorded by the writer while this slot goes on with the next message.
      settle(await attempt(message));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.sendConcurrency ?? 5) }, sendOne));
  await writing;
  return outcomes;
}

function outcomeOf(v: Verdict): SendOutcome {
  const { message } = v;
  switch (v.status) {
    case "sent":
      return {
        status: "sent",
        messageId: message.id,
        providerMessageId: v.providerMessageId!,
        attempts: message.attempts,
      };
    case "suppressed":
      return { status: "suppressed", messageId: message.id, reason: v.lastError as SuppressionReason };
    case "queued":
      return {
        status: "retrying",
        messageId: message.id,
        attempts: message.attempts,
        nextAttemptAt: v.scheduledAt!,
        error: v.lastError!,
      };
    case "failed":
      return { status: "failed", messageId: message.id, attempts: message.attempts, error: v.lastError! };
  }
}

/** Claims the due ones among `ids` (see the top): locked in id order, skipping those another
 * sender holds right now; answers them in claim order (priority, then scheduled time). */
async function claim(
  tx: Transaction,
  ids: readonly string[],
  now: Date,
  leaseSeconds: number,
): Promise<MessageRow[]> {
  // The ids as one array parameter: the statement's text is the same for any batch (see
  // write-back.ts), so it is planned as one short statement, not once per list.
  const list = sql`${sql.param([...ids])}::uuid[]`;
  const rows = await tx.execute<{
    id: string;
    account_id: string;
    contact_id: string;
    channel: MessageRow["channel"];
    purpose: MessageRow["purpose"];
    payload: string | Record<string, unknown>;
    attempts: number;
    journey_id: string | null;
    execution_id: string | null;
    node_id: string | null;
    campaign_id: string | null;
  }>(sql`
    with due as (
      select id from message_queue
       where id = any(${list})
         and ((status = 'queued' and scheduled_at <= ${now}::timestamptz)
              or (status = 'sending' and claimed_at < ${now}::timestamptz - make_interval(secs => ${leaseSeconds}::int)))
       order by id
         for update skip locked
    )
    update message_queue m
       set status = 'sending', attempts = m.attempts + 1, claimed_at = ${now}::timestamptz, dispatched_at = null,
           updated_at = ${now}::timestamptz
      from due
     where m.id = due.id and m.id = any(${list})
    returning m.id, m.account_id, m.contact_id, m.channel, m.purpose, m.payload, m.attempts, m.journey_id,
              m.execution_id, m.node_id, m.campaign_id, m.priority, m.scheduled_at`);
  return [...rows]
    .sort((a, b) => {
      const x = a as unknown as { priority: number; scheduled_at: string };
      const y = b as unknown as { priority: number; scheduled_at: string };
      return (
        y.priority - x.priority ||
        Date.parse(x.scheduled_at) - Date.parse(y.scheduled_at) ||
        (a.id < b.id ? -1 : 1)
      );
    })
    .map((r) => ({
      id: r.id,
      accountId: r.account_id,
      contactId: r.contact_id,
      channel: r.channel,
      purpose: r.purpose,
      // Raw rows carry jsonb as text (the driver leaves parsing to drizzle's column mappers).
      payload: typeof r.payload === "string" ? (JSON.parse(r.payload) as Record<string, unknown>) : r.payload,
      attempts: Number(r.attempts),
      claimedAt: now,
      journeyId: r.journey_id,
      executionId: r.execution_id,
      nodeId: r.node_id,
      campaignId: r.campaign_id,
    }));
}

/**
 * Moves claimed messages to their outcomes, only where the claim still holds, with their delivery
 * logs and (for those sent) their email_sent/sms_sent events: one statement. Answers the verdicts
 * recorded (the rest lost their claim).
 */
async function record(tx: Transaction, verdicts: readonly Verdict[], now: Date): Promise<Verdict[]> {
  if (verdicts.length === 0) return [];
  const at = sql`${now}::timestamptz`;
  const json = (value: unknown) => sql`${JSON.stringify(value)}::text::jsonb`;
  const values = verdicts.map((v) => {
    const m = v.message;
    const sent = v.status === "sent";
    const event = sent
      ? {
          messageId: m.id,
          executionId: m.executionId,
          nodeId: m.nodeId,
          providerMessageId: v.providerMessageId,
          ...(m.channel === "email" ? { subject: m.payload.subject } : {}),
        }
      : null;
    return {
      id: m.id,
      attempts: m.attempts,
      status: v.status,
      last_error: v.lastError,
      scheduled_at: v.scheduledAt?.toISOString() ?? null,
      sent_at: sent ? now.toISOString() : null,
      provider_message_id: v.providerMessageId ?? null,
      provider: v.provider ?? null,
      log_id: uuidv7(),
      log_status: v.status === "queued" ? "retrying" : v.status,
      log_detail: { attempt: m.attempts, ...v.log },
      event_id: uuidv7(),
      event_type: sent ? `${m.channel}_sent` : null,
      event_payload: event,
    };
  });
  // One jsonb parameter for all the rows (see write-back.ts: a short statement to plan).
  const rows = await tx.execute<{ id: string }>(sql`
    with v as (
      select * from jsonb_to_recordset(${json(values)}) as r(id uuid, attempts int, status message_status,
             last_error text, scheduled_at timestamptz, sent_at timestamptz, provider_message_id text, provider text,
             log_id uuid, log_status text, log_detail jsonb, event_id uuid, event_type text, event_payload jsonb)
    ), updated as (
      update message_queue m
         set status = v.status, last_error = v.last_error, scheduled_at = coalesce(v.scheduled_at, m.scheduled_at),
             sent_at = coalesce(v.sent_at, m.sent_at), provider_message_id = coalesce(v.provider_message_id, m.provider_message_id),
             provider = coalesce(v.provider, m.provider), updated_at = ${at}
        from v
       where m.id = v.id and m.status = 'sending' and m.attempts = v.attempts
         -- The ids again as an array, so the rows are found by primary key (see advance-execution.ts).
         and m.id = any(${sql.param(verdicts.map((x) => x.message.id))}::uuid[])
      returning m.id, m.account_id, m.contact_id, m.campaign_id, m.journey_id
    ), logs as (
      insert into delivery_logs (id, account_id, message_id, status, detail, created_at)
      select v.log_id, u.account_id, u.id, v.log_status, v.log_detail, ${at} from updated u join v on v.id = u.id
    ), events as (
      insert into marketing_events (id, account_id, contact_id, type, campaign_id, journey_id, payload, occurred_at)
      select v.event_id, u.account_id, u.contact_id, v.event_type, u.campaign_id, u.journey_id, v.event_payload, ${at}
        from updated u join v on v.id = u.id
       where v.event_type is not null
    )
    select id from updated`);
  const kept = new Set(rows.map((r) => r.id));
  return verdicts.filter((v) => kept.has(v.message.id));
}
