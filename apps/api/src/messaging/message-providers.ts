// The providers this process sends marketing messages through, by channel: e-mail over SMTP when
// SMTP_URL is set, SMS over HTTP when SMS_HTTP_URL is set, the log provider otherwise.
import type { MessageProviders } from "@markettina/domain";
import type { Logger } from "../logger.ts";
import { smtpEmailProvider } from "./email-provider.ts";
import { logMessageProvider } from "./log-provider.ts";
import { httpSmsProvider } from "./sms-provider.ts";

export interface MessagingConfig {
  smtpUrl: string | null;
  mailFrom: string;
  smsHttpUrl: string | null;
  smsHttpToken: string | null;
}

export function createMessageProviders(
  config: MessagingConfig,
  logger: Logger,
): {
  providers: MessageProviders;
  /** The provider name per channel, recorded on queued messages. */
  names: Record<"email" | "sms" | "push", string>;
  close: () => void;
} {
  const log = logMessageProvider(logger);
  const email = config.smtpUrl ? smtpEmailProvider({ url: config.smtpUrl, from: config.mailFrom }) : null;
  const sms = config.smsHttpUrl
    ? httpSmsProvider({ url: config.smsHttpUrl, token: config.smsHttpToken })
    : null;
  const providers: MessageProviders = { email: email ?? log, sms: sms ?? log, push: log };
  return {
    providers,
    names: { email: providers.email!.name, sms: providers.sms!.name, push: log.name },
    close: () => email?.close(),
  };
}
