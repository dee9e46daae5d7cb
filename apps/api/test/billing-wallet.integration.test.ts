// The wallet over HTTP: reads, metered spending, transfers, markups, settings and adjustments,
// with roles, API key scopes, idempotent replays, tenant isolation and statement counts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support/api-harness.ts";

const OLIVIA = "olivia.owner@northwind.test"; // agency owner (and of its clients)
const MIA = "mia.member@northwind.test"; // agency member
const VICTOR = "victor.viewer@northwind.test"; // viewer of acme-outdoor
const BELLA = "bella.billing@northwind.test"; // billing of acme-outdoor
const SAM = "sam.owner@bluebottle.test"; // another tenant
const PAT = "admin@markettina.test"; // platform admin

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface UserErrors {
  userErrors: { field: string | null; code: string; message: string }[];
}

async function balanceOf(slug: string) {
  const [w] = await h.owner.sql<{ balance: string; reserved: string }[]>`
    select w.balance, w.reserved from token_wallets w join accounts a on a.id = w.account_id where a.slug = ${slug}`;
  return { balance: Number(w!.balance), reserved: Number(w!.reserved) };
}

async function accountGlobalId(slug: string) {
  const res = await h.gql<{ account: { id: string } }>("{ account { id } }", { as: OLIVIA, account: slug });
  return res.body.data!.account.id;
}

const WALLET = `{ wallet { id balance reserved available lowBalanceThreshold autoRechargeEnabled version } }`;

describe("wallet reads", () => {
  it("shows the balance, which equals the sum of the ledger", async () => {
    const res = await h.gql<{ wallet: { balance: number; reserved: number; available: number } }>(WALLET, {
      as: OLIVIA,
      account: "northwind",
    });
    const [sum] = await h.owner.sql<{ s: string }[]>`
      select sum(t.amount) as s from token_transactions t join accounts a on a.id = t.account_id
       where a.slug = 'northwind'`;
    expect(res.body.data!.wallet.balance).toBe(Number(sum!.s));
    expect(res.body.data!.wallet.available).toBe(
      res.body.data!.wallet.balance - res.body.data!.wallet.reserved,
    );
  });

  it("lists the ledger newest first with filters, without a query per row", async () => {
    const query = `query($filter: TokenTransactionFilter, $first: Int) {
      transactions(filter: $filter, first: $first) {
        totalCount
        edges { node { seq type amount balanceAfter serviceCode createdAt counterpartyAccount { name } actorUser { name } } }
        pageInfo { hasNextPage endCursor }
      } }`;
    h.counter.reset();
    const all = await h.gql<{
      transactions: {
        totalCount: number;
        edges: { node: { seq: number; type: string; amount: number; balanceAfter: number } }[];
      };
    }>(query, { as: OLIVIA, account: "northwind", variables: { first: 50 } });
    const statements = h.counter.count;
    const nodes = all.body.data!.transactions.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(20);
    expect(nodes.map((n) => n.seq)).toEqual([...nodes.map((n) => n.seq)].sort((a, b) => b - a));
    // Each row's balance follows from the one before it.
    for (let i = 0; i < nodes.length - 1; i++) {
      expect(nodes[i]!.balanceAfter).toBe(nodes[i + 1]!.balanceAfter + nodes[i]!.amount);
    }
    // Prologue (access, settings) + the planned read + the count, whatever the page size.
    expect(statements).toBeLessThanOrEqual(5);

    const transfers = await h.gql<{
      transactions: {
        totalCount: number;
        edges: { node: { type: string; counterpartyAccount: { name: string } } }[];
      };
    }>(query, { as: OLIVIA, account: "northwind", variables: { filter: { types: ["TRANSFER_OUT"] } } });
    expect(transfers.body.data!.transactions.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ type: "TRANSFER_OUT", counterpartyAccount: { name: "Acme Outdoor" } }),
    ]);
    const emails = await h.gql<{ transactions: { totalCount: number } }>(query, {
      as: OLIVIA,
      account: "northwind",
      variables: {
        filter: { serviceCode: "email_send", from: new Date(Date.now() - 7 * 86_400_000).toISOString() },
      },
    });
    expect(emails.body.data!.transactions.totalCount).toBeGreaterThan(0);
    expect(emails.body.data!.transactions.totalCount).toBeLessThan(all.body.data!.transactions.totalCount);
  });

  it("charts spend per day and rolls sub-accounts up for the agency", async () => {
    const spend = await h.gql<{ walletSpend: { day: string; spent: number; credited: number }[] }>(
      "{ walletSpend(days: 30) { day spent credited } }",
      { as: OLIVIA, account: "northwind" },
    );
    const days = spend.body.data!.walletSpend;
    expect(days).toHaveLength(30);
    expect(days.some((d) => d.spent > 0)).toBe(true);

    const rollup = await h.gql<{ subAccountWallets: { name: string; balance: number; markupBps: number }[] }>(
      "{ subAccountWallets { name balance available spentThisMonth markupBps lowBalance } }",
      { as: OLIVIA, account: "northwind" },
    );
    const acme = await balanceOf("acme-outdoor");
    expect(rollup.body.data!.subAccountWallets).toEqual([
      expect.objectContaining({ name: "Acme Outdoor", balance: acme.balance, markupBps: 2000 }),
      expect.objectContaining({ name: "Cedar Dental", balance: 0, markupBps: 0 }),
    ]);
    // An agency member's scope does not reach the clients: nothing to roll up.
    const member = await h.gql<{ subAccountWallets: unknown[] }>("{ subAccountWallets { name } }", {
      as: MIA,
      account: "northwind",
    });
    expect(member.body.data!.subAccountWallets).toEqual([]);
  });
});

