// The wallet benchmark's two ways of doing one reserve+settle pair, as a metered service does it:
// one transaction to hold the tokens (2 units of content_generation), the work, then one
// transaction to charge what it used (1 unit) and release the rest.
//   (a) the GraphQL mutations reserveTokens and settleReservation over HTTP, with a console token
//   (b) the domain operations reserveTokens and settleReservation, each in withTenant
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import {
  createClient,
  type DatabaseClient,
  type TenantScope,
  withTenant,
} from "../../packages/db/src/index.ts";
import { type OperationContext, reserveTokens, settleReservation } from "../../packages/domain/src/index.ts";
import { mintConsoleToken } from "./console-token.ts";

export const SERVICE_CODE = "content_generation";
export const TOKENS_PER_UNIT = 50;
export const RESERVED_UNITS = 2;
export const SETTLED_UNITS = 1;
const USER_AGENT = "markettina-bench";

/** Who spends: the owner of a sub-account, acting in it (its own wallet). */
export interface Spender {
  accountId: string;
  userId: string;
  slug: string;
}

/** The owners of the bench database's first `count` sub-accounts (client-01, client-02, …). */
export async function findSpenders(ownerUrl: string, count: number): Promise<Spender[]> {
  const owner = createClient(ownerUrl, { max: 1 });
  try {
    const slugs = Array.from({ length: count }, (_, i) => `client-${String(i + 1).padStart(2, "0")}`);
    const rows = await owner.sql<Spender[]>`
      select a.id as "accountId", m.user_id as "userId", a.slug
        from accounts a join memberships m on m.account_id = a.id and m.role = 'owner'
       where a.slug in ${owner.sql(slugs)}
       order by a.slug`;
    if (rows.length !== count) throw new Error(`Expected ${count} sub-account owners, found ${rows.length}`);
    return [...rows];
  } finally {
    await owner.close();
  }
}

/** Funds each spender's wallet with one ledger entry, inserted as the owner role. */
export async function fundWallets(ownerUrl: string, spenders: Spender[], amount: number): Promise<void> {
  const owner = createClient(ownerUrl, { max: 1 });
  try {
    for (const { accountId } of spenders) {
      await owner.sql`
        insert into token_transactions (id, account_id, wallet_id, seq, type, amount, balance_after, description)
        values (gen_random_uuid(), ${accountId}, (select id from token_wallets where account_id = ${accountId}),
                0, 'adjustment', ${amount}, 0, 'bench funding')`;
    }
  } finally {
    await owner.close();
  }
}

/** After the run: every reservation made was settled and no tokens are left held. */
export async function checkWallets(
  ownerUrl: string,
  spenders: Spender[],
): Promise<{ held: number; reserved: number; settled: number }> {
  const owner = createClient(ownerUrl, { max: 1 });
  try {
    const ids = [...new Set(spenders.map((s) => s.accountId))];
    const [row] = await owner.sql<{ held: number; reserved: number; settled: number }[]>`
      select (select count(*)::int from token_reservations where account_id in ${owner.sql(ids)}
                 and status = 'held') as held,
             (select coalesce(sum(reserved), 0)::int from token_wallets where account_id in ${owner.sql(ids)}) as reserved,
             (select count(*)::int from token_reservations where account_id in ${owner.sql(ids)}
                 and status = 'settled') as settled`;
    return row!;
  } finally {
    await owner.close();
  }
}

/**
 * Hands each operation in flight a spender of its own: given as many spenders as operations in
 * flight, no two run on one wallet at once (give the same spender N times to share one wallet).
 */
export function spenderPool<T>(spenders: Spender[], op: (spender: Spender) => Promise<T>): () => Promise<T> {
  const free = [...spenders];
  return async () => {
    const spender = free.pop();
    if (!spender) throw new Error("More operations in flight than spenders");
    try {
      return await op(spender);
    } finally {
      free.push(spender);
    }
  };
}

export interface PairResult {
  reservationId: string;
  amount: number;
  settledAmount: number;
}

const RESERVE = `mutation Reserve($input: ReserveTokensInput!) {
  reserveTokens(input: $input) { reservation { id amount } userErrors { code message } }
}`;
const SETTLE = `mutation Settle($input: SettleReservationInput!) {
  settleReservation(input: $input) { reservation { id status settledAmount } userErrors { code message } }
}`;

interface Payload<K extends string, R> {
  data?: { [key in K]: { reservation: R | null; userErrors: { code: string; message: string }[] } | null };
  errors?: { message: string }[];
}

