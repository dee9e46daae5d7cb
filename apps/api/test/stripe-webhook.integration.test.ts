// Stripe Checkout end to end: the SDK talks to a loopback server playing Stripe's API, and signed
// webhook events go to POST /webhooks/stripe as Stripe would deliver them (retried, concurrent).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const WEBHOOK_SECRET = "whsec_test_0123456789abcdef";
const SAM = "sam.owner@bluebottle.test";
const stripe = new Stripe("sk_test_markettina");

interface RecordedRequest {
  method: string;
  path: string;
  form: URLSearchParams;
}

let h: Harness;
let stripeApi: Server;
const requests: RecordedRequest[] = [];
const packages = new Map<string, string>();
/** When set, the fake Stripe answers every request with this HTTP error (an outage). */
let failWith: number | null = null;

/** Plays Stripe's API for checkout.sessions.create: records the request, answers a session. */
function startStripeApi(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      requests.push({ method: req.method ?? "", path: req.url ?? "", form: new URLSearchParams(body) });
      if (failWith) {
        res.writeHead(failWith, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { type: "api_error", message: "Stripe is having a bad day." } }));
        return;
      }
      const id = `cs_test_${requests.length}_${Date.now()}`;
      res.writeHead(200, { "content-type": "application/json", "request-id": `req_${requests.length}` });
      res.end(
        JSON.stringify({
          id,
          object: "checkout.session",
          url: `https://checkout.stripe.test/c/pay/${id}`,
          status: "open",
          payment_status: "unpaid",
        }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  stripeApi = await startStripeApi();
  h = await startHarness({
    config: {
      publicWebUrl: "https://app.markettina.test",
      stripe: {
        secretKey: "sk_test_markettina",
        webhookSecret: WEBHOOK_SECRET,
        apiHost: "127.0.0.1",
        apiPort: (stripeApi.address() as AddressInfo).port,
        apiProtocol: "http",
      },
    },
  });
  const res = await h.gql<{ tokenPackages: { id: string; name: string }[] }>(
    "{ tokenPackages { id name } }",
    {
      as: SAM,
      account: "blue-bottle",
    },
  );
  for (const p of res.body.data!.tokenPackages) packages.set(p.name, p.id);
});
afterAll(async () => {
  await h?.close();
  await new Promise((resolve) => stripeApi?.close(resolve));
});

interface Purchase {
  invoice: { id: string; status: string };
  payment: { id: string; provider: string; status: string };
  checkoutUrl: string | null;
  userErrors: { code: string }[];
}

async function purchase(
  name: string,
  key: string,
  promoCode?: string,
): Promise<Purchase & { sessionId: string }> {
  const res = await h.gql<{ purchaseTokenPackage: Purchase }>(
    `mutation($input: PurchaseTokenPackageInput!) {
      purchaseTokenPackage(input: $input) {
        invoice { id status } payment { id provider status } checkoutUrl userErrors { code }
      }
    }`,
    {
      as: SAM,
      account: "blue-bottle",
      variables: { input: { packageId: packages.get(name), idempotencyKey: key, promoCode } },
    },
  );
  const payload = res.body.data!.purchaseTokenPackage;
  expect(payload.userErrors).toEqual([]);
  const [row] = await h.owner.sql<{ checkout_session_id: string }[]>`
    select checkout_session_id from payments where id = ${rawId(payload.payment.id)}`;
  return { ...payload, sessionId: row!.checkout_session_id };
}

const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

function stripeEvent(id: string, type: string, session: Record<string, unknown>): string {
  return JSON.stringify({
    id,
    object: "event",
    type,
    api_version: "2025-01-01",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object: { object: "checkout.session", ...session } },
  });
}