const RESERVE = `mutation($input: ReserveTokensInput!) {
  reserveTokens(input: $input) { reservation { id status amount units } userErrors { field code message } } }`;
const SETTLE = `mutation($input: SettleReservationInput!) {
  settleReservation(input: $input) {
    reservation { id status settledAmount markupAmount } transaction { type amount balanceAfter }
    userErrors { field code message } } }`;
const RELEASE = `mutation($input: ReleaseReservationInput!) {
  releaseReservation(input: $input) { reservation { status } userErrors { field code message } } }`;

type ReserveResult = { reserveTokens: UserErrors & { reservation: { id: string; amount: number } | null } };
type SettleResult = {
  settleReservation: UserErrors & {
    reservation: { status: string; settledAmount: number; markupAmount: number } | null;
    transaction: { type: string; amount: number } | null;
  };
};

describe("metered spending", () => {
  it("reserves, settles the marked-up price in a sub-account and credits the agency its markup", async () => {
    const acmeBefore = await balanceOf("acme-outdoor");
    const agencyBefore = await balanceOf("northwind");
    const reserved = await h.gql<ReserveResult>(RESERVE, {
      as: OLIVIA,
      account: "acme-outdoor",
      variables: { input: { serviceCode: "content_generation", units: 3, idempotencyKey: randomUUID() } },
    });
    // 50 a unit + Northwind's 20 % markup = 60; 3 units = 180.
    expect(reserved.body.data!.reserveTokens).toMatchObject({ reservation: { amount: 180 }, userErrors: [] });
    expect(await balanceOf("acme-outdoor")).toEqual({ ...acmeBefore, reserved: acmeBefore.reserved + 180 });

    const settled = await h.gql<SettleResult>(SETTLE, {
      as: OLIVIA,
      account: "acme-outdoor",
      variables: {
        input: { reservationId: reserved.body.data!.reserveTokens.reservation!.id, actualUnits: 2 },
      },
    });
    expect(settled.body.data!.settleReservation).toMatchObject({
      reservation: { status: "SETTLED", settledAmount: 120, markupAmount: 20 },
      transaction: { type: "DEBIT", amount: -120 },
      userErrors: [],
    });
    expect(await balanceOf("acme-outdoor")).toEqual({
      balance: acmeBefore.balance - 120,
      reserved: acmeBefore.reserved,
    });
    expect(await balanceOf("northwind")).toEqual({ ...agencyBefore, balance: agencyBefore.balance + 20 });
  });

  it("answers insufficient tokens and unknown services with userErrors, holding nothing", async () => {
    const before = await balanceOf("blue-bottle");
    const tooMuch = await h.gql<ReserveResult>(RESERVE, {
      as: SAM,
      account: "blue-bottle",
      variables: { input: { serviceCode: "content_generation", units: 1_000_000 } },
    });
    expect(tooMuch.body.data!.reserveTokens).toEqual({
      reservation: null,
      userErrors: [expect.objectContaining({ code: "INSUFFICIENT_TOKENS", field: "units" })],
    });
    const unknown = await h.gql<ReserveResult>(RESERVE, {
      as: SAM,
      account: "blue-bottle",
      variables: { input: { serviceCode: "teleportation", units: 1 } },
    });
    expect(unknown.body.data!.reserveTokens.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: "serviceCode" }),
    ]);
    const zero = await h.gql<ReserveResult>(RESERVE, {
      as: SAM,
      account: "blue-bottle",
      variables: { input: { serviceCode: "content_generation", units: 0 } },
    });
    expect(zero.body.data!.reserveTokens.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID", field: "units" }),
    ]);
    expect(await balanceOf("blue-bottle")).toEqual(before);
  });

  it("lets members spend, viewers only read, and keys spend only with wallet:write", async () => {
    const input = { serviceCode: "email_send", units: 5 };
    const member = await h.gql<ReserveResult>(RESERVE, {
      as: MIA,
      account: "northwind",
      variables: { input },
    });
    expect(member.body.data!.reserveTokens.userErrors).toEqual([]);
    const viewer = await h.gql<ReserveResult>(RESERVE, {
      as: VICTOR,
      account: "acme-outdoor",
      variables: { input },
    });
    expect(viewer.body.data!.reserveTokens.userErrors).toEqual([
      expect.objectContaining({ code: "FORBIDDEN" }),
    ]);
    const viewerReads = await h.gql<{ wallet: { balance: number } }>(WALLET, {
      as: VICTOR,
      account: "acme-outdoor",
    });
    expect(viewerReads.body.data!.wallet.balance).toBe((await balanceOf("acme-outdoor")).balance);

    const key = async (scopes: string[]) => {
      const res = await h.gql<{ createApiKey: { secret: string } }>(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { as: SAM, account: "blue-bottle", variables: { input: { name: scopes.join(","), scopes } } },
      );
      return res.body.data!.createApiKey.secret;
    };
    const reader = await key(["wallet:read"]);
    const writer = await key(["wallet:write"]);
    const denied = await h.gql<ReserveResult>(RESERVE, { bearer: reader, variables: { input } });
    expect(denied.body.data!.reserveTokens.userErrors).toEqual([
      expect.objectContaining({ code: "FORBIDDEN" }),
    ]);
    const allowed = await h.gql<ReserveResult>(RESERVE, { bearer: writer, variables: { input } });
    expect(allowed.body.data!.reserveTokens.userErrors).toEqual([]);
    const read = await h.gql<{ wallet: { balance: number } }>(WALLET, { bearer: writer });
    expect(read.body.data!.wallet.balance).toBe((await balanceOf("blue-bottle")).balance);
  });

  it("never lets another tenant settle, release or even see a reservation", async () => {
    const reserved = await h.gql<ReserveResult>(RESERVE, {
      as: SAM,
      account: "blue-bottle",
      variables: { input: { serviceCode: "email_send", units: 3 } },
    });
    const id = reserved.body.data!.reserveTokens.reservation!.id;
    const settle = await h.gql<SettleResult>(SETTLE, {
      as: OLIVIA,
      account: "northwind",
      variables: { input: { reservationId: id, actualUnits: 1 } },
    });
    expect(settle.body.data!.settleReservation.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: "reservationId" }),
    ]);
    const node = await h.gql<{ node: unknown }>(`query($id: ID!) { node(id: $id) { id } }`, {
      as: OLIVIA,
      account: "northwind",
      variables: { id },
    });
    expect(node.body.data!.node).toBeNull();
    const release = await h.gql<{ releaseReservation: UserErrors & { reservation: { status: string } } }>(
      RELEASE,
      {
        as: SAM,
        account: "blue-bottle",
        variables: { input: { reservationId: id } },
      },
    );
    expect(release.body.data!.releaseReservation).toEqual({
      reservation: { status: "RELEASED" },
      userErrors: [],
    });
  });
});

