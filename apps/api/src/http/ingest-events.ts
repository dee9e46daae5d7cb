// POST /ingest/events — marketing events in volume from an integration: JSON {events: [...]}, up
// to 1,000 per request, authenticated like /graphql (an API key with contacts:write, or a console
// token; X-Account-Id for agencies). The whole batch runs in one tenant transaction; the answer is
// 202 {accepted, duplicates, errors: [{index, field, code, message}]}. Idempotent by each event's
// clientEventId: a sender that never saw the answer sends the same batch again safely.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@markettina/db";
import { ingestEvents, MAX_EVENT_BATCH, spendRateLimit } from "@markettina/domain";
import type { ApiConfig } from "../config.ts";
import { inTenant, requireCredentials, sendFailure } from "../media/media-request.ts";
import { EarlyResponse } from "./authenticate-request.ts";
import { readBody } from "./read-body.ts";
import { sendJson } from "./send.ts";

export const INGEST_EVENTS_PATH = "/ingest/events";
/** 1,000 events with payloads of up to 8 KB each fit; anything larger is not one batch. */
export const MAX_INGEST_BYTES = 8 * 1024 * 1024;

function parseBatch(text: string): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new EarlyResponse(400, "BAD_REQUEST", "The body is not JSON.");
  }
  const events = (body as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new EarlyResponse(400, "BAD_REQUEST", 'Send {"events": [...]}.');
  if (events.length > MAX_EVENT_BATCH) {
    throw new EarlyResponse(
      413,
      "TOO_MANY",
      `At most ${MAX_EVENT_BATCH} events per request; split the batch.`,
    );
  }
  return events;
}

export function ingestEventsHandler(deps: { db: Database; config: ApiConfig }) {
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    try {
      // Credentials before the body: nobody streams megabytes at us without them.
      const credentials = await requireCredentials(req, deps.config);
      if (Number(req.headers["content-length"] ?? 0) > MAX_INGEST_BYTES) {
        throw new EarlyResponse(
          413,
          "PAYLOAD_TOO_LARGE",
          `A request may have at most ${MAX_INGEST_BYTES} bytes.`,
        );
      }
      const type = req.headers["content-type"] ?? "";
      if (!/^application\/json\b/i.test(type)) {
        throw new EarlyResponse(415, "UNSUPPORTED_MEDIA_TYPE", "Send Content-Type: application/json.");
      }
      const events = parseBatch(await readBody(req, MAX_INGEST_BYTES));
      const result = await inTenant(deps, req, requestId, credentials, async (ctx) => {
        // An integration's volume is metered like its GraphQL calls: a point per event, charged
        // on the pool so the key's bucket is not locked for the whole batch.
        if (ctx.actor.apiKeyId) {
          const limit = await spendRateLimit(
            deps.db,
            { accountId: ctx.accountId, apiKeyId: ctx.actor.apiKeyId },
            Math.max(events.length, 1),
            deps.config.rateLimit,
          );
          if (!limit.allowed) {
            res.setHeader("retry-after", String(Math.ceil(limit.retryAfterMs / 1000)));
            throw new EarlyResponse(429, "RATE_LIMITED", "Too many events: slow down and retry later.");
          }
        }
        return ingestEvents(ctx, { events });
      });
      sendJson(res, 202, {
        accepted: result.accepted,
        duplicates: result.duplicates,
        errors: result.errors.map((e) => ({
          index: e.index,
          field: e.field,
          code: e.code,
          message: e.message,
        })),
        requestId,
      });
    } catch (error) {
      if (!sendFailure(res, requestId, error)) throw error;
    }
  };
}