/** The mutation's payload, or an error naming what went wrong (the benchmark stops on it). */
function payloadOf<K extends string, R>(name: K, status: number, text: string): R {
  let body: Payload<K, R>;
  try {
    body = JSON.parse(text) as Payload<K, R>;
  } catch {
    throw new Error(`${name}: HTTP ${status}, not JSON: ${text.slice(0, 300)}`);
  }
  if (status !== 200 || body.errors?.length) {
    throw new Error(`${name}: HTTP ${status}, errors: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  const payload = body.data?.[name];
  if (payload?.userErrors.length) {
    throw new Error(`${name}: userErrors ${JSON.stringify(payload.userErrors)}`);
  }
  if (!payload?.reservation) throw new Error(`${name}: no reservation in ${text.slice(0, 300)}`);
  return payload.reservation;
}

/** (a) The two mutations over HTTP (a keep-alive connection per operation in flight). */
export function graphqlPairs(options: {
  url: string;
  secret: string;
  issuer: string;
  audience: string;
  sockets: number;
}) {
  const agent = new Agent({ keepAlive: true, maxSockets: options.sockets });
  const target = new URL("/graphql", options.url);
  // Console tokens live 10 minutes (the API's maxTokenAge); mint again after 5.
  const tokens = new Map<string, { token: string; mintedAt: number }>();
  const tokenFor = (userId: string) => {
    let t = tokens.get(userId);
    if (!t || Date.now() - t.mintedAt > 5 * 60_000) {
      const token = mintConsoleToken({
        userId,
        secret: options.secret,
        issuer: options.issuer,
        audience: options.audience,
      });
      t = { token, mintedAt: Date.now() };
      tokens.set(userId, t);
    }
    return t.token;
  };
  const post = (spender: Spender, query: string, input: object) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const body = JSON.stringify({ query, variables: { input } });
      const headers = {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "user-agent": USER_AGENT,
        authorization: `Bearer ${tokenFor(spender.userId)}`,
        "x-account-id": spender.accountId,
      };
      const req = request(target, { method: "POST", agent, headers }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  const pair = async (spender: Spender): Promise<PairResult> => {
    const r = await post(spender, RESERVE, { serviceCode: SERVICE_CODE, units: RESERVED_UNITS });
    const reservation = payloadOf<"reserveTokens", { id: string; amount: number | string }>(
      "reserveTokens",
      r.status,
      r.text,
    );
    // … the metered work happens here …
    const s = await post(spender, SETTLE, { reservationId: reservation.id, actualUnits: SETTLED_UNITS });
    const settled = payloadOf<
      "settleReservation",
      { id: string; status: string; settledAmount: number | string }
    >("settleReservation", s.status, s.text);
    // (Compared without case: the schema's billing enums are lower case, its other enums upper case.)
    if (settled.status.toLowerCase() !== "settled") {
      throw new Error(`settleReservation: status ${settled.status}`);
    }
    return {
      reservationId: reservation.id,
      amount: Number(reservation.amount),
      settledAmount: Number(settled.settledAmount),
    };
  };
  return { pair, close: () => agent.destroy() };
}

/**
 * (b) The domain operations, each in its own withTenant transaction with the scope, role and actor
 * the API derives for a sub-account's owner acting in it.
 */
export function domainPairs(client: DatabaseClient, options: { statementTimeoutMs: number }) {
  const inTenant = <T>(spender: Spender, fn: (ctx: OperationContext) => Promise<T>): Promise<T> => {
    const requestId = randomUUID();
    const scope: TenantScope = {
      accountId: spender.accountId,
      accountIds: [spender.accountId],
      userId: spender.userId,
      apiKeyId: null,
      requestId,
      statementTimeoutMs: options.statementTimeoutMs,
    };
    return withTenant(client.db, scope, (tx) =>
      fn({
        tx,
        actor: { userId: spender.userId, apiKeyId: null, requestId, ip: "127.0.0.1", userAgent: USER_AGENT },
        accountId: spender.accountId,
        role: "owner",
        scopes: null,
        scope,
      }),
    );
  };
  return async (spender: Spender): Promise<PairResult> => {
    const reservation = await inTenant(spender, (ctx) =>
      reserveTokens(ctx, { serviceCode: SERVICE_CODE, units: RESERVED_UNITS }),
    );
    // … the metered work happens here …
    const settled = await inTenant(spender, (ctx) =>
      settleReservation(ctx, { reservationId: reservation.id, actualUnits: SETTLED_UNITS }),
    );
    return {
      reservationId: reservation.id,
      amount: reservation.amount,
      settledAmount: settled.settledAmount,
    };
  };
}
