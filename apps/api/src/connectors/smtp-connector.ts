// E-mail over SMTP (nodemailer, SMTP_URL such as smtp://user:pass@mail.example.com:587). One
// message per recipient, so recipients never see each other's addresses and merge variables can
// be personal: {{email}}, {{name}}, {{first_name}}, {{last_name}} from the recipient's mailbox
// ("Ada Lovelace <ada@example.com>"), {{account_name}}, plus the defaults the content's template
// declares. The subject is the item's subject (or its title); the body goes as text and as HTML
// rendered by renderTemplate, which escapes the text and every value (markup stays inert).
//
// Each message's Message-ID is derived from the post and recipient, the same on every attempt:
// after a failed attempt the recipients already served get the same message again, which mail
// clients recognise as a duplicate.
import {
  type Connector,
  type PublishableContent,
  type PublishablePost,
  PublishError,
  parseMailbox,
  renderTemplate,
  type SmtpConfig,
} from "@markettina/domain";
import nodemailer from "nodemailer";

export interface SmtpConnector extends Connector {
  close(): void;
}

export function smtpConnector(options: { url: string; timeoutMs?: number }): SmtpConnector {
  const timeout = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async publish(post, content, connector) {
      const config = connector.config as SmtpConfig;
      const messages = config.to.map((to, i) => compose(post, content, config, to, i));
      const ids: string[] = [];
      for (const message of messages) {
        try {
          const info = await transport.sendMail(message);
          ids.push(info.messageId);
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          const detail = error instanceof Error ? error.message : String(error);
          const to = message.envelope.to;
          // 5xx: the server refuses for good (no such mailbox, relaying denied); 4xx and network
          // errors are temporary and worth another attempt.
          const permanent = code !== undefined && code >= 500 && code < 600;
          const sent = ids.length > 0 ? ` (${ids.length} of ${messages.length} sent)` : "";
          throw new PublishError(`SMTP delivery to ${to} failed${sent}: ${detail}`, {
            retryable: !permanent,
            cause: error,
          });
        }
      }
      return { externalId: `smtp:${ids.join(",")}` };
    },
    close: () => transport.close(),
  };
}

function compose(
  post: PublishablePost,
  content: PublishableContent,
  config: SmtpConfig,
  to: string,
  index: number,
) {
  const recipient = parseMailbox(to)!;
  const [first = "", ...rest] = (recipient.name ?? "").split(/\s+/).filter(Boolean);
  const values: Record<string, string> = {
    email: recipient.address,
    name: recipient.name ?? "",
    first_name: first,
    last_name: rest.join(" "),
    account_name: post.accountName,
  };
  const subject = renderTemplate(content.subject.trim() || content.title, values, content.variables);
  const body = renderTemplate(content.body, values, content.variables);
  const unknown = [...new Set([...subject.unknown, ...body.unknown])];
  if (unknown.length > 0) {
    throw new PublishError(
      `The content uses merge variables with no value: ${unknown.map((v) => `{{${v}}}`).join(", ")}.`,
      { retryable: false },
    );
  }
  const from = parseMailbox(config.from)!;
  const domain = from.address.split("@")[1];
  return {
    from: config.from,
    to,
    replyTo: config.replyTo,
    // One line: a subject with a line break would be folded into other headers.
    subject: subject.text.replace(/[\r\n]+/g, " "),
    text: body.text,
    html: `<!doctype html><html><body>${body.html}</body></html>`,
    messageId: `<${post.id}.${index + 1}@${domain}>`,
    envelope: { from: from.address, to: recipient.address },
  };
}
