// `pnpm bench:wallet`: reserve+settle pairs per second — a metered service's two wallet
// transactions — next to pgbench's TPC-B-like transaction on the same PostgreSQL server, measured in
// one run with the cases taking turns.
//   (a) the API in-process: mutations reserveTokens then settleReservation over HTTP, console token,
//       X-Account-Id = the spending sub-account
//   (b) the domain operations reserveTokens then settleReservation, each in withTenant
//   (c) pgbench -n -b tpcb-like -M prepared -c N -j N -T <slice> on its own database
//       (markettina_pgbench, pgbench -i -s 1, as the owner role)
// A pair is one transaction holding 2 units of content_generation (100 tokens) and one charging 1
// unit (50 tokens) and releasing the rest. Prints pairs (a, b) and transactions (c) per second,
// mean latency, SQL statements per pair, and the ratios a/c and b/c, one client at a time and with
// N clients; with N clients (a) and (b) run once with a wallet per client and once with all on one.
//   --seconds 5        timed run of each case, per client count and wallet layout
//   --warmup 1         warm-up of each case before timing (whole seconds for pgbench)
//   --slice 1          length of one turn (whole seconds: pgbench -T)
//   --concurrency 4    clients for the second set of figures (1 always runs)
//   --wallets separate,shared   layouts with N clients: one wallet per client, one for all
//   --only a,b,c       cases to run
// BENCH_TRACE_SQL=1 prints every SQL statement sent (use with --seconds 1 --warmup 0 --only a,b).
// Runs as production does (NODE_ENV=production). Loopback only; stops by itself.
import { parseArgs } from "node:util";
import type { RunningApi } from "../apps/api/src/index.ts";
import { createClient, type DatabaseClient } from "../packages/db/src/index.ts";
import { createBenchDatabase } from "./support/bench-database.ts";
import { interleave, type Measurement } from "./support/timing.ts";
import {
  checkWallets,
  domainPairs,
  findSpenders,
  fundWallets,
  graphqlPairs,
  type PairResult,
  RESERVED_UNITS,
  SERVICE_CODE,
  SETTLED_UNITS,
  type Spender,
  spenderPool,
  TOKENS_PER_UNIT,
} from "./support/wallet-cases.ts";
import { createPgbenchDatabase, findPgbench, type Pgbench, runPgbench } from "./support/wallet-pgbench.ts";
import { type ServerClock, serverClock } from "./support/wallet-server-time.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    slice: { type: "string", default: "1" },
    concurrency: { type: "string", default: "4" },
    wallets: { type: "string", default: "separate,shared" },
    only: { type: "string", default: "a,b,c" },
  },
});
const sliceSeconds = Number(args.slice);
const warmupSeconds = Number(args.warmup);
if (!Number.isInteger(sliceSeconds) || sliceSeconds < 1 || !Number.isInteger(warmupSeconds)) {
  throw new Error("--slice and --warmup are whole seconds (pgbench -T), --slice at least 1");
}
const slices = Math.max(1, Math.round(Number(args.seconds) / sliceSeconds));
const levels = [...new Set([1, Number(args.concurrency)])];
const layouts = new Set(args.wallets.split(","));
const only = new Set(args.only.split(","));
const FUNDING = 1_000_000_000;
const benchDatabaseName = "markettina_bench";

// Before the API is loaded: graphql-js reads NODE_ENV once, when it loads. The configuration
// refuses the development secret in production, so the benchmark brings its own.
process.env.NODE_ENV ??= "production";
process.env.AUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789abcdef";
const authSecret = process.env.AUTH_SECRET;
// Loaded only for (a), so that (b) and (c) run without the GraphQL schema.
const apiModule = only.has("a") ? await import("../apps/api/src/index.ts") : null;

const STATEMENT_TIMEOUT_MS = 10_000;
const transactionControl = /^\s*(begin|commit|rollback)\b/i;
// Statements each side sends (API / benchmark client), for statements per pair.
const sent = { api: { work: 0, control: 0 }, bench: { work: 0, control: 0 } };
const counter = (side: keyof typeof sent) => (query: string) => {
  if (process.env.BENCH_TRACE_SQL === "1") console.log(`${side}> ${query.replace(/\s+/g, " ")}`);
  sent[side][transactionControl.test(query) ? "control" : "work"]++;
};

type Pair = (spender: Spender) => Promise<PairResult>;

interface Case {
  key: string;
  label: string;
  clients: number;
  wallets: string;
  /** Where its statements run, for the server's execution time. */
  database: string;
  /** One timed turn of `seconds`. */
  turn: (seconds: number) => Promise<Measurement>;
}

