// The ledger on real PostgreSQL, under concurrency: reservations, settlements, transfers and
// rebilling keep every invariant (balance ≥ 0, reserved ≤ balance, balance = Σ ledger, each
// balance_after following from the previous row) whatever the interleaving.
import { randomUUID } from "node:crypto";
import { readWallet, setWalletBalance } from "@markettina/db/testing";
import postgres from "postgres";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  creditTokens,
  DomainError,
  expireTokens,
  type OperationContext,
  releaseExpiredReservations,
  releaseReservation,
  reserveTokens,
  setSubAccountMarkup,
  settleReservation,
  transferTokens,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const ids = { agency: "", child: "", other: "", user: "" };

beforeAll(async () => {
  h = await startDomainHarness({ owner: 4, app: 12 });
  ids.user = randomUUID();
  ids.agency = randomUUID();
  ids.child = randomUUID();
  ids.other = randomUUID();
  await h.owner`insert into users (id, email, name) values (${ids.user}, 'owner@ledger.test', 'Owner')`;
  await h.owner`insert into accounts (id, name, slug, kind) values (${ids.agency}, 'Agency', 'agency', 'agency')`;
  await h.owner`insert into accounts (id, name, slug, parent_account_id) values (${ids.child}, 'Client', 'client', ${ids.agency})`;
  await h.owner`insert into accounts (id, name, slug) values (${ids.other}, 'Other', 'other')`;
  await h.owner`insert into memberships (id, account_id, user_id, role) values
    (${randomUUID()}, ${ids.agency}, ${ids.user}, 'owner'), (${randomUUID()}, ${ids.other}, ${ids.user}, 'owner')`;
});

afterAll(async () => {
  await h?.close();
});

/** Brings a wallet to exactly `balance` with nothing reserved (an adjustment entry, as owner). */
const setBalance = (accountId: string, balance: number) => setWalletBalance(h.owner, accountId, balance);

/** Runs an operation in its own RLS transaction, as the agency owner acting in `accountId`. */
function as<T>(accountId: string, op: (ctx: OperationContext) => Promise<T>): Promise<T> {
  // Agency managers act in their sub-accounts: the agency's scope includes its child.
  const accountIds = accountId === ids.agency ? [ids.agency, ids.child] : [accountId];
  return h.run({ accountId, accountIds, userId: ids.user, role: "owner" }, op);
}

const codeOf = (error: unknown) => (error instanceof DomainError ? error.errors[0]?.code : String(error));

const wallet = (accountId: string) => readWallet(h.owner, accountId);

/** Every invariant of every wallet, checked from the rows. */
async function expectInvariants() {
  const broken = await h.owner`
    with chain as (
      select t.wallet_id, t.seq, t.amount, t.balance_after,
             lag(t.balance_after, 1, 0::bigint) over (partition by t.wallet_id order by t.seq) as previous,
             row_number() over (partition by t.wallet_id order by t.seq) as n
        from token_transactions t
    )
    select w.id, 'balance != sum(ledger)' as problem from token_wallets w
     where w.balance <> coalesce((select sum(amount) from token_transactions t where t.wallet_id = w.id), 0)
    union all
    select w.id, 'reserved != held reservations' from token_wallets w
     where w.reserved <> coalesce((select sum(amount) from token_reservations r
                                    where r.wallet_id = w.id and r.status = 'held'), 0)
    union all
    select w.id, 'last_seq != entries' from token_wallets w
     where w.last_seq <> (select count(*) from token_transactions t where t.wallet_id = w.id)
    union all
    select w.id, 'balance != lots remaining' from token_wallets w
     where w.balance <> coalesce((select sum(remaining) from token_lots l where l.wallet_id = w.id), 0)
    union all
    select wallet_id, 'balance_after chain broken at seq ' || seq from chain
     where balance_after <> previous + amount or seq <> n or balance_after < 0`;
  expect(broken).toEqual([]);
}

