// The publishing job's body: one scheduled post goes out through its connector, at most once.
//
// Publish-once protocol. A post may be handed to this function more than once at the same time
// (a duplicated job, two workers, the dispatcher sending again), so the database decides who
// publishes, in three short transactions, each in the post's tenant scope as the system:
//
//   1. Claim. One UPDATE moves the post to 'publishing', counts the attempt and stamps claimed_at,
//      but only if it is due: scheduled and past its time (or its backoff), or stuck in
//      'publishing' longer than the lease (the worker that claimed it died). A concurrent claim
//      waits on the row lock, then re-checks the condition against the committed row and finds
//      it claimed: it matches nothing and stops. The claim commits before anything is sent.
//   2. Deliver, outside any transaction: no row lock or open transaction is held while a remote
//      server takes its time. Connectors bound their I/O well within the lease, so a live claim
//      is never taken over.
//   3. Record. Published (published_at, external_id; the content item becomes published too) or,
//      on failure, back to 'scheduled' with a backoff, or 'failed' after the last attempt. Either
//      update only applies while the post is still claimed by this attempt (status 'publishing'
//      and the attempt number it claimed), so a late finisher never overwrites a newer outcome.
//
// What this cannot rule out is a worker dying after a delivery and before step 3: the lease
// expires and the post is delivered again. Receivers can tell: webhooks carry the post id as
// Idempotency-Key, e-mails a Message-ID made from it.
import { type Database, schema, type TenantScope, type Transaction, withTenant } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { type OperationContext, systemActor } from "../context.ts";
import { DomainError } from "../errors.ts";
import { recordChange } from "../platform/record-change.ts";
import {
  type ConnectorRow,
  type Connectors,
  type PublishableContent,
  type PublishablePost,
  PublishError,
} from "./connector-port.ts";
import { markContentPublished } from "./content-status.ts";

/** How long a claim holds before another worker may take the post over (app.due_posts uses the same). */
export const PUBLISH_LEASE_SECONDS = 300;

export interface PublishOptions {
  /** Attempts before the post is marked failed (default 5). */
  maxAttempts?: number;
  /** Wait after the first failure; doubled after each further one (default 30 s). */
  backoffBaseMs?: number;
  /** The longest wait between attempts (default 1 hour). */
  backoffMaxMs?: number;
  leaseSeconds?: number;
}

export interface PublishJob {
  accountId: string;
  postId: string;
}

export type PublishOutcome =
  /** Not due, already claimed by another run, or already published: nothing was sent. */
  | { status: "skipped"; postId: string }
  | { status: "published"; postId: string; externalId: string; attempts: number; contentNote?: string }
  | { status: "retrying"; postId: string; attempts: number; nextAttemptAt: Date; error: string }
  | { status: "failed"; postId: string; attempts: number; error: string }
  /** The claim lapsed during the delivery and another attempt owns the post now: this one's
   * outcome (delivered, with its external id, or failed) is not recorded. */
  | { status: "lost-claim"; postId: string; externalId: string | null };

type PostRow = typeof schema.scheduledPosts.$inferSelect;

/** The wait before attempt n + 1 after n failed ones: base · 2^(n−1), capped. */
export const backoffDelayMs = (attempts: number, baseMs = 30_000, maxMs = 3_600_000): number =>
  Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));

const MAX_ERROR_LENGTH = 2_000;

