// Auto-recharge on real PostgreSQL: a wallet that falls below its threshold gets one purchase of
// its chosen package per fall, however often the job runs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestAutoRecharges } from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const account = randomUUID();
const packageId = randomUUID();

beforeAll(async () => {
  h = await startDomainHarness();
  await h.owner`insert into accounts (id, name, slug) values (${account}, 'Bakery', 'bakery')`;
  await h.owner`insert into token_packages (id, name, tokens, price_minor) values (${packageId}, 'Refill', 5000, 900)`;
  await post(1_000);
  await h.owner`update token_wallets set low_balance_threshold = 500, auto_recharge_enabled = true,
    auto_recharge_package_id = ${packageId} where account_id = ${account}`;
});

afterAll(async () => {
  await h?.close();
});

/** A ledger entry as the owner (the trigger moves the balance and flags the low balance). */
async function post(amount: number) {
  await h.owner`insert into token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after, description)
    values (${randomUUID()}, ${account}, (select id from token_wallets where account_id = ${account}), 0,
            ${amount > 0 ? "adjustment" : "debit"}, ${amount}, 0, 'test')`;
}

const invoices = () =>
  h.owner`select i.status, i.total_minor::int as total, p.provider, p.status as payment
          from invoices i join payments p on p.invoice_id = i.id where i.account_id = ${account} order by i.number`;

describe("auto-recharge", () => {
  it("issues one purchase of the chosen package per fall below the threshold", async () => {
    expect(await requestAutoRecharges(h.db)).toEqual([]);
    await post(-600); // 400 < 500: crossed
    const [first, second] = await Promise.all([requestAutoRecharges(h.db), requestAutoRecharges(h.db)]);
    expect([...first, ...second].filter((o) => o.invoiceId)).toHaveLength(1);
    expect(await requestAutoRecharges(h.db)).toEqual([]);
    expect(await invoices()).toEqual([
      { status: "open", total: 900, provider: "manual", payment: "pending" },
    ]);
    const [event] = await h.owner`select count(*)::int as n from domain_events
      where account_id = ${account} and event_type = 'wallet.auto_recharge_requested'`;
    expect(event!.n).toBe(1);

    await post(600); // back above the threshold
    await post(-700); // and below again
    const again = await requestAutoRecharges(h.db);
    expect(again.filter((o) => o.invoiceId)).toHaveLength(1);
    expect(await invoices()).toHaveLength(2);
  });

  it("marks the fall and reports why when the package is no longer on sale", async () => {
    await h.owner`update token_packages set active = false where id = ${packageId}`;
    await post(5_000);
    await post(-5_000);
    const outcomes = await requestAutoRecharges(h.db);
    expect(outcomes).toEqual([
      { accountId: account, invoiceId: null, error: "This package is not on sale." },
    ]);
    expect(await requestAutoRecharges(h.db)).toEqual([]);
    expect(await invoices()).toHaveLength(2);
  });
});
