// What each connector kind is configured with, shared by create and update, and what of it may be
// shown again. Config is jsonb, so it is checked here, per kind, every time it is written:
//   smtp     { from, to: [mailbox, …], replyTo? }  — recipients for now (contacts and segments
//            come later); a mailbox is "ada@example.com" or "Ada Lovelace <ada@example.com>"
//   webhook  { url (http/https), headers? }         — signed with the connector's own secret
//   log      { }                                     — the demo: writes a line to the server log
import { z } from "zod";
import { DomainError } from "../errors.ts";
import type { ConnectorRow } from "./connector-port.ts";

export const CONNECTOR_KINDS = ["smtp", "webhook", "log"] as const;

export const ConnectorName = z.string().trim().min(1, "Name the connector.").max(120);

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const MAILBOX = /^(?:([^<>"\r\n]*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;

/** A mailbox split into its display name (if any) and address. */
export function parseMailbox(mailbox: string): { name: string | null; address: string } | null {
  const m = MAILBOX.exec(mailbox.trim());
  if (!m) return null;
  const address = (m[2] ?? m[3])!;
  if (!ADDRESS.test(address)) return null;
  const name = m[1]?.trim() || null;
  return { name, address };
}

// CR and LF are refused everywhere a value can reach a header (no header injection).
const Mailbox = z
  .string()
  .trim()
  .max(320)
  .refine((s) => !/[\r\n]/.test(s) && parseMailbox(s) !== null, {
    message: "Use an address such as ada@example.com or Ada Lovelace <ada@example.com>.",
  });

export const SmtpConfig = z
  .object({
    from: Mailbox,
    to: z
      .array(Mailbox)
      .min(1, "Add at least one recipient.")
      .max(50, "At most 50 recipients.")
      .transform((list) => [...new Set(list)]),
    replyTo: Mailbox.optional(),
  })
  .strict();

/** Headers the publisher sets itself (signature, idempotency, framing): never taken from config. */
const RESERVED_HEADERS = new Set([
  "content-type",
  "content-length",
  "host",
  "idempotency-key",
  "transfer-encoding",
  "connection",
  "user-agent",
]);

const HeaderName = z
  .string()
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, "Use a header name such as X-Api-Key.")
  .refine(
    (name) => !RESERVED_HEADERS.has(name.toLowerCase()) && !name.toLowerCase().startsWith("x-markettina-"),
    "This header is set by Markettina itself.",
  );

export const WebhookConfig = z
  .object({
    url: z.url({ protocol: /^https?$/, message: "Use an http:// or https:// address." }).max(2_000),
    headers: z
      .record(
        HeaderName,
        z
          .string()
          .max(2_000)
          .regex(/^[^\r\n]*$/, "A header value is one line."),
      )
      .refine((h) => Object.keys(h).length <= 20, "At most 20 headers.")
      .optional(),
  })
  .strict();

export const LogConfig = z.object({}).strict();

export const CONFIG_SCHEMAS = { smtp: SmtpConfig, webhook: WebhookConfig, log: LogConfig } as const;

export type SmtpConfig = z.output<typeof SmtpConfig>;
export type WebhookConfig = z.output<typeof WebhookConfig>;
export type ConnectorConfig = SmtpConfig | WebhookConfig | Record<string, never>;

/** Checks `raw` against the kind's schema; every issue becomes INVALID on `config.<path>`. */
export function parseConnectorConfig(kind: ConnectorRow["kind"], raw: unknown): Record<string, unknown> {
  const result = CONFIG_SCHEMAS[kind].safeParse(raw ?? {});
  if (result.success) return result.data as Record<string, unknown>;
  throw new DomainError(
    result.error.issues.map((issue) => ({
      field: ["config", ...issue.path].join("."),
      code: "INVALID" as const,
      message: issue.message,
    })),
  );
}

/** What stands in for a webhook header's value wherever config is shown: header values often
 * carry credentials. Sent back unchanged in an update, it keeps the stored value. */
export const HIDDEN_VALUE = "••••••";

/** The config as it may be shown to people and written to the audit log (no credentials). */
export function publicConfig(connector: Pick<ConnectorRow, "kind" | "config">): Record<string, unknown> {
  if (connector.kind !== "webhook") return connector.config;
  const config = connector.config as WebhookConfig;
  if (!config.headers) return config;
  return {
    ...config,
    headers: Object.fromEntries(Object.keys(config.headers).map((name) => [name, HIDDEN_VALUE])),
  };
}

/** A webhook config sent back from the console: hidden header values keep the stored ones. */
export function keepHiddenValues(
  kind: ConnectorRow["kind"],
  next: unknown,
  stored: Record<string, unknown>,
): unknown {
  if (kind !== "webhook" || typeof next !== "object" || next === null) return next;
  const headers = (next as { headers?: unknown }).headers;
  if (typeof headers !== "object" || headers === null) return next;
  const old = (stored as WebhookConfig).headers ?? {};
  return {
    ...next,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [
        name,
        value === HIDDEN_VALUE && Object.hasOwn(old, name) ? old[name] : value,
      ]),
    ),
  };
}

/** A connector row as the audit log and domain events keep it: no secret, no header values. */
export const connectorSnapshot = (row: ConnectorRow) => {
  const { secret: _secret, ...rest } = row;
  return { ...rest, config: publicConfig(row), signed: row.secret !== null };
};