export async function publishPost(
  db: Database,
  connectors: Connectors,
  job: PublishJob,
  options: PublishOptions = {},
): Promise<PublishOutcome> {
  const maxAttempts = options.maxAttempts ?? 5;
  const lease = options.leaseSeconds ?? PUBLISH_LEASE_SECONDS;
  const scope: TenantScope = {
    accountId: job.accountId,
    accountIds: [job.accountId],
    userId: null,
    apiKeyId: null,
  };
  const inTenant = <T>(fn: (ctx: OperationContext) => Promise<T>) =>
    withTenant(db, scope, (tx) =>
      fn({ tx, actor: systemActor, accountId: job.accountId, role: null, scopes: null, scope }),
    );

  // 1. Claim (and read what the delivery needs, as of the claim).
  const claim = await inTenant(async ({ tx }) => {
    const post = await claimPost(tx, job, lease);
    return post ? { post, ...(await loadDelivery(tx, post)) } : null;
  });
  if (!claim) return { status: "skipped", postId: job.postId };
  const { post } = claim;

  // 2. Deliver, outside any transaction.
  let externalId: string;
  try {
    const connector = usableConnector(connectors, claim.connector, claim.contentStatus);
    ({ externalId } = await connector.publish(claim.publishable, claim.content, claim.connector));
  } catch (error) {
    // 3b. Failed: try again later, or give up.
    const message = errorMessage(error);
    const retry = !(error instanceof PublishError && !error.retryable) && post.attempts < maxAttempts;
    const delay = backoffDelayMs(post.attempts, options.backoffBaseMs, options.backoffMaxMs);
    const after = await inTenant(async (ctx) => {
      const [row] = await ctx.tx
        .update(schema.scheduledPosts)
        .set({
          status: retry ? "scheduled" : "failed",
          nextAttemptAt: retry ? sql`now() + ${delay} * interval '1 millisecond'` : null,
          lastError: message,
        })
        .where(stillClaimed(post))
        .returning();
      if (row && !retry) {
        await recordChange(ctx, {
          action: "scheduled_post.failed",
          entityType: "scheduled_post",
          entityId: post.id,
          after: row,
        });
      }
      return row;
    });
    if (!after) return { status: "lost-claim", postId: post.id, externalId: null };
    return retry
      ? {
          status: "retrying",
          postId: post.id,
          attempts: post.attempts,
          nextAttemptAt: after.nextAttemptAt!,
          error: message,
        }
      : { status: "failed", postId: post.id, attempts: post.attempts, error: message };
  }

  // 3a. Published.
  return inTenant(async (ctx) => {
    const [row] = await ctx.tx
      .update(schema.scheduledPosts)
      .set({ status: "published", publishedAt: sql`now()`, externalId, lastError: null, nextAttemptAt: null })
      .where(stillClaimed(post))
      .returning();
    if (!row) return { status: "lost-claim" as const, postId: post.id, externalId };
    // The post went out whatever the item's state now: if it was edited back to a draft meanwhile,
    // the post stays published and the item keeps its status (noted in the outcome). The item's
    // lock is taken after the post's, the order content-status.ts asks for.
    let contentNote: string | undefined;
    try {
      await ctx.tx.transaction((savepoint) =>
        markContentPublished(savepoint, job.accountId, post.contentItemId),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      contentNote = error.message;
    }
    await recordChange(ctx, {
      action: "scheduled_post.published",
      entityType: "scheduled_post",
      entityId: post.id,
      after: row,
    });
    return { status: "published" as const, postId: post.id, externalId, attempts: row.attempts, contentNote };
  });
}

async function claimPost(tx: Transaction, job: PublishJob, leaseSeconds: number): Promise<PostRow | null> {
  const p = schema.scheduledPosts;
  const [post] = await tx
    .update(p)
    .set({ status: "publishing", attempts: sql`${p.attempts} + 1`, claimedAt: sql`now()` })
    .where(
      sql`${p.accountId} = ${job.accountId} and ${p.id} = ${job.postId}
          and ((${p.status} = 'scheduled' and coalesce(${p.nextAttemptAt}, ${p.scheduledAt}) <= now())
               or (${p.status} = 'publishing'
                   and ${p.claimedAt} < now() - make_interval(secs => ${leaseSeconds})))`,
    )
    .returning();
  return post ?? null;
}

/** The post is still in the hands of the attempt that claimed it. */
const stillClaimed = (post: PostRow) => {
  const p = schema.scheduledPosts;
  return and(
    eq(p.accountId, post.accountId),
    eq(p.id, post.id),
    eq(p.status, "publishing"),
    eq(p.attempts, post.attempts),
  );
};

async function loadDelivery(tx: Transaction, post: PostRow) {
  const i = schema.contentItems;
  const c = schema.connectors;
  const a = schema.accounts;
  const t = schema.contentTemplates;
  const [row] = await tx
    .select({ item: i, connector: c, accountName: a.name, variables: t.variables })
    .from(i)
    .innerJoin(c, and(eq(c.accountId, i.accountId), eq(c.id, post.connectorId)))
    .innerJoin(a, eq(a.id, i.accountId))
    .leftJoin(t, and(eq(t.accountId, i.accountId), eq(t.id, i.templateId)))
    .where(and(eq(i.accountId, post.accountId), eq(i.id, post.contentItemId)));
  // Both are foreign keys of the post: they exist.
  const { item, connector, accountName, variables } = row!;
  const publishable: PublishablePost = {
    id: post.id,
    accountId: post.accountId,
    accountName,
    channel: post.channel,
    campaignId: post.campaignId,
    scheduledAt: post.scheduledAt,
    timeZone: post.timeZone,
    attempt: post.attempts,
  };
  const content: PublishableContent = {
    id: item.id,
    type: item.type,
    title: item.title,
    subject: item.subject,
    body: item.body,
    variables: variables ?? [],
  };
  return { publishable, content, connector, contentStatus: item.status };
}

/** The implementation for the post's connector, or why the post cannot go out (not retried:
 * waiting does not change any of these). */
function usableConnector(connectors: Connectors, row: ConnectorRow, contentStatus: string) {
  if (!row.enabled) {
    throw new PublishError(`The connector "${row.name}" is disabled.`, { retryable: false });
  }
  if (contentStatus !== "approved" && contentStatus !== "published") {
    throw new PublishError(`Only approved content is published; this item is ${contentStatus}.`, {
      retryable: false,
    });
  }
  const connector = connectors[row.kind];
  if (!connector) {
    const hint = row.kind === "smtp" ? " (set SMTP_URL)" : "";
    throw new PublishError(`This server has no ${row.kind} connector configured${hint}.`, {
      retryable: false,
    });
  }
  return connector;
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || "Publishing failed.").slice(0, MAX_ERROR_LENGTH);
}
