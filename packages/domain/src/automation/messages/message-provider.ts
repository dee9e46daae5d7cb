// Where a queued message goes out, as the domain sees it: one interface per channel (e-mail over
// SMTP, SMS over HTTP, or the log provider when nothing is configured). The implementations live
// with the application (apps/api/src/messaging), so the domain imports no mail or HTTP client.
export type MessageChannel = "email" | "sms" | "push";

export interface OutgoingMessage {
  /** The message_queue row id: stable across attempts, so providers derive the e-mail Message-ID
   * (and an SMS idempotency key) from it and a resend after a crash is recognisably the same. */
  id: string;
  accountId: string;
  contactId: string;
  channel: MessageChannel;
  /** The rendered message: to, subject, text, html, headers (email) or to, text (sms). */
  payload: Record<string, unknown>;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface MessageProvider {
  /** Stable name recorded on the message (smtp, sms_http, log). */
  readonly name: string;
  /** Resolves once the receiving server accepted the message; throws when it did not. Must finish
   * well within the sender's lease: implementations bound their I/O. */
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>;
}

export type MessageProviders = Partial<Record<MessageChannel, MessageProvider>>;

/** A failed send. `retryable: false`: trying again cannot help (a refused mailbox, a malformed
 * number), the message fails at once. Any other error is retried with backoff. */
export class MessageSendError extends Error {
  readonly retryable: boolean;
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = "MessageSendError";
    this.retryable = options.retryable;
  }
}