const deliver = (
  payload: string,
  signature = stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
) =>
  fetch(`${h.api.url}/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature },
    body: payload,
  });

const balance = async () =>
  Number(
    (
      await h.owner.sql<{ balance: string }[]>`
        select w.balance from token_wallets w join accounts a on a.id = w.account_id where a.slug = 'blue-bottle'`
    )[0]!.balance,
  );

const ledgerFor = (invoiceGlobalId: string) =>
  h.owner.sql<{ type: string; amount: string }[]>`
    select type, amount from token_transactions where reference_id = ${rawId(invoiceGlobalId)} order by seq`;

const statusOf = async (p: Purchase) => {
  const [row] = await h.owner.sql<{ invoice: string; payment: string }[]>`
    select i.status as invoice, p.status as payment from payments p
      join invoices i on i.account_id = p.account_id and i.id = p.invoice_id
     where p.id = ${rawId(p.payment.id)}`;
  return row;
};

describe("Stripe Checkout", () => {
  let bought: Purchase & { sessionId: string };

  it("opens a checkout session for the invoice and answers its URL", async () => {
    bought = await purchase("Growth", "stripe-growth-1");
    expect(bought.payment).toMatchObject({ provider: "STRIPE", status: "PENDING" });
    expect(bought.checkoutUrl).toBe(`https://checkout.stripe.test/c/pay/${bought.sessionId}`);
    const sent = requests.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.path).toBe("/v1/checkout/sessions");
    expect(sent.form.get("mode")).toBe("payment");
    expect(sent.form.get("metadata[invoiceId]")).toBe(rawId(bought.invoice.id));
    expect(sent.form.get("metadata[paymentId]")).toBe(rawId(bought.payment.id));
    expect(sent.form.get("line_items[0][price_data][unit_amount]")).toBe("9900");
    expect(sent.form.get("line_items[0][price_data][currency]")).toBe("eur");
    expect(sent.form.get("success_url")).toMatch(
      /^https:\/\/app\.markettina\.test\/blue-bottle\/wallet\?checkout=success/,
    );
  });

  it("leaves a Stripe payment to Stripe: an admin cannot confirm it by hand", async () => {
    const res = await h.gql<{ confirmManualPayment: { userErrors: { code: string; field: string }[] } }>(
      `mutation($id: ID!) { confirmManualPayment(input: { paymentId: $id }) { userErrors { field code } } }`,
      { as: "admin@markettina.test", variables: { id: bought.payment.id } },
    );
    expect(res.body.data!.confirmManualPayment.userErrors).toEqual([{ field: "paymentId", code: "INVALID" }]);
    expect((await statusOf(bought))!.payment).toBe("pending");
  });

  it("refuses an event with a bad signature and credits nothing", async () => {
    const before = await balance();
    const payload = stripeEvent("evt_forged", "checkout.session.completed", {
      id: bought.sessionId,
      payment_status: "paid",
    });
    const forged = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    expect((await deliver(payload, forged)).status).toBe(400);
    expect((await deliver(payload, "t=1,v1=nonsense")).status).toBe(400);
    expect(await balance()).toBe(before);
    expect(await h.owner.sql`select 1 from stripe_events where event_id = 'evt_forged'`).toHaveLength(0);
    expect((await statusOf(bought))!.payment).toBe("pending");
  });

  it("credits a paid checkout exactly once when its event arrives ten times at once", async () => {
    const before = await balance();
    const payload = stripeEvent("evt_paid_1", "checkout.session.completed", {
      id: bought.sessionId,
      payment_status: "paid",
      payment_intent: "pi_test_1",
    });
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(payload)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(await responses[0]!.json()).toEqual({ received: true });
    expect(await ledgerFor(bought.invoice.id)).toEqual([
      { type: "purchase", amount: "60000" },
      { type: "bonus", amount: "5000" },
    ]);
    expect(await balance()).toBe(before + 65_000);
    expect(await statusOf(bought)).toEqual({ invoice: "paid", payment: "succeeded" });
    const [payment] = await h.owner.sql`
      select provider_event_id, provider_payment_id from payments where id = ${rawId(bought.payment.id)}`;
    expect(payment).toEqual({ provider_event_id: "evt_paid_1", provider_payment_id: "pi_test_1" });
  });

  it("does not credit again for a second, distinct event about the same checkout", async () => {
    const before = await balance();
    const payload = stripeEvent("evt_paid_2", "checkout.session.async_payment_succeeded", {
      id: bought.sessionId,
      payment_status: "paid",
    });
    expect((await deliver(payload)).status).toBe(200);
    expect(await balance()).toBe(before);
    expect(await ledgerFor(bought.invoice.id)).toHaveLength(2);
  });

  it("voids the invoice of an expired checkout and frees its promo code", async () => {
    const abandoned = await purchase("Starter", "stripe-starter-1", "SPRING20");
    const payload = stripeEvent("evt_expired_1", "checkout.session.expired", {
      id: abandoned.sessionId,
      payment_status: "unpaid",
    });
    expect((await deliver(payload)).status).toBe(200);
    expect(await statusOf(abandoned)).toEqual({ invoice: "void", payment: "canceled" });
    const [promo] = await h.owner.sql`
      select redemption_count, (select count(*)::int from promo_redemptions r where r.promo_code_id = c.id) as used
        from promo_codes c where code = 'SPRING20'`;
    expect(promo).toEqual({ redemption_count: 0, used: 0 });
    // A late "completed" for the voided checkout credits nothing.
    const before = await balance();
    const late = stripeEvent("evt_late_1", "checkout.session.completed", {
      id: abandoned.sessionId,
      payment_status: "paid",
    });
    expect((await deliver(late)).status).toBe(200);
    expect(await balance()).toBe(before);
  });

  it("records and ignores events it does not handle, and checkouts it did not open", async () => {
    const other = stripeEvent("evt_other_1", "customer.created", { id: "cus_1" });
    const foreign = stripeEvent("evt_foreign_1", "checkout.session.completed", {
      id: "cs_unknown",
      payment_status: "paid",
    });
    expect((await deliver(other)).status).toBe(200);
    expect((await deliver(foreign)).status).toBe(200);
    const rows = await h.owner
      .sql`select event_id from stripe_events where event_id in ('evt_other_1', 'evt_foreign_1')`;
    expect(rows).toHaveLength(2);
  });
});

describe("a payment provider outage", () => {
  it("answers PAYMENT_PROVIDER_ERROR and writes no invoice or payment", async () => {
    const count = async () =>
      (
        await h.owner.sql<
          { n: number }[]
        >`select (select count(*) from invoices)::int + (select count(*) from payments)::int as n`
      )[0]!.n;
    const before = await count();
    failWith = 500;
    try {
      const res = await h.gql<{ purchaseTokenPackage: Purchase }>(
        `mutation($input: PurchaseTokenPackageInput!) {
          purchaseTokenPackage(input: $input) { invoice { id } checkoutUrl userErrors { code message } }
        }`,
        {
          as: SAM,
          account: "blue-bottle",
          variables: {
            input: { packageId: packages.get("Starter"), idempotencyKey: `outage-${Date.now()}` },
          },
        },
      );
      expect(res.body.data!.purchaseTokenPackage).toEqual({
        invoice: null,
        checkoutUrl: null,
        userErrors: [expect.objectContaining({ code: "PAYMENT_PROVIDER_ERROR" })],
      });
    } finally {
      failWith = null;
    }
    expect(await count()).toBe(before);
  });
});
