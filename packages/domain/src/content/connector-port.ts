// Where a scheduled post goes out: one interface for every connector kind (SMTP, webhook, log and,
// later, social networks). The implementations live with the application (apps/api/src/connectors),
// so the domain never imports a mail or HTTP client; the publisher (publish-post.ts) hands each one
// the post, its content and the connector's row.
import type { schema } from "@markettina/db";
import type { TemplateVariable } from "./render-template.ts";

export type ConnectorRow = typeof schema.connectors.$inferSelect;

/** The post being published, with what a connector may need to address or label it. */
export interface PublishablePost {
  id: string;
  accountId: string;
  accountName: string;
  channel: (typeof schema.scheduledPosts.$inferSelect)["channel"];
  campaignId: string | null;
  scheduledAt: Date;
  timeZone: string;
  /** Which attempt this is (1 for the first): the same post may be delivered again only after a
   * failed attempt, so receivers dedupe on the post id (webhook Idempotency-Key, e-mail Message-ID). */
  attempt: number;
}

/** The content item as it is when the post goes out. */
export interface PublishableContent {
  id: string;
  type: (typeof schema.contentItems.$inferSelect)["type"];
  title: string;
  subject: string;
  body: string;
  /** The merge variables the item's template declares (defaults), if it came from one. */
  variables: readonly TemplateVariable[];
}

export interface PublishResult {
  /** The receiving system's reference for what was published (message ids, delivery id, …). */
  externalId: string;
}

export interface Connector {
  /** Delivers the post. Resolves once the receiver accepted it; throws when it did not. Must finish
   * well within the publishing lease (PUBLISH_LEASE_SECONDS): implementations bound their I/O. */
  publish(
    post: PublishablePost,
    content: PublishableContent,
    connector: ConnectorRow,
  ): Promise<PublishResult>;
}

/** The connector implementations the worker has, by kind. A kind that is missing (SMTP without
 * SMTP_URL) fails its posts with a message saying so. */
export type Connectors = Partial<Record<ConnectorRow["kind"], Connector>>;

/**
 * A failed delivery. `retryable: false` means trying again cannot help (bad configuration, a
 * variable with no value, a receiver refusing the request as malformed): the post fails at once
 * instead of waiting through the backoff. Any other error thrown by a connector is retried.
 */
export class PublishError extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "PublishError";
    this.retryable = options.retryable;
  }
}
