// What the connector form edits, checked here as the API checks it (packages/domain
// src/content/connector-inputs.ts), so most mistakes show beside their field before a request.
// The API still decides: its userErrors ("config.to.1") are mapped back onto these fields.
import { z } from "zod";

export const CONNECTOR_KINDS = ["SMTP", "WEBHOOK", "LOG"] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export const KIND_LABELS: Record<ConnectorKind, string> = {
  SMTP: "Email (SMTP)",
  WEBHOOK: "Webhook",
  LOG: "Log",
};

/** What the API shows instead of a stored webhook header value; sent back, it keeps the value. */
export const HIDDEN_VALUE = "••••••";

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const MAILBOX = /^(?:([^<>"\r\n]*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;
const MAILBOX_HINT = "Use an address such as ada@example.com or Ada Lovelace <ada@example.com>.";

/** "ada@example.com" or "Ada Lovelace <ada@example.com>". */
export function isMailbox(value: string): boolean {
  const m = MAILBOX.exec(value.trim());
  return m !== null && ADDRESS.test(m[2] ?? m[3] ?? "");
}

/** Headers the publisher sets itself; the API refuses them in config. */
const RESERVED_HEADERS = new Set([
  "content-type",
  "content-length",
  "host",
  "idempotency-key",
  "transfer-encoding",
  "connection",
  "user-agent",
]);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
/** The API takes at most this many custom headers (the form offers no more rows). */
export const MAX_HEADERS = 20;

/** The recipients textarea, one mailbox a line (blank lines ignored). */
export const recipientLines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** The form, for one kind at a time; `storedHeaders` are the names whose hidden value may be kept. */
export function connectorFormInput(storedHeaders: readonly string[] = []) {
  return z
    .object({
      kind: z.enum(CONNECTOR_KINDS),
      name: z.string().trim().min(1, "Name the connector.").max(120, "Use at most 120 characters."),
      enabled: z.boolean(),
      from: z.string(),
      recipients: z.string(),
      replyTo: z.string(),
      url: z.string(),
      headers: z.array(z.object({ name: z.string(), value: z.string() })),
    })
    .superRefine((values, ctx) => {
      const issue = (path: (string | number)[], message: string) =>
        ctx.addIssue({ code: "custom", path, message });
      if (values.kind === "SMTP") {
        if (!isMailbox(values.from)) issue(["from"], MAILBOX_HINT);
        const lines = recipientLines(values.recipients);
        const wrong = lines.findIndex((line) => !isMailbox(line));
        if (lines.length === 0) issue(["recipients"], "Add at least one recipient.");
        else if (wrong >= 0)
          issue(["recipients"], `Line ${wrong + 1}: “${lines[wrong]}” is not an address. ${MAILBOX_HINT}`);
        else if (lines.length > 50) issue(["recipients"], "At most 50 recipients.");
        if (values.replyTo.trim() !== "" && !isMailbox(values.replyTo)) issue(["replyTo"], MAILBOX_HINT);
      }
      if (values.kind === "WEBHOOK") {
        if (!isHttpUrl(values.url.trim())) issue(["url"], "Use an http:// or https:// address.");
        const seen = new Set<string>();
        values.headers.forEach((header, i) => {
          const name = header.name.trim();
          const lower = name.toLowerCase();
          if (!HEADER_NAME.test(name)) issue(["headers", i, "name"], "Use a header name such as X-Api-Key.");
          else if (RESERVED_HEADERS.has(lower) || lower.startsWith("x-markettina-"))
            issue(["headers", i, "name"], "This header is set by Markettina itself.");
          else if (seen.has(lower)) issue(["headers", i, "name"], "Each header once.");
          seen.add(lower);
          if (/[\r\n]/.test(header.value)) issue(["headers", i, "value"], "A header value is one line.");
          else if (header.value === HIDDEN_VALUE && !storedHeaders.includes(name))
            issue(["headers", i, "value"], "Enter the value: only an unchanged header keeps its stored one.");
        });
      }
    });
}
export type ConnectorFormValues = z.infer<ReturnType<typeof connectorFormInput>>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const EMPTY_CONNECTOR_FORM: ConnectorFormValues = {
  kind: "WEBHOOK",
  name: "",
  enabled: true,
  from: "",
  recipients: "",
  replyTo: "",
  url: "",
  headers: [],
};

/** The config the API stores for this kind (the whole of it: an update replaces it). */
export function toConnectorConfig(values: ConnectorFormValues): Record<string, unknown> {
  if (values.kind === "SMTP") {
    const replyTo = values.replyTo.trim();
    return {
      from: values.from.trim(),
      to: recipientLines(values.recipients),
      ...(replyTo ? { replyTo } : {}),
    };
  }
  if (values.kind === "WEBHOOK") {
    const headers = values.headers.map((h) => [h.name.trim(), h.value] as const);
    return { url: values.url.trim(), ...(headers.length ? { headers: Object.fromEntries(headers) } : {}) };
  }
  return {};
}

type StoredConnector = { kind: ConnectorKind; name: string; enabled: boolean; config: unknown };

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/** A stored connector as form values (its config as the API shows it: header values hidden). */
export function toConnectorForm(connector: StoredConnector): ConnectorFormValues {
  const config = (connector.config ?? {}) as Record<string, unknown>;
  const to = Array.isArray(config.to) ? config.to.map(text) : [];
  const headers = typeof config.headers === "object" && config.headers !== null ? config.headers : {};
  return {
    ...EMPTY_CONNECTOR_FORM,
    kind: connector.kind,
    name: connector.name,
    enabled: connector.enabled,
    from: text(config.from),
    recipients: to.join("\n"),
    replyTo: text(config.replyTo),
    url: text(config.url),
    headers: Object.entries(headers).map(([name, value]) => ({ name, value: text(value) })),
  };
}

type FormField = "name" | "enabled" | "from" | "recipients" | "replyTo" | "url";

/** The form field an API userError names ("config.to.2" → recipients); null: none of them. */
export function formFieldOf(apiField: string | null): FormField | null {
  const path = (apiField ?? "").replace(/^input\./, "").split(".");
  if (path[0] === "name" || path[0] === "enabled") return path[0];
  if (path[0] !== "config") return null;
  const field = path[1];
  if (field === "to") return "recipients";
  if (field === "from" || field === "replyTo" || field === "url") return field;
  return null;
}