const TRANSFER = `mutation($input: TransferTokensInput!) {
  transferTokens(input: $input) {
    outgoing { type amount counterpartyAccount { name } } incoming { type amount }
    userErrors { field code message } } }`;

describe("agency transfers", () => {
  it("moves tokens to a sub-account once per idempotency key, and both ledgers show it", async () => {
    const cedar = await accountGlobalId("cedar-dental");
    const input = { toAccountId: cedar, amount: 750, note: "November budget", idempotencyKey: randomUUID() };
    const agencyBefore = await balanceOf("northwind");
    const first = await h.gql(TRANSFER, { as: OLIVIA, account: "northwind", variables: { input } });
    const replay = await h.gql(TRANSFER, { as: OLIVIA, account: "northwind", variables: { input } });
    expect(replay.body.data).toEqual(first.body.data);
    expect(first.body.data).toEqual({
      transferTokens: {
        outgoing: { type: "TRANSFER_OUT", amount: -750, counterpartyAccount: { name: "Cedar Dental" } },
        incoming: { type: "TRANSFER_IN", amount: 750 },
        userErrors: [],
      },
    });
    expect((await balanceOf("northwind")).balance).toBe(agencyBefore.balance - 750);
    expect((await balanceOf("cedar-dental")).balance).toBe(750);
    const cedarLedger = await h.gql<{
      transactions: { edges: { node: { type: string; description: string } }[] };
    }>("{ transactions(first: 5) { edges { node { type amount description } } } }", {
      as: OLIVIA,
      account: "cedar-dental",
    });
    expect(cedarLedger.body.data!.transactions.edges.map((e) => e.node)).toEqual([
      { type: "TRANSFER_IN", amount: 750, description: "November budget" },
    ]);

    const changed = await h.gql<{ transferTokens: UserErrors }>(TRANSFER, {
      as: OLIVIA,
      account: "northwind",
      variables: { input: { ...input, amount: 751 } },
    });
    expect(changed.body.data!.transferTokens.userErrors).toEqual([
      expect.objectContaining({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" }),
    ]);
  });

  it("refuses transfers to accounts that are not the agency's own children", async () => {
    const blueBottle = await h.gql<{ account: { id: string } }>("{ account { id } }", {
      as: SAM,
      account: "blue-bottle",
    });
    const res = await h.gql<{ transferTokens: UserErrors }>(TRANSFER, {
      as: OLIVIA,
      account: "northwind",
      variables: {
        input: { toAccountId: blueBottle.body.data!.account.id, amount: 10, idempotencyKey: randomUUID() },
      },
    });
    expect(res.body.data!.transferTokens.userErrors).toEqual([
      expect.objectContaining({ code: "NOT_FOUND", field: "toAccountId" }),
    ]);
    // The billing role of a client may not move the agency's money.
    const bella = await h.gql<{ transferTokens: UserErrors }>(TRANSFER, {
      as: BELLA,
      account: "acme-outdoor",
      variables: {
        input: {
          toAccountId: await accountGlobalId("cedar-dental"),
          amount: 10,
          idempotencyKey: randomUUID(),
        },
      },
    });
    expect(bella.body.data!.transferTokens.userErrors).toEqual([
      expect.objectContaining({ code: "FORBIDDEN" }),
    ]);
  });
});

describe("settings, markups and adjustments", () => {
  it("updates wallet settings with the version read, and refuses a stale one", async () => {
    const read = await h.gql<{ wallet: { version: number } }>(WALLET, { as: SAM, account: "blue-bottle" });
    const update = `mutation($input: UpdateWalletSettingsInput!) {
      updateWalletSettings(input: $input) { wallet { lowBalanceThreshold version } userErrors { field code } } }`;
    const input = {
      version: read.body.data!.wallet.version,
      lowBalanceThreshold: 1500,
      autoRechargeEnabled: false,
    };
    const ok = await h.gql(update, { as: SAM, account: "blue-bottle", variables: { input } });
    expect(ok.body.data).toEqual({
      updateWalletSettings: {
        wallet: { lowBalanceThreshold: 1500, version: input.version + 1 },
        userErrors: [],
      },
    });
    const stale = await h.gql(update, { as: SAM, account: "blue-bottle", variables: { input } });
    expect(stale.body.data).toEqual({
      updateWalletSettings: { wallet: null, userErrors: [{ field: "version", code: "CONFLICT" }] },
    });
    const incomplete = await h.gql(update, {
      as: SAM,
      account: "blue-bottle",
      variables: {
        input: { version: input.version + 1, lowBalanceThreshold: -1, autoRechargeEnabled: true },
      },
    });
    expect(incomplete.body.data).toEqual({
      updateWalletSettings: {
        wallet: null,
        userErrors: expect.arrayContaining([
          { field: "lowBalanceThreshold", code: "INVALID" },
          { field: "autoRechargePackageId", code: "INVALID" },
        ]),
      },
    });
  });

  it("lets the agency set a sub-account's markup", async () => {
    const res = await h.gql<{ setSubAccountMarkup: UserErrors & { markup: { markupBps: number } } }>(
      `mutation($input: SetSubAccountMarkupInput!) {
        setSubAccountMarkup(input: $input) { markup { markupBps serviceCode subAccount { name } } userErrors { field code } } }`,
      {
        as: OLIVIA,
        account: "northwind",
        variables: { input: { subAccountId: await accountGlobalId("cedar-dental"), markupBps: 1500 } },
      },
    );
    expect(res.body.data!.setSubAccountMarkup).toEqual({
      markup: { markupBps: 1500, serviceCode: null, subAccount: { name: "Cedar Dental" } },
      userErrors: [],
    });
  });

  it("lets only a platform admin adjust a wallet, with a reason, once per key", async () => {
    const adjust = `mutation($input: AdjustWalletInput!) {
      adjustWallet(input: $input) { adjustment { amount description } userErrors { field code } } }`;
    const input = {
      accountId: await accountGlobalId("cedar-dental"),
      amount: 250,
      reason: "Goodwill credit",
      idempotencyKey: randomUUID(),
    };
    const before = await balanceOf("cedar-dental");
    const denied = await h.gql(adjust, { as: OLIVIA, account: "northwind", variables: { input } });
    expect(denied.body.data).toEqual({
      adjustWallet: { adjustment: null, userErrors: [{ field: null, code: "FORBIDDEN" }] },
    });
    const done = await h.gql(adjust, { as: PAT, variables: { input } });
    const again = await h.gql(adjust, { as: PAT, variables: { input } });
    expect(done.body.data).toEqual({
      adjustWallet: { adjustment: { amount: 250, description: "Goodwill credit" }, userErrors: [] },
    });
    expect(again.body.data).toEqual(done.body.data);
    expect((await balanceOf("cedar-dental")).balance).toBe(before.balance + 250);
  });
});
