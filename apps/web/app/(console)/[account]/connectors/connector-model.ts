// A listed connector and how the list sums up where it sends.
import type { ConnectorKind } from "@/components/connectors/connector-form-input";
import type { ResultOf } from "@/lib/graphql/graphql";
import type { ConnectorsQuery } from "./connectors-operations";

export type Connector = ResultOf<typeof ConnectorsQuery>["connectors"]["nodes"][number];

/** Queries showing connectors: this list, and the calendar's choice of where a post goes. */
export const CONNECTOR_QUERIES = ["Connectors", "ScheduleOptions"] as const;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** "news@bakery.test → 3 recipients", "hooks.example.com", "Server log"; null when the config is
 * not shown to this person (only owners and admins see where connectors send). */
export function targetSummary(kind: ConnectorKind, config: unknown): string | null {
  if (kind === "LOG") return "Server log";
  if (typeof config !== "object" || config === null) return null;
  const c = config as { from?: unknown; to?: unknown; url?: unknown };
  if (kind === "SMTP") {
    const count = Array.isArray(c.to) ? c.to.length : 0;
    return `${typeof c.from === "string" ? c.from : "?"} → ${plural(count, "recipient")}`;
  }
  try {
    return new URL(String(c.url)).host;
  } catch {
    return String(c.url ?? "");
  }
}

/** The webhook header names stored (their values stay hidden). */
export function storedHeaderNames(config: unknown): string[] {
  const headers = (config as { headers?: unknown } | null)?.headers;
  return typeof headers === "object" && headers !== null ? Object.keys(headers) : [];
}