/** Sums turns into one figure: operations over the time they took, busy time over operations. */
function total(turns: Measurement[]): Measurement {
  const iterations = turns.reduce((n, m) => n + m.iterations, 0);
  const seconds = turns.reduce((n, m) => n + m.seconds, 0);
  const busyMs = turns.reduce((n, m) => n + (m.iterations ? m.meanMs * m.iterations : 0), 0);
  return {
    concurrency: turns[0]!.concurrency,
    iterations,
    seconds,
    throughput: iterations / seconds,
    meanMs: busyMs / iterations,
  };
}

interface Setup {
  ownerUrl: string;
  clock: ServerClock;
  spenders: Spender[];
  pgbench: Pgbench | null;
  http: ReturnType<typeof graphqlPairs> | null;
  client: DatabaseClient;
}

async function run({ ownerUrl, clock, spenders, pgbench, http, client }: Setup): Promise<void> {
  const pairCases: { key: string; label: string; pair: Pair; side: keyof typeof sent }[] = [];
  if (http) pairCases.push({ key: "a", label: "(a) GraphQL over HTTP", pair: http.pair, side: "api" });
  if (only.has("b")) {
    const pair = domainPairs(client, { statementTimeoutMs: STATEMENT_TIMEOUT_MS });
    pairCases.push({ key: "b", label: "(b) domain operations", pair, side: "bench" });
  }

  const casesFor = (clients: number): Case[] => {
    const cases: Case[] = [];
    const wallets =
      clients === 1
        ? [{ name: "1", spenders: spenders.slice(0, 1) }]
        : [
            { name: `${clients}, one each`, layout: "separate", spenders: spenders.slice(0, clients) },
            { name: "1, shared", layout: "shared", spenders: Array<Spender>(clients).fill(spenders[0]!) },
          ].filter((w) => layouts.has(w.layout));
    for (const w of wallets) {
      for (const c of pairCases) {
        const op = spenderPool(w.spenders, c.pair);
        cases.push({
          key: c.key,
          label: c.label,
          clients,
          wallets: w.name,
          database: benchDatabaseName,
          turn: async (seconds) => {
            const ms = seconds * 1000;
            const timing = { warmupMs: 0, durationMs: ms, sliceMs: ms, concurrency: clients };
            return (await interleave({ op }, timing)).op;
          },
        });
      }
    }
    if (pgbench) {
      cases.push({
        key: "c",
        label: "(c) pgbench tpcb-like",
        clients,
        wallets: "1 branch",
        database: pgbench.database,
        turn: async (seconds) => {
          const r = await runPgbench(pgbench, { clients, seconds });
          if (r.failed) throw new Error(`pgbench: ${r.failed} failed transactions:\n${r.output}`);
          return {
            concurrency: clients,
            iterations: r.transactions,
            seconds: r.transactions / r.tps,
            throughput: r.tps,
            meanMs: r.latencyMs,
          };
        },
      });
    }
    return cases;
  };

  // One pair each before timing: the answer is checked, and the second pair's statements are
  // counted (the first run of a statement on a connection also prepares it).
  const statements = new Map<string, string>([["c", "5 + 2 BEGIN/END"]]);
  const expected = {
    amount: RESERVED_UNITS * TOKENS_PER_UNIT,
    settledAmount: SETTLED_UNITS * TOKENS_PER_UNIT,
  };
  for (const c of pairCases) {
    await c.pair(spenders[0]!);
    const before = { ...sent[c.side] };
    const result = await c.pair(spenders[0]!);
    if (result.amount !== expected.amount || result.settledAmount !== expected.settledAmount) {
      throw new Error(`${c.label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(result)}`);
    }
    const work = sent[c.side].work - before.work;
    const control = sent[c.side].control - before.control;
    statements.set(c.key, `${work} + ${control} BEGIN/COMMIT`);
  }

  const rows: { c: Case; m: Measurement; serverMs: number | null }[] = [];
  for (const clients of levels) {
    const cases = casesFor(clients);
    if (warmupSeconds > 0) for (const c of cases) await c.turn(warmupSeconds);
    const turns = cases.map(() => [] as Measurement[]);
    const serverMs = cases.map((): number | null => 0);
    // The turns rotate (a b c, b c a, …) so that no case always follows the same one.
    for (let round = 0; round < slices; round++) {
      for (let i = 0; i < cases.length; i++) {
        const k = (round + i) % cases.length;
        const before = await clock.read(cases[k]!.database);
        turns[k]!.push(await cases[k]!.turn(sliceSeconds));
        const after = await clock.read(cases[k]!.database);
        serverMs[k] = before === null || after === null ? null : serverMs[k]! + after - before;
      }
    }
    cases.forEach((c, k) => {
      rows.push({ c, m: total(turns[k]!), serverMs: serverMs[k]! });
    });
  }
  const check = await checkWallets(ownerUrl, spenders);
  if (check.held !== 0 || check.reserved !== 0) {
    throw new Error(`Reservations left held after the run: ${JSON.stringify(check)}`);
  }

  console.log(
    `\nPair: reserveTokens(${SERVICE_CODE}, ${RESERVED_UNITS} units), then settleReservation(${SETTLED_UNITS} unit): ` +
      `two transactions. ${args.seconds} s per figure in turns of ${sliceSeconds} s; ` +
      `${check.settled} reservations made and settled, none left held.`,
  );
  console.log(
    `node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, ${navigator.hardwareConcurrency} CPUs` +
      (pgbench ? `; ${pgbench.version}, -M prepared` : ""),
  );
  console.log(
    "\n| case | clients | wallets | pairs (c: tx) / s | mean latency (ms) | server exec (ms) / op | SQL statements / op |",
  );
  console.log("| --- | ---: | --- | ---: | ---: | ---: | --- |");
  for (const { c, m, serverMs } of rows) {
    const server = serverMs === null ? "–" : (serverMs / m.iterations).toFixed(2);
    console.log(
      `| ${c.label} | ${c.clients} | ${c.wallets} | ${m.throughput.toFixed(0)} | ${m.meanMs.toFixed(2)} | ${server} | ${statements.get(c.key)} |`,
    );
  }
  console.log("");
  for (const { c, m } of rows) {
    const base = rows.find((r) => r.c.key === "c" && r.c.clients === c.clients);
    if (c.key === "c" || !base) continue;
    const target = c.key === "a" ? 0.25 : 0.5;
    const ratio = m.throughput / base.m.throughput;
    console.log(
      `${c.key}/c, ${c.clients} client(s), wallets ${c.wallets}: ${ratio.toFixed(3)} ` +
        `(target ≥ ${target}: ${ratio >= target ? "met" : "missed"})`,
    );
  }
  // What the API adds to the domain operations (no target; for the analysis).
  for (const { c, m } of rows) {
    const b = rows.find((r) => r.c.key === "b" && r.c.clients === c.clients && r.c.wallets === c.wallets);
    if (c.key === "a" && b) {
      console.log(
        `a/b, ${c.clients} client(s), wallets ${c.wallets}: ${(m.throughput / b.m.throughput).toFixed(2)}`,
      );
    }
  }
}

