// The http_request step's port: one HTTP call per attempt, only to the hosts the server allows
// (WORKFLOW_HTTP_ALLOWED_HOSTS; loopback addresses only outside production). Every attempt carries
// the step's idempotency key (`<instance>:<step>`, the same on every attempt and after a crash) as
// Idempotency-Key, so a receiver can drop a repeat the engine could not rule out (a worker dying
// after the call and before recording it). The step's timeout aborts the call (run.signal).
// 5xx, 408, 429 and network errors are worth another attempt; other 4xx are not; redirects are not
// followed (they could leave the allowed hosts).
import type { StepOutcome, StepRun } from "@markettina/domain";

export interface HttpStepOptions {
  /** Host names calls may go to: exact ("api.example.com") or a domain and its subdomains
   * ("*.example.com"). */
  allowedHosts: readonly string[];
  /** 127.0.0.0/8, ::1 and localhost (development and tests only). */
  allowLoopback: boolean;
  /** The largest response body read (default 1 MB). */
  maxResponseBytes?: number;
  /** A bound when the step has no timeout of its own (default 5 minutes). */
  defaultTimeoutMs?: number;
  fetch?: typeof fetch;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/** Parses a comma list of hosts (WORKFLOW_HTTP_ALLOWED_HOSTS). */
export const parseAllowedHosts = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

export function hostAllowed(
  hostname: string,
  options: Pick<HttpStepOptions, "allowedHosts" | "allowLoopback">,
): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (LOOPBACK.test(host)) return options.allowLoopback;
  return options.allowedHosts.some((allowed) =>
    allowed.startsWith("*.")
      ? host === allowed.slice(2) || host.endsWith(allowed.slice(1))
      : host === allowed,
  );
}

const failed = (message: string, retryable: boolean, code?: string): StepOutcome => ({
  status: "failed",
  error: { message, ...(code ? { code } : {}) },
  retryable,
});

export function httpStep(options: HttpStepOptions): (run: StepRun) => Promise<StepOutcome> {
  const doFetch = options.fetch ?? fetch;
  const maxBytes = options.maxResponseBytes ?? 1_000_000;
  return async (run) => {
    const p = run.parameters as {
      method?: string;
      url?: string;
      headers?: Record<string, string>;
      body?: unknown;
    };
    let url: URL;
    try {
      url = new URL(String(p.url ?? ""));
    } catch {
      return failed(`Not a URL: ${String(p.url)}`, false, "INVALID_URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return failed(`Only http and https URLs are called, not ${url.protocol}`, false, "INVALID_URL");
    }
    if (!hostAllowed(url.hostname, options)) {
      return failed(`The host ${url.hostname} is not among the allowed hosts.`, false, "HOST_NOT_ALLOWED");
    }
    const method = (p.method ?? "POST").toUpperCase();
    const hasBody = p.body !== undefined && method !== "GET" && method !== "DELETE";
    const headers: Record<string, string> = {
      accept: "application/json",
      ...(hasBody ? { "content-type": "application/json" } : {}),
      // Header names are case-insensitive: a definition's own Idempotency-Key (any spelling) is
      // dropped, it cannot replace the key the engine's exactly-once story relies on.
      ...Object.fromEntries(
        Object.entries(p.headers ?? {}).filter(([name]) => name.toLowerCase() !== "idempotency-key"),
      ),
      "idempotency-key": run.idempotencyKey,
    };
    const signal = AbortSignal.any([run.signal, AbortSignal.timeout(options.defaultTimeoutMs ?? 300_000)]);
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: hasBody ? JSON.stringify(p.body) : undefined,
        redirect: "manual",
        signal,
      });
    } catch (error) {
      const timedOut = signal.aborted;
      return failed(
        timedOut
          ? `${method} ${url.host} timed out`
          : `${method} ${url.host} failed: ${(error as Error).message}`,
        true,
        timedOut ? "TIMEOUT" : "NETWORK",
      );
    }
    let text: string;
    try {
      text = await readLimited(response, maxBytes);
    } catch (error) {
      return failed(
        `Reading the response of ${url.host} failed: ${(error as Error).message}`,
        true,
        "NETWORK",
      );
    }
    const body = parseBody(text, response.headers.get("content-type"));
    const status = response.status;
    if (status >= 200 && status < 300) return { status: "completed", output: { status, body } };
    if (status >= 300 && status < 400) {
      return failed(
        `${method} ${url.host} answered a redirect (${status}), which is not followed.`,
        false,
        "REDIRECT",
      );
    }
    const retryable = status >= 500 || status === 408 || status === 429;
    return failed(
      `${method} ${url.host} answered ${status}${text ? `: ${text.slice(0, 500)}` : ""}`,
      retryable,
      `HTTP_${status}`,
    );
  };
}

function parseBody(text: string, contentType: string | null): unknown {
  if (!text) return null;
  if (contentType?.includes("json") || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`the response is larger than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
