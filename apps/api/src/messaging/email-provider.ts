// Marketing e-mail over SMTP (nodemailer, SMTP_URL), from MAIL_FROM. The message is what the journey
// rendered when it queued it (subject, text, HTML with the unsubscribe footer, List-Unsubscribe
// headers). Its Message-ID is made from the message_queue row id, the same on every attempt: if a
// sender dies after the server accepted a message and before recording it, the resend carries the
// same Message-ID, which receivers and mail clients recognise as a duplicate.
import { type MessageProvider, MessageSendError, parseMailbox } from "@markettina/domain";
import nodemailer from "nodemailer";

export interface SmtpEmailProvider extends MessageProvider {
  close(): void;
}

export function smtpEmailProvider(options: {
  url: string;
  from: string;
  timeoutMs?: number;
  /** Connections kept open to the server (messages go out in parallel over them). */
  maxConnections?: number;
}): SmtpEmailProvider {
  const timeout = options.timeoutMs ?? 20_000;
  const from = parseMailbox(options.from);
  if (!from) throw new Error(`MAIL_FROM is not an address: ${options.from}`);
  const domain = from.address.split("@")[1];
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 10,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    name: "smtp",
    async send(message) {
      const p = message.payload as {
        to: string;
        subject: string;
        text: string;
        html: string;
        headers?: Record<string, string>;
      };
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: p.to,
          subject: p.subject,
          text: p.text,
          html: p.html,
          headers: p.headers ?? {},
          messageId: `<${message.id}@${domain}>`,
          envelope: { from: from.address, to: p.to },
        });
        return { providerMessageId: info.messageId };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        const detail = error instanceof Error ? error.message : String(error);
        // 5xx: refused for good (no such mailbox, relaying denied); 4xx and network errors are
        // temporary and worth another attempt.
        const permanent = code !== undefined && code >= 500 && code < 600;
        throw new MessageSendError(`SMTP delivery to ${p.to} failed: ${detail}`, {
          retryable: !permanent,
          cause: error,
        });
      }
    },
    close: () => transport.close(),
  };
}
