// Outgoing webhook: POSTs the post as JSON to the configured URL, signed so the receiver can tell
// it came from us and was not replayed later:
//   X-Markettina-Timestamp: unix seconds when it was sent
//   X-Markettina-Signature: v1=<hex HMAC-SHA256(signing secret, timestamp + "." + raw body)>
//   Idempotency-Key: the post id — the same on every attempt, so a receiver that saw a delivery
//   whose answer never reached us (timeout) recognises the retry.
// Any answer but 2xx is a failure and retried with backoff; redirects are not followed.
import { createHmac, randomUUID } from "node:crypto";
import { type Connector, PublishError, type WebhookConfig } from "@markettina/domain";

export const SIGNATURE_HEADER = "x-markettina-signature";
export const TIMESTAMP_HEADER = "x-markettina-timestamp";

/** The signature a delivery carries (receivers compute the same to verify it). */
export const signWebhook = (secret: string, timestamp: string, rawBody: string): string =>
  `v1=${createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex")}`;

export function webhookConnector(options: { timeoutMs?: number } = {}): Connector {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async publish(post, content, connector) {
      const config = connector.config as WebhookConfig;
      if (!connector.secret) {
        throw new PublishError("The webhook has no signing secret: rotate it to make one.", {
          retryable: false,
        });
      }
      const deliveryId = randomUUID();
      const body = JSON.stringify({
        id: deliveryId,
        postId: post.id,
        accountId: post.accountId,
        channel: post.channel,
        contentItem: { title: content.title, subject: content.subject, body: content.body },
        scheduledAt: post.scheduledAt.toISOString(),
        publishedAt: new Date().toISOString(),
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      let response: Response;
      try {
        response = await fetch(config.url, {
          method: "POST",
          headers: {
            ...config.headers,
            "content-type": "application/json",
            "user-agent": "Markettina-Webhooks/1",
            "idempotency-key": post.id,
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: signWebhook(connector.secret, timestamp, body),
          },
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === "TimeoutError") {
          throw new Error(`The webhook did not answer within ${timeoutMs / 1000} s.`, { cause: error });
        }
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new Error(
          `The webhook could not be reached: ${cause?.code ?? cause?.message ?? String(error)}.`,
          {
            cause: error,
          },
        );
      }
      // The answer's body is not used: drop it rather than buffer whatever the receiver sends.
      await response.body?.cancel();
      if (!response.ok) {
        throw new Error(
          `The webhook answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
        );
      }
      return { externalId: `webhook:${deliveryId}` };
    },
  };
}
