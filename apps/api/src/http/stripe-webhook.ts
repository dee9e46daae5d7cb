// POST /webhooks/stripe — Stripe's events about checkouts. The signature is checked over the raw
// body, byte for byte, before anything is parsed; an event then runs in a transaction of its own
// (handleStripeEvent), which makes each event count once however often it is delivered.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Database } from "@markettina/db";
import { handleStripeEvent } from "@markettina/domain";
import type Stripe from "stripe";
import type { Logger } from "../logger.ts";
import { readRawBody } from "./read-body.ts";
import { sendJson } from "./send.ts";

/** Stripe's events are a few kilobytes; anything near this is not one. */
const MAX_EVENT_BYTES = 1_000_000;

export function stripeWebhookHandler(deps: {
  db: Database;
  stripe: Stripe;
  webhookSecret: string;
  logger: Logger;
}) {
  return async (req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> => {
    const raw = await readRawBody(req, MAX_EVENT_BYTES);
    const signature = req.headers["stripe-signature"];
    let event: Stripe.Event;
    try {
      event = deps.stripe.webhooks.constructEvent(
        raw,
        (Array.isArray(signature) ? signature[0] : signature) ?? "",
        deps.webhookSecret,
      );
    } catch (error) {
      deps.logger.warn({ requestId, err: (error as Error).message }, "stripe webhook refused");
      return sendJson(res, 400, { error: { code: "BAD_SIGNATURE", message: "Invalid Stripe signature." } });
    }
    const outcome = await handleStripeEvent(deps.db, event, { requestId });
    deps.logger.info({ requestId, eventId: event.id, type: event.type, outcome }, "stripe webhook");
    sendJson(res, 200, { received: true });
  };
}
