// Buying tokens without Stripe: invoices, manual payments confirmed by a platform admin, promo
// codes and the catalog admin, through the real API on a real database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const ADMIN = "admin@markettina.test";
const SAM = "sam.owner@bluebottle.test";
const OLIVIA = "olivia.owner@northwind.test";

type UserErrors = { field: string | null; code: string; message: string }[];
interface PurchasePayload {
  invoice: { id: string; number: number; formattedNumber: string; status: string; totalMinor: number } | null;
  payment: { id: string; provider: string; status: string; amountMinor: number } | null;
  checkoutUrl: string | null;
  userErrors: UserErrors;
}

let h: Harness;
const packages = new Map<string, string>();

beforeAll(async () => {
  h = await startHarness({ config: { stripe: null } });
  const res = await h.gql<{ tokenPackages: { id: string; name: string }[] }>(
    "{ tokenPackages { id name } }",
    { as: SAM, account: "blue-bottle" },
  );
  for (const p of res.body.data!.tokenPackages) packages.set(p.name, p.id);
});
afterAll(async () => {
  await h?.close();
});

const PURCHASE = `mutation($input: PurchaseTokenPackageInput!) {
  purchaseTokenPackage(input: $input) {
    invoice { id number formattedNumber status totalMinor subtotalMinor discountMinor promoCode billedName
              items { tokens bonusTokens amountMinor package { name } } }
    payment { id provider status amountMinor }
    checkoutUrl
    userErrors { field code message }
  }
}`;

async function purchase(input: Record<string, unknown>, as = SAM, account = "blue-bottle") {
  const res = await h.gql<{ purchaseTokenPackage: PurchasePayload }>(PURCHASE, {
    as,
    account,
    variables: { input },
  });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.purchaseTokenPackage;
}

const CONFIRM = `mutation($input: ConfirmManualPaymentInput!) {
  confirmManualPayment(input: $input) {
    payment { id status confirmedAt note }
    invoice { id status paidAt }
    userErrors { field code message }
  }
}`;

