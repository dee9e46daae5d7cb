// The provider when none is configured (no SMTP_URL, no SMS_HTTP_URL): the message is "sent" as one
// structured log line, so journeys can be built and watched without a mail server or SMS gateway.
import type { MessageProvider } from "@markettina/domain";
import type { Logger } from "../logger.ts";

export function logMessageProvider(logger: Logger): MessageProvider {
  return {
    name: "log",
    async send(message) {
      const p = message.payload as { to?: string; subject?: string };
      logger.info(
        {
          message: {
            id: message.id,
            accountId: message.accountId,
            contactId: message.contactId,
            attempt: message.attempt,
          },
          channel: message.channel,
          to: p.to,
          subject: p.subject,
        },
        "message sent (log provider)",
      );
      return { providerMessageId: `log:${message.id}` };
    },
  };
}