describe("reservations", () => {
  beforeEach(() => setBalance(ids.other, 1_000));

  it("lets exactly K of N parallel reservations succeed when the balance covers K", async () => {
    // content_generation costs 50 tokens a unit: 2 units = 100; 1,000 tokens cover 10 of 25.
    const attempts = await Promise.allSettled(
      Array.from({ length: 25 }, () =>
        as(ids.other, (ctx) => reserveTokens(ctx, { serviceCode: "content_generation", units: 2 })),
      ),
    );
    const held = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a) => a.status === "rejected").map((a) => codeOf(a.reason));
    expect(held).toHaveLength(10);
    expect(new Set(refused)).toEqual(new Set(["INSUFFICIENT_TOKENS"]));
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 1_000 });

    // Settling each for less than held charges the actual cost and frees the rest.
    await Promise.all(
      held.map((h) =>
        as(ids.other, (ctx) => settleReservation(ctx, { reservationId: h.value.id, actualUnits: 1 })),
      ),
    );
    expect(await wallet(ids.other)).toEqual({ balance: 500, reserved: 0 });
    await expectInvariants();
  });

  it("settles once: a replay answers as the first did, a different amount conflicts", async () => {
    const r = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 4 }),
    );
    const [first, second] = await Promise.all([
      as(ids.other, (ctx) => settleReservation(ctx, { reservationId: r.id, actualUnits: 3 })),
      as(ids.other, (ctx) => settleReservation(ctx, { reservationId: r.id, actualUnits: 3 })),
    ]);
    expect(second).toEqual(first);
    expect(await wallet(ids.other)).toEqual({ balance: 850, reserved: 0 });
    await expect(
      as(ids.other, (ctx) => settleReservation(ctx, { reservationId: r.id, actualUnits: 2 })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT", field: "reservationId" }] });
    await expect(
      as(ids.other, (ctx) => releaseReservation(ctx, { reservationId: r.id })),
    ).rejects.toMatchObject({ errors: [{ code: "CONFLICT" }] });
    await expectInvariants();
  });

  it("refuses to settle more than was reserved, and releases without charging", async () => {
    const r = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 2 }),
    );
    await expect(
      as(ids.other, (ctx) => settleReservation(ctx, { reservationId: r.id, actualUnits: 3 })),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "actualUnits" }] });
    await as(ids.other, (ctx) => releaseReservation(ctx, { reservationId: r.id }));
    await as(ids.other, (ctx) => releaseReservation(ctx, { reservationId: r.id }));
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 0 });
  });

  it("rejects bad input with typed errors and writes nothing", async () => {
    const before = await h.owner`select count(*)::int as n from token_reservations`;
    for (const [input, field] of [
      [{ serviceCode: "content_generation", units: 0 }, "units"],
      [{ serviceCode: "content_generation", units: -3 }, "units"],
      [{ serviceCode: "content_generation", units: 1.5 }, "units"],
      [{ serviceCode: "no_such_service", units: 1 }, "serviceCode"],
      [{ serviceCode: "content_generation", units: 21 }, "units"],
    ] as const) {
      const error = await as(ids.other, (ctx) => reserveTokens(ctx, input)).catch((e) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(DomainError);
      expect((error as DomainError).errors[0]!.field).toBe(field);
    }
    expect(await h.owner`select count(*)::int as n from token_reservations`).toEqual(before);
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 0 });
  });

  it("returns the first reservation for a repeated idempotency key", async () => {
    const key = randomUUID();
    const a = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 2, idempotencyKey: key }),
    );
    const b = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 2, idempotencyKey: key }),
    );
    expect(b.id).toBe(a.id);
    await expect(
      as(ids.other, (ctx) =>
        reserveTokens(ctx, { serviceCode: "content_generation", units: 3, idempotencyKey: key }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "IDEMPOTENCY_KEY_REUSED" }] });
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 100 });
  });

  it("releases holds whose work never reported back", async () => {
    const r = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 2, ttlSeconds: 10 }),
    );
    await h.owner`update token_reservations set expires_at = now() - interval '1 second' where id = ${r.id}`;
    expect(await releaseExpiredReservations(h.db)).toBe(1);
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 0 });
    const [row] = await h.owner`select status from token_reservations where id = ${r.id}`;
    expect(row!.status).toBe("released");
  });
});