async function confirm(paymentId: string, as = ADMIN) {
  const res = await h.gql<{
    confirmManualPayment: {
      payment: { status: string; note: string | null } | null;
      invoice: { status: string; paidAt: string | null } | null;
      userErrors: UserErrors;
    };
  }>(CONFIRM, { as, variables: { input: { paymentId, note: "Bank transfer 2026-11-20" } } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.confirmManualPayment;
}

const REDEEM = `mutation($input: RedeemPromoCodeInput!) {
  redeemPromoCode(input: $input) { transactionId bonusTokens userErrors { field code message } }
}`;

async function redeem(
  code: string,
  as = SAM,
  account = "blue-bottle",
  key = `redeem-${code}-${account}-${Math.random()}`,
) {
  const res = await h.gql<{
    redeemPromoCode: { transactionId: string | null; bonusTokens: number | null; userErrors: UserErrors };
  }>(REDEEM, { as, account, variables: { input: { code, idempotencyKey: key } } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.redeemPromoCode;
}

const balanceOf = async (slug: string) =>
  Number(
    (
      await h.owner.sql<{ balance: string }[]>`
        select w.balance from token_wallets w join accounts a on a.id = w.account_id where a.slug = ${slug}`
    )[0]!.balance,
  );

const ledgerFor = (referenceId: string) =>
  h.owner.sql<{ type: string; amount: string }[]>`
    select type, amount from token_transactions where reference_id = ${referenceId} order by seq`;

const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

const count = async (table: string) =>
  (await h.owner.sql<{ n: number }[]>`select count(*)::int as n from ${h.owner.sql(table)}`)[0]!.n;

async function createPromo(input: Record<string, unknown>) {
  const res = await h.gql<{ createPromoCode: { promoCode: { id: string } | null; userErrors: UserErrors } }>(
    `mutation($input: CreatePromoCodeInput!) {
      createPromoCode(input: $input) { promoCode { id } userErrors { field code message } }
    }`,
    { as: ADMIN, variables: { input } },
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.createPromoCode;
}

describe("manual purchases", () => {
  let first: PurchasePayload;
  let second: PurchasePayload;

  it("issues an open invoice and a pending manual payment, numbered in sequence, crediting nothing", async () => {
    const before = await balanceOf("blue-bottle");
    first = await purchase({ packageId: packages.get("Growth"), idempotencyKey: "buy-growth-1" });
    second = await purchase({ packageId: packages.get("Starter"), idempotencyKey: "buy-starter-1" });
    expect(first.userErrors).toEqual([]);
    expect(first.invoice).toMatchObject({ status: "OPEN", totalMinor: 9_900 });
    expect(first.payment).toMatchObject({ provider: "MANUAL", status: "PENDING", amountMinor: 9_900 });
    expect(first.checkoutUrl).toBeNull();
    expect(second.invoice!.number).toBe(first.invoice!.number + 1);
    expect(second.invoice!.formattedNumber).toBe(`MK-${String(second.invoice!.number).padStart(6, "0")}`);
    expect(await balanceOf("blue-bottle")).toBe(before);
  });

  it("lists the pending payments to a platform admin only", async () => {
    const admin = await h.gql<{ pendingManualPayments: { paymentId: string; accountName: string }[] }>(
      "{ pendingManualPayments { paymentId accountName invoiceNumber amountMinor } }",
      { as: ADMIN },
    );
    expect(admin.body.data!.pendingManualPayments.map((p) => p.paymentId)).toEqual(
      expect.arrayContaining([first.payment!.id, second.payment!.id]),
    );
    const owner = await h.gql("{ pendingManualPayments { paymentId } }", { as: SAM, account: "blue-bottle" });
    expect(owner.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a confirmation by anyone but a platform admin", async () => {
    const refused = await confirm(first.payment!.id, SAM);
    expect(refused.userErrors.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    const [payment] = await h.owner.sql`select status from payments where id = ${rawId(first.payment!.id)}`;
    expect(payment!.status).toBe("pending");
  });

  it("pays the invoice and credits tokens and bonus exactly once when an admin confirms", async () => {
    const before = await balanceOf("blue-bottle");
    const invoiceId = rawId(first.invoice!.id);
    const done = await confirm(first.payment!.id);
    expect(done.userErrors).toEqual([]);
    expect(done.payment).toMatchObject({ status: "SUCCEEDED", note: "Bank transfer 2026-11-20" });
    expect(done.invoice!.status).toBe("PAID");
    expect(done.invoice!.paidAt).not.toBeNull();
    expect(await balanceOf("blue-bottle")).toBe(before + 65_000);
    expect(await ledgerFor(invoiceId)).toEqual([
      { type: "purchase", amount: "60000" },
      { type: "bonus", amount: "5000" },
    ]);

    const again = await confirm(first.payment!.id);
    expect(again.userErrors).toEqual([]);
    expect(again.payment!.status).toBe("SUCCEEDED");
    expect(await balanceOf("blue-bottle")).toBe(before + 65_000);
    expect((await ledgerFor(invoiceId)).length).toBe(2);
  });

  it("shows the owner the invoice history, newest first", async () => {
    const res = await h.gql<{ invoices: { nodes: { id: string; status: string }[]; totalCount: number } }>(
      "{ invoices(first: 10) { totalCount nodes { id status payments { status } items { tokens } } } }",
      { as: SAM, account: "blue-bottle" },
    );
    expect(res.body.data!.invoices.nodes.slice(0, 2).map((i) => [i.id, i.status])).toEqual([
      [second.invoice!.id, "OPEN"],
      [first.invoice!.id, "PAID"],
    ]);
  });

  it("keeps invoices from members and viewers", async () => {
    const res = await h.gql("{ invoices(first: 5) { nodes { id } } }", {
      as: "victor.viewer@northwind.test",
      account: "acme-outdoor",
    });
    expect(res.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("answers a retried purchase with the first invoice, and refuses the key for another request", async () => {
    const invoicesBefore = await count("invoices");
    const replay = await purchase({ packageId: packages.get("Growth"), idempotencyKey: "buy-growth-1" });
    expect(replay.invoice!.id).toBe(first.invoice!.id);
    expect(replay.payment!.id).toBe(first.payment!.id);
    const reused = await purchase({ packageId: packages.get("Scale"), idempotencyKey: "buy-growth-1" });
    expect(reused.userErrors.map((e) => e.code)).toEqual(["IDEMPOTENCY_KEY_REUSED"]);
    expect(await count("invoices")).toBe(invoicesBefore);
  });

  it("has no Stripe webhook when Stripe is not configured", async () => {
    const res = await fetch(`${h.api.url}/webhooks/stripe`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });

  it("refuses an unknown package", async () => {
    const unknown = await purchase({
      packageId: Buffer.from("TokenPackage:0190a0a0-0000-7000-8000-000000000000").toString("base64"),
      idempotencyKey: "buy-unknown-1",
    });
    expect(unknown.userErrors).toMatchObject([{ code: "NOT_FOUND", field: "packageId" }]);
  });

  it("discounts the invoice with a percent-off code, once per account", async () => {
    const discounted = await purchase({
      packageId: packages.get("Growth"),
      promoCode: "spring20",
      idempotencyKey: "buy-spring-1",
    });
    expect(discounted.userErrors).toEqual([]);
    expect(discounted.invoice).toMatchObject({
      subtotalMinor: 9_900,
      discountMinor: 1_980,
      promoCode: "SPRING20",
      totalMinor: 7_920,
    });
    expect(discounted.payment!.amountMinor).toBe(7_920);
    const [redemption] = await h.owner.sql`
      select r.invoice_id, c.redemption_count from promo_redemptions r join promo_codes c on c.id = r.promo_code_id
       where c.code = 'SPRING20'`;
    expect(redemption!.invoice_id).toBe(rawId(discounted.invoice!.id));
    expect(redemption!.redemption_count).toBe(1);

    const twice = await purchase({
      packageId: packages.get("Growth"),
      promoCode: "SPRING20",
      idempotencyKey: "buy-spring-2",
    });
    expect(twice.userErrors).toMatchObject([{ code: "ALREADY_REDEEMED", field: "promoCode" }]);
    const bonusCode = await purchase({
      packageId: packages.get("Growth"),
      promoCode: "WELCOME500",
      idempotencyKey: "buy-spring-3",
    });
    expect(bonusCode.userErrors).toMatchObject([{ code: "INVALID", field: "promoCode" }]);
  });
});

describe("promo codes", () => {
  it("credits a bonus code's tokens once, and refuses it a second time", async () => {
    const before = await balanceOf("blue-bottle");
    const ok = await redeem("welcome500");
    expect(ok.userErrors).toEqual([]);
    expect(ok.bonusTokens).toBe(500);
    expect(await balanceOf("blue-bottle")).toBe(before + 500);
    const [entry] = await h.owner
      .sql`select type, amount from token_transactions where id = ${rawId(ok.transactionId!)}`;
    expect(entry).toEqual({ type: "bonus", amount: "500" });

    const again = await redeem("WELCOME500");
    expect(again.userErrors).toMatchObject([{ code: "ALREADY_REDEEMED", field: "code" }]);
    expect(await balanceOf("blue-bottle")).toBe(before + 500);
  });

  it("replays a retried redemption instead of refusing it", async () => {
    const first = await redeem("WELCOME500", OLIVIA, "northwind", "redeem-retry-1");
    const retry = await redeem("WELCOME500", OLIVIA, "northwind", "redeem-retry-1");
    expect(first.userErrors).toEqual([]);
    expect(retry).toEqual(first);
  });

  it("answers unknown, expired, used-up and discount codes with their own errors", async () => {
    await createPromo({
      code: "OLD2020",
      kind: "BONUS_TOKENS",
      value: 100,
      validFrom: "2020-01-01T00:00:00Z",
      validUntil: "2021-01-01T00:00:00Z",
    });
    await createPromo({ code: "ONLYONE", kind: "BONUS_TOKENS", value: 100, maxRedemptions: 1 });
    expect((await redeem("NOPE-NOT-A-CODE")).userErrors).toMatchObject([{ code: "NOT_FOUND" }]);
    expect((await redeem("OLD2020")).userErrors).toMatchObject([{ code: "EXPIRED" }]);
    expect((await redeem("ONLYONE", OLIVIA, "northwind")).userErrors).toEqual([]);
    const usedUp = await redeem("ONLYONE");
    expect(usedUp.userErrors).toMatchObject([{ code: "EXPIRED", message: expect.stringMatching(/used up/) }]);
    expect((await redeem("SPRING20", OLIVIA, "northwind")).userErrors).toMatchObject([{ code: "INVALID" }]);
  });

  it("lets exactly one of two accounts racing for a single-use code have it", async () => {
    await createPromo({ code: "RACE1", kind: "BONUS_TOKENS", value: 700, maxRedemptions: 1 });
    const before = (await balanceOf("blue-bottle")) + (await balanceOf("acme-outdoor"));
    const results = await Promise.all([
      redeem("RACE1", SAM, "blue-bottle"),
      redeem("RACE1", "bella.billing@northwind.test", "acme-outdoor"),
    ]);
    const codes = results.map((r) => r.userErrors[0]?.code ?? "OK").sort();
    expect(codes).toEqual(["EXPIRED", "OK"]);
    const after = (await balanceOf("blue-bottle")) + (await balanceOf("acme-outdoor"));
    expect(after).toBe(before + 700);
    const [row] = await h.owner.sql`
      select c.redemption_count, (select count(*)::int from promo_redemptions r where r.promo_code_id = c.id) as redemptions
        from promo_codes c where c.code = 'RACE1'`;
    expect(row).toEqual({ redemption_count: 1, redemptions: 1 });
  });

  it("is for members who manage billing only", async () => {
    const res = await redeem("WELCOME500", "mia.member@northwind.test", "northwind");
    expect(res.userErrors).toMatchObject([{ code: "FORBIDDEN" }]);
  });
});

describe("catalog administration", () => {
  const CREATE_PACKAGE = `mutation($input: CreateTokenPackageInput!) {
    createTokenPackage(input: $input) { tokenPackage { id name tokens active } userErrors { field code } }
  }`;
  type PackagePayload = {
    createTokenPackage: { tokenPackage: { id: string; active: boolean } | null; userErrors: UserErrors };
  };

  it("refuses catalog changes to anyone but a platform admin", async () => {
    const res = await h.gql<PackagePayload>(CREATE_PACKAGE, {
      as: OLIVIA,
      account: "northwind",
      variables: { input: { name: "Sneaky", tokens: 1_000_000, priceMinor: 1 } },
    });
    expect(res.body.data!.createTokenPackage.userErrors).toMatchObject([{ code: "FORBIDDEN" }]);
    const codes = await h.gql("{ promoCodes { code } }", { as: OLIVIA, account: "northwind" });
    expect(codes.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await count("token_packages")).toBe(3);
  });

  it("refuses zero and negative values field by field, writing nothing", async () => {
    const packagesBefore = await count("token_packages");
    for (const [input, field] of [
      [{ name: "Zero", tokens: 0, priceMinor: 100 }, "tokens"],
      [{ name: "Free", tokens: 100, priceMinor: 0 }, "priceMinor"],
      [{ name: "Negative", tokens: 100, priceMinor: 100, bonusTokens: -1 }, "bonusTokens"],
    ] as const) {
      const res = await h.gql<PackagePayload>(CREATE_PACKAGE, { as: ADMIN, variables: { input } });
      expect(res.body.data!.createTokenPackage.userErrors).toEqual([{ field, code: "INVALID" }]);
    }
    expect(await count("token_packages")).toBe(packagesBefore);

    const price = await h.gql<{ createServicePricing: { userErrors: UserErrors } }>(
      `mutation { createServicePricing(input: { serviceCode: "video_render", name: "Video", unit: "minute", tokensPerUnit: 0 }) { userErrors { field code message } } }`,
      { as: ADMIN },
    );
    expect(price.body.data!.createServicePricing.userErrors).toMatchObject([
      { field: "tokensPerUnit", code: "INVALID" },
    ]);
    const promo = await createPromo({ code: "BROKEN", kind: "PERCENT_OFF", value: 150 });
    expect(promo.userErrors).toMatchObject([{ field: "value", code: "INVALID" }]);
  });

  it("creates, withdraws and lists packages; inactive ones only for platform admins", async () => {
    const created = await h.gql<PackagePayload>(CREATE_PACKAGE, {
      as: ADMIN,
      variables: { input: { name: "Mega", tokens: 1_000_000, bonusTokens: 100_000, priceMinor: 99_900 } },
    });
    const id = created.body.data!.createTokenPackage.tokenPackage!.id;
    const updated = await h.gql<{ updateTokenPackage: { tokenPackage: { active: boolean } } }>(
      `mutation($id: ID!) { updateTokenPackage(input: { id: $id, active: false }) { tokenPackage { active } userErrors { code } } }`,
      { as: ADMIN, variables: { id } },
    );
    expect(updated.body.data!.updateTokenPackage.tokenPackage.active).toBe(false);
    const query = "{ tokenPackages(includeInactive: true) { id } }";
    const admin = await h.gql<{ tokenPackages: { id: string }[] }>(query, { as: ADMIN });
    const owner = await h.gql<{ tokenPackages: { id: string }[] }>(query, {
      as: SAM,
      account: "blue-bottle",
    });
    expect(admin.body.data!.tokenPackages.map((p) => p.id)).toContain(id);
    expect(owner.body.data!.tokenPackages.map((p) => p.id)).not.toContain(id);
    const withdrawn = await purchase({ packageId: id, idempotencyKey: "buy-withdrawn-1" });
    expect(withdrawn.userErrors).toMatchObject([{ code: "NOT_FOUND", field: "packageId" }]);
  });

  it("prices services, and refuses a code twice", async () => {
    const create = `mutation($input: CreateServicePricingInput!) { createServicePricing(input: $input) { servicePrice { id tokensPerUnit } userErrors { field code } } }`;
    const input = {
      serviceCode: "video_render",
      name: "Video rendering",
      unit: "minute",
      tokensPerUnit: 300,
    };
    const first = await h.gql<{ createServicePricing: { servicePrice: { id: string } } }>(create, {
      as: ADMIN,
      variables: { input },
    });
    const again = await h.gql<{ createServicePricing: { userErrors: UserErrors } }>(create, {
      as: ADMIN,
      variables: { input },
    });
    expect(again.body.data!.createServicePricing.userErrors).toEqual([
      { field: "serviceCode", code: "TAKEN" },
    ]);
    const update = await h.gql<{
      updateServicePricing: { servicePrice: { tokensPerUnit: number; active: boolean } };
    }>(
      `mutation($id: ID!) { updateServicePricing(input: { id: $id, tokensPerUnit: 250, active: false }) { servicePrice { tokensPerUnit active } userErrors { code } } }`,
      { as: ADMIN, variables: { id: first.body.data!.createServicePricing.servicePrice.id } },
    );
    expect(update.body.data!.updateServicePricing.servicePrice).toEqual({
      tokensPerUnit: 250,
      active: false,
    });
    const all = await h.gql<{ allServicePricing: { serviceCode: string }[] }>(
      "{ allServicePricing { serviceCode } }",
      {
        as: ADMIN,
      },
    );
    expect(all.body.data!.allServicePricing.map((s) => s.serviceCode)).toContain("video_render");
  });

  it("keeps a promo code's kind and value when only its active flag changes", async () => {
    const created = await createPromo({ code: `TOGGLE${Date.now()}`, kind: "PERCENT_OFF", value: 15 });
    const toggle = await h.gql<{
      updatePromoCode: { promoCode: { kind: string; value: number; active: boolean } };
    }>(
      `mutation($id: ID!) { updatePromoCode(input: { id: $id, active: false }) {
        promoCode { kind value active } userErrors { field code } } }`,
      { as: ADMIN, variables: { id: created.promoCode!.id } },
    );
    expect(toggle.body.data!.updatePromoCode.promoCode).toEqual({
      kind: "PERCENT_OFF",
      value: 15,
      active: false,
    });
  });

  it("records catalog changes in the platform audit log, which only platform admins read", async () => {
    const created = await createPromo({ code: `AUDIT${Date.now()}`, kind: "BONUS_TOKENS", value: 25 });
    await h.gql(
      `mutation($id: ID!) { updatePromoCode(input: { id: $id, active: false }) { userErrors { code } } }`,
      {
        as: ADMIN,
        variables: { id: created.promoCode!.id },
      },
    );
    const log = `{ platformAuditLog(first: 10) { action entityType before after actorUserId } }`;
    const admin = await h.gql<{
      platformAuditLog: { action: string; before: { active: boolean } | null; after: { active: boolean } }[];
    }>(log, { as: ADMIN });
    const [updated, createdEntry] = admin.body.data!.platformAuditLog;
    expect(updated).toMatchObject({
      action: "promo_code.updated",
      before: { active: true },
      after: { active: false },
    });
    expect(createdEntry).toMatchObject({
      action: "promo_code.created",
      before: null,
      after: { active: true },
    });
    const tenant = await h.gql(log, { as: OLIVIA, account: "northwind" });
    expect(tenant.body.data).toBeNull();
    expect(tenant.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("refuses a promo code that exists already, whatever its case", async () => {
    const taken = await createPromo({ code: "welcome500", kind: "BONUS_TOKENS", value: 10 });
    expect(taken.userErrors).toMatchObject([{ field: "code", code: "TAKEN" }]);
  });

  it("shows a sub-account its agency's markup on every price, with one price look-up per request", async () => {
    h.counter.reset();
    const res = await h.gql<{
      servicePricing: {
        serviceCode: string;
        tokensPerUnit: number;
        markupBps: number;
        effectiveTokensPerUnit: number;
      }[];
    }>("{ servicePricing { serviceCode tokensPerUnit markupBps effectiveTokensPerUnit } }", {
      as: "bella.billing@northwind.test",
      account: "acme-outdoor",
    });
    const content = res.body.data!.servicePricing.find((s) => s.serviceCode === "content_generation");
    expect(content).toEqual({
      serviceCode: "content_generation",
      tokensPerUnit: 50,
      markupBps: 2_000,
      effectiveTokensPerUnit: 60,
    });
    expect(res.body.data!.servicePricing.length).toBeGreaterThan(3);
    expect(h.counter.statements.filter((s) => s.includes("service_prices")).length).toBe(1);
  });
});

describe("invoice lists", () => {
  it("loads invoices with their items and payments in the same number of statements, however many", async () => {
    for (let i = 0; i < 3; i++)
      await purchase({ packageId: packages.get("Starter"), idempotencyKey: randomUUID() });
    const list = `query($first: Int) { invoices(first: $first) {
      totalCount nodes { formattedNumber status totalMinor items { description tokens } payments { provider status } } } }`;
    const statementsFor = async (first: number) => {
      h.counter.reset();
      const res = await h.gql<{ invoices: { nodes: { items: unknown[]; payments: unknown[] }[] } }>(list, {
        as: SAM,
        account: "blue-bottle",
        variables: { first },
      });
      const nodes = res.body.data!.invoices.nodes;
      expect(nodes.every((n) => n.items.length === 1 && n.payments.length === 1)).toBe(true);
      return { rows: nodes.length, statements: h.counter.count };
    };
    const one = await statementsFor(1);
    const many = await statementsFor(50);
    expect(one.rows).toBe(1);
    expect(many.rows).toBeGreaterThan(2);
    expect(many.statements).toBe(one.statements);
  });
});

describe("invoices for integrations", () => {
  it("lets a billing:read key list invoices but not buy, and a wallet:read key not even list", async () => {
    const key = async (scopes: string[]) => {
      const res = await h.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { as: SAM, account: "blue-bottle", variables: { input: { name: scopes.join(","), scopes } } },
      );
      return res.body.data!.createApiKey.secret;
    };
    await purchase({ packageId: packages.get("Starter"), idempotencyKey: randomUUID() });
    const accounting = await key(["billing:read"]);
    const list = await h.gql<{ invoices: { totalCount: number } }>("{ invoices { totalCount } }", {
      bearer: accounting,
    });
    expect(list.body.data!.invoices.totalCount).toBeGreaterThan(0);
    const buy = await h.gql<{ purchaseTokenPackage: { userErrors: { code: string }[] } }>(PURCHASE, {
      bearer: accounting,
      variables: { input: { packageId: packages.get("Starter"), idempotencyKey: randomUUID() } },
    });
    expect(buy.body.data!.purchaseTokenPackage.userErrors).toMatchObject([{ code: "FORBIDDEN" }]);
    const walletOnly = await h.gql("{ invoices { totalCount } }", { bearer: await key(["wallet:read"]) });
    expect(walletOnly.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
