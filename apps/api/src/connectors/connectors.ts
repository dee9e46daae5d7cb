// The connector implementations this process has, by kind, for the worker's publishing job.
// SMTP exists only with SMTP_URL set; without it, e-mail posts fail saying so.
import type { Connectors } from "@markettina/domain";
import type { Logger } from "../logger.ts";
import { logConnector } from "./log-connector.ts";
import { smtpConnector } from "./smtp-connector.ts";
import { webhookConnector } from "./webhook-connector.ts";

export function createConnectors(options: { smtpUrl: string | null; logger: Logger }): {
  connectors: Connectors;
  close: () => void;
} {
  const smtp = options.smtpUrl ? smtpConnector({ url: options.smtpUrl }) : undefined;
  return {
    connectors: { log: logConnector(options.logger), webhook: webhookConnector(), smtp },
    close: () => smtp?.close(),
  };
}