describe("transfers", () => {
  beforeEach(async () => {
    await setBalance(ids.agency, 1_000);
    await setBalance(ids.child, 0);
  });

  it("moves tokens as one double entry, and a replay moves nothing more", async () => {
    const key = randomUUID();
    const first = await as(ids.agency, (ctx) =>
      transferTokens(ctx, { toAccountId: ids.child, amount: 300, idempotencyKey: key }),
    );
    const replay = await as(ids.agency, (ctx) =>
      transferTokens(ctx, { toAccountId: ids.child, amount: 300, idempotencyKey: key }),
    );
    expect(replay).toEqual(first);
    expect(await wallet(ids.agency)).toEqual({ balance: 700, reserved: 0 });
    expect(await wallet(ids.child)).toEqual({ balance: 300, reserved: 0 });
    await expect(
      as(ids.agency, (ctx) =>
        transferTokens(ctx, { toAccountId: ids.child, amount: 301, idempotencyKey: key }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" }] });
    const entries = await h.owner`select type, amount::int, counterparty_account_id from token_transactions
      where id in (${first.outgoingEntryId}, ${first.incomingEntryId}) order by amount`;
    expect(entries).toEqual([
      { type: "transfer_out", amount: -300, counterparty_account_id: ids.child },
      { type: "transfer_in", amount: 300, counterparty_account_id: ids.agency },
    ]);
    await expectInvariants();
  });

  it("refuses zero, negative, too large and foreign transfers, writing nothing", async () => {
    const ledger = await h.owner`select count(*)::int as n from token_transactions`;
    const cases: [Parameters<typeof transferTokens>[1], string, string][] = [
      [{ toAccountId: ids.child, amount: 0, idempotencyKey: randomUUID() }, "INVALID", "amount"],
      [{ toAccountId: ids.child, amount: -5, idempotencyKey: randomUUID() }, "INVALID", "amount"],
      [
        { toAccountId: ids.child, amount: 1_001, idempotencyKey: randomUUID() },
        "INSUFFICIENT_TOKENS",
        "amount",
      ],
      // Not the agency's child: a standalone account, and the agency itself.
      [{ toAccountId: ids.other, amount: 10, idempotencyKey: randomUUID() }, "NOT_FOUND", "toAccountId"],
      [{ toAccountId: ids.agency, amount: 10, idempotencyKey: randomUUID() }, "NOT_FOUND", "toAccountId"],
    ];
    for (const [input, code, field] of cases) {
      await expect(
        as(ids.agency, (ctx) => transferTokens(ctx, input)),
        JSON.stringify(input),
      ).rejects.toMatchObject({ errors: [{ code, field }] });
    }
    expect(await h.owner`select count(*)::int as n from token_transactions`).toEqual(ledger);
    expect(await wallet(ids.agency)).toEqual({ balance: 1_000, reserved: 0 });
  });

  it("leaves both wallets as they were when the transfer fails midway", async () => {
    // A real failure between the two entries: the credit to the sub-account is refused by the
    // database after the agency's debit was written.
    await h.owner.unsafe(`
      create function test_fail_transfer_in() returns trigger language plpgsql as $$
      begin
        if new.type = 'transfer_in' then raise exception 'disk full (simulated)'; end if;
        return new;
      end $$;
      create trigger test_fail_transfer_in after insert on token_transactions
        for each row execute function test_fail_transfer_in();`);
    try {
      await expect(
        as(ids.agency, (ctx) =>
          transferTokens(ctx, { toAccountId: ids.child, amount: 400, idempotencyKey: randomUUID() }),
        ),
      ).rejects.toMatchObject({ cause: { message: "disk full (simulated)" } });
    } finally {
      await h.owner.unsafe(
        "drop trigger test_fail_transfer_in on token_transactions; drop function test_fail_transfer_in()",
      );
    }
    expect(await wallet(ids.agency)).toEqual({ balance: 1_000, reserved: 0 });
    expect(await wallet(ids.child)).toEqual({ balance: 0, reserved: 0 });
    const [{ n }] =
      (await h.owner`select count(*)::int as n from token_transactions where type = 'transfer_out'
      and account_id = ${ids.agency} and amount = -400`) as unknown as [{ n: number }];
    expect(n).toBe(0);
    await expectInvariants();
  });

  it("keeps the balance whole when transfers race with debits", async () => {
    // 1,000 tokens; 12 transfers of 60 and 12 reserve+settle debits of 50 compete: at most
    // 1,000 can leave, never more, and every entry stays in order.
    const transfers = Array.from({ length: 12 }, () =>
      as(ids.agency, (ctx) =>
        transferTokens(ctx, { toAccountId: ids.child, amount: 60, idempotencyKey: randomUUID() }),
      ).then(() => 60),
    );
    const debits = Array.from({ length: 12 }, () =>
      as(ids.agency, async (ctx) => {
        const r = await reserveTokens(ctx, { serviceCode: "content_generation", units: 1 });
        await settleReservation(ctx, { reservationId: r.id, actualUnits: 1 });
        return 50;
      }),
    );
    const outcomes = await Promise.allSettled([...transfers, ...debits]);
    const spent = outcomes.reduce((sum, o) => sum + (o.status === "fulfilled" ? o.value : 0), 0);
    for (const o of outcomes) {
      if (o.status === "rejected") expect(codeOf(o.reason)).toBe("INSUFFICIENT_TOKENS");
    }
    const agency = await wallet(ids.agency);
    expect(agency.balance).toBe(1_000 - spent);
    expect(agency.balance).toBeGreaterThanOrEqual(0);
    const transferred = outcomes.slice(0, 12).filter((o) => o.status === "fulfilled").length * 60;
    expect(await wallet(ids.child)).toEqual({ balance: transferred, reserved: 0 });
    await expectInvariants();
  });
});

describe("rebilling", () => {
  beforeEach(async () => {
    await setBalance(ids.agency, 0);
    await setBalance(ids.child, 1_000);
  });

  it("charges the sub-account the marked-up price and credits the markup to the agency", async () => {
    await as(ids.agency, (ctx) => setSubAccountMarkup(ctx, { subAccountId: ids.child, markupBps: 2_000 }));
    // content_generation: 50 a unit, +20 % = 60; 3 units held = 180, 2 used = 120 (20 markup).
    const r = await as(ids.child, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 3 }),
    );
    expect(r.amount).toBe(180);
    const s = await as(ids.child, (ctx) => settleReservation(ctx, { reservationId: r.id, actualUnits: 2 }));
    expect(s).toMatchObject({ settledAmount: 120, markupAmount: 20 });
    expect(await wallet(ids.child)).toEqual({ balance: 880, reserved: 0 });
    expect(await wallet(ids.agency)).toEqual({ balance: 20, reserved: 0 });
    const [markup] =
      await h.owner`select type, amount::int, counterparty_account_id, reference_id from token_transactions
      where account_id = ${ids.agency} and type = 'markup'`;
    expect(markup).toEqual({
      type: "markup",
      amount: 20,
      counterparty_account_id: ids.child,
      reference_id: r.id,
    });
    await expectInvariants();
  });

  it("lets an agency mark up only its own sub-accounts", async () => {
    await expect(
      as(ids.agency, (ctx) => setSubAccountMarkup(ctx, { subAccountId: ids.other, markupBps: 500 })),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "subAccountId" }] });
    await expect(
      as(ids.agency, (ctx) => setSubAccountMarkup(ctx, { subAccountId: ids.child, markupBps: -1 })),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "markupBps" }] });
  });
});