const pgbenchBin = only.has("c") ? await findPgbench() : null;
const database = await createBenchDatabase(benchDatabaseName);
// Everything below is closed in the finally block at the end, whatever fails.
let api: RunningApi | null = null;
let client: DatabaseClient | null = null;
let http: ReturnType<typeof graphqlPairs> | null = null;
const clock = serverClock(database.ownerUrl);
let failed: unknown = null;
try {
  const spenders = await findSpenders(database.ownerUrl, Math.max(...levels));
  await fundWallets(database.ownerUrl, spenders, FUNDING);
  const pgbench = pgbenchBin
    ? await createPgbenchDatabase(pgbenchBin, database.ownerUrl, { scale: 1 })
    : null;
  if (apiModule) {
    api = await apiModule.startApi({
      appUrl: database.appUrl,
      worker: false,
      config: { port: 0, host: "127.0.0.1", authSecret, statementTimeoutMs: STATEMENT_TIMEOUT_MS },
      onQuery: counter("api"),
    });
    http = graphqlPairs({
      url: api.url,
      secret: authSecret,
      issuer: apiModule.CONSOLE_TOKEN_ISSUER,
      audience: apiModule.CONSOLE_TOKEN_AUDIENCE,
      sockets: Math.max(...levels),
    });
  }
  client = createClient(database.appUrl, { max: 10, onQuery: counter("bench") });
  await run({ ownerUrl: database.ownerUrl, clock, spenders, pgbench, http, client });
} catch (error) {
  failed = error;
} finally {
  http?.close();
  await api?.close();
  await client?.close();
  await clock.close();
  await database.stop();
}
if (failed) {
  console.error("\nbench:wallet stopped:", failed);
  process.exitCode = 1;
}
