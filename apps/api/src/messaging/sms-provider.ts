// SMS through an HTTP gateway: POST {SMS_HTTP_URL} with JSON { id, to, text } and
// `Authorization: Bearer {SMS_HTTP_TOKEN}`. `id` (also sent as Idempotency-Key) is the message_queue
// row id, the same on every attempt, so a gateway can drop a resend after a crash. The gateway's
// own id is taken from the answer's `id` field when it gives one. 4xx answers (except 408 and 429)
// are refusals that retrying cannot fix; 5xx, 408, 429 and network errors are retried.
import { type MessageProvider, MessageSendError } from "@markettina/domain";

export function httpSmsProvider(options: {
  url: string;
  token: string | null;
  timeoutMs?: number;
}): MessageProvider {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: "sms_http",
    async send(message) {
      const p = message.payload as { to: string; text: string };
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Markettina-SMS/1",
            "idempotency-key": message.id,
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ id: message.id, to: p.to, text: p.text }),
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new MessageSendError(
          `The SMS gateway could not be reached: ${cause?.code ?? cause?.message ?? (error as Error).message}.`,
          { retryable: true, cause: error },
        );
      }
      const body = await response.text();
      if (!response.ok) {
        const permanent =
          response.status >= 400 &&
          response.status < 500 &&
          response.status !== 408 &&
          response.status !== 429;
        throw new MessageSendError(
          `The SMS gateway answered HTTP ${response.status}: ${body.slice(0, 200)}`,
          {
            retryable: !permanent,
          },
        );
      }
      let gatewayId: unknown = null;
      try {
        gatewayId = (JSON.parse(body) as { id?: unknown }).id;
      } catch {
        // Not JSON: the gateway accepted it without telling us its id.
      }
      return {
        providerMessageId: typeof gatewayId === "string" && gatewayId ? gatewayId : `sms_http:${message.id}`,
      };
    },
  };
}