describe("the ledger itself", () => {
  it("is append-only, and the application cannot set a balance", async () => {
    const appSql = postgres(h.database.appUrl, { max: 1, onnotice: () => {} });
    try {
      const scoped = (q: (tx: postgres.TransactionSql) => Promise<unknown>) =>
        appSql.begin(async (tx) => {
          await tx`select set_config('app.account_ids', ${`{${ids.other}}`}, true)`;
          return q(tx);
        });
      await expect(scoped((tx) => tx`update token_transactions set amount = 1`)).rejects.toMatchObject({
        code: "42501",
      });
      await expect(scoped((tx) => tx`delete from token_transactions`)).rejects.toMatchObject({
        code: "42501",
      });
      await expect(scoped((tx) => tx`update token_wallets set balance = 1e9`)).rejects.toMatchObject({
        code: "42501",
      });
    } finally {
      await appSql.end();
    }
  });

  it("raises one low-balance event per crossing of the threshold, not one per debit", async () => {
    await setBalance(ids.other, 1_000);
    await h.owner`update token_wallets set low_balance_threshold = 800, low_balance_since = null where account_id = ${ids.other}`;
    const spend = (units: number) =>
      as(ids.other, async (ctx) => {
        const r = await reserveTokens(ctx, { serviceCode: "content_generation", units });
        return settleReservation(ctx, { reservationId: r.id, actualUnits: units });
      });
    const events = async () =>
      (
        await h.owner`select event_type from domain_events where account_id = ${ids.other}
          and event_type in ('wallet.low_balance', 'wallet.balance_restored') order by created_at, id`
      ).map((e) => e.event_type);
    await spend(2); // 900
    expect(await events()).toEqual([]);
    await spend(4); // 700: crossed
    await spend(1); // 650: still below
    await spend(1); // 600
    expect(await events()).toEqual(["wallet.low_balance"]);
    await setBalance(ids.other, 1_000); // back above
    await spend(6); // 700: crossed again
    expect(await events()).toEqual(["wallet.low_balance", "wallet.balance_restored", "wallet.low_balance"]);
  });
});

describe("bonus token expiry", () => {
  it("spends expiring bonus tokens first and expires only what is left and unreserved", async () => {
    await setBalance(ids.other, 0);
    await h.owner`update token_wallets set low_balance_threshold = null where account_id = ${ids.other}`;
    await as(ids.other, (ctx) =>
      creditTokens(ctx, {
        accountId: ids.other,
        type: "purchase",
        amount: 1_000,
        idempotencyKey: randomUUID(),
      }),
    );
    const bonus = await as(ids.other, (ctx) =>
      creditTokens(ctx, {
        accountId: ids.other,
        type: "bonus",
        amount: 300,
        idempotencyKey: randomUUID(),
        expiresAt: new Date(Date.now() + 3_600_000),
      }),
    );
    // 100 spent: drawn from the bonus, which expires first, not from the older purchase.
    const spent = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 2 }),
    );
    await as(ids.other, (ctx) => settleReservation(ctx, { reservationId: spent.id, actualUnits: 2 }));
    const lots = async () =>
      h.owner`select l.amount::int, l.remaining::int, l.expires_at is not null as expiring from token_lots l
        where l.account_id = ${ids.other} and l.remaining > 0 order by l.created_at`;
    expect(await lots()).toEqual([
      { amount: 1_000, remaining: 1_000, expiring: false },
      { amount: 300, remaining: 200, expiring: true },
    ]);

    // The bonus expires; nothing else does, and tokens on hold are not taken from under it.
    await h.owner`update token_lots set expires_at = now() - interval '1 second' where entry_id = ${bonus.id}`;
    // 1,100 of the 1,200 on hold: only 100 unreserved tokens can expire now.
    const hold = await as(ids.other, (ctx) =>
      reserveTokens(ctx, { serviceCode: "content_generation", units: 22 }),
    );
    expect(await expireTokens(h.db)).toBe(1);
    expect(await wallet(ids.other)).toEqual({ balance: 1_100, reserved: 1_100 });
    await as(ids.other, (ctx) => releaseReservation(ctx, { reservationId: hold.id }));
    expect(await expireTokens(h.db)).toBe(1);
    expect(await expireTokens(h.db)).toBe(0);
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 0 });
    const expiries = await h.owner`select type, amount::int from token_transactions
      where account_id = ${ids.other} and type = 'expiry' order by seq`;
    expect(expiries).toEqual([
      { type: "expiry", amount: -100 },
      { type: "expiry", amount: -100 },
    ]);
    await expectInvariants();
  });

  it("refuses an expiry date on anything but bonus tokens", async () => {
    await expect(
      as(ids.other, (ctx) =>
        creditTokens(ctx, {
          accountId: ids.other,
          type: "purchase",
          amount: 5,
          idempotencyKey: randomUUID(),
          expiresAt: new Date(),
        }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "INVALID", field: "expiresAt" }] });
  });
});
