// `pnpm bench`: what a nested GraphQL read over HTTP costs next to the same read written by hand,
// measured in one run, on one database, with the cases taking turns.
//   (a) the real API in-process: POST /graphql with a console token, X-Account-Id = the agency
//   (b) baseline: postgres.js, one RLS transaction (BEGIN; the tenant settings; one SQL statement
//       with json aggregation; COMMIT), serialised with JSON.stringify
//   (c) the Drizzle relational query alone, in the same kind of transaction
// Prints throughput and mean latency of each, one at a time and with requests in flight, the
// ratios a/b and c/b, and SQL statements per operation. Loopback only; stops by itself.
//   --seconds 5     timed run of each case, per concurrency level
//   --warmup 1      warm-up of each case before timing
//   --slice 0.5     length of one turn
//   --concurrency 8 requests in flight for the second table
//   --only a,b,c    cases to run
//   --profile f     write a CPU profile of the timed runs to f
// BENCH_TRACE_SQL=1 prints every SQL statement sent (use with --seconds 0 --warmup 0).
// Runs as production does (NODE_ENV=production: graphql-js skips its development-only checks);
// `NODE_ENV=development pnpm bench` measures the development mode.
import { parseArgs } from "node:util";
import { createClient, type TenantScope } from "../packages/db/src/index.ts";
import { createBenchDatabase, MEMBERS_PER_ACCOUNT, SUB_ACCOUNTS } from "./support/bench-database.ts";
import { mintConsoleToken } from "./support/console-token.ts";
import { startProfiler } from "./support/profiler.ts";
import { drizzleRelationalQuery, graphqlOverHttp, handWrittenSql, QUERY } from "./support/read-cases.ts";
import { interleave, type Measurement } from "./support/timing.ts";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    warmup: { type: "string", default: "1" },
    slice: { type: "string", default: "0.5" },
    concurrency: { type: "string", default: "8" },
    only: { type: "string", default: "a,b,c" },
    profile: { type: "string" },
  },
});
const timing = {
  durationMs: Number(args.seconds) * 1000,
  warmupMs: Number(args.warmup) * 1000,
  sliceMs: Number(args.slice) * 1000,
};
const levels = [...new Set([1, Number(args.concurrency)])];
const only = new Set(args.only.split(","));

// Before the API is loaded: graphql-js reads NODE_ENV once, when it loads. The configuration
// refuses the development secret in production, so the benchmark brings its own.
process.env.NODE_ENV ??= "production";
process.env.AUTH_SECRET ??= "bench-secret-0123456789abcdef0123456789abcdef";
const authSecret = process.env.AUTH_SECRET;
const { startApi, CONSOLE_TOKEN_AUDIENCE, CONSOLE_TOKEN_ISSUER } = await import("../apps/api/src/index.ts");

const STATEMENT_TIMEOUT_MS = 10_000;
const transactionControl = /^\s*(begin|commit|rollback)\b/i;
// Statements each side sends (API / benchmark client), for statements per operation.
const sent = { api: { work: 0, control: 0 }, bench: { work: 0, control: 0 } };
const counter = (side: keyof typeof sent) => (query: string) => {
  if (process.env.BENCH_TRACE_SQL === "1") console.log(`${side}> ${query.replace(/\s+/g, " ")}`);
  sent[side][transactionControl.test(query) ? "control" : "work"]++;
};

const database = await createBenchDatabase();
const { agencyId, subAccountIds, ownerUserId } = database;
const api = await startApi({
  appUrl: database.appUrl,
  worker: false,
  config: { port: 0, host: "127.0.0.1", authSecret, statementTimeoutMs: STATEMENT_TIMEOUT_MS },
  onQuery: counter("api"),
});
const client = createClient(database.appUrl, { max: 10, onQuery: counter("bench") });

// The scope the API derives for the agency owner acting in the agency.
const scopeFor = (requestId: string): TenantScope => ({
  accountId: agencyId,
  accountIds: [agencyId, ...subAccountIds],
  userId: ownerUserId,
  apiKeyId: null,
  requestId,
  statementTimeoutMs: STATEMENT_TIMEOUT_MS,
});
const http = graphqlOverHttp({
  url: api.url,
  token: mintConsoleToken({
    userId: ownerUserId,
    secret: authSecret,
    issuer: CONSOLE_TOKEN_ISSUER,
    audience: CONSOLE_TOKEN_AUDIENCE,
  }),
  account: agencyId,
  sockets: Math.max(...levels),
});
const cases = [
  { key: "a", label: "(a) GraphQL over HTTP", op: http.op, side: "api" as const },
  {
    key: "b",
    label: "(b) postgres.js, hand-written SQL",
    op: handWrittenSql(client, scopeFor),
    side: "bench" as const,
  },
  {
    key: "c",
    label: "(c) Drizzle relational query",
    op: drizzleRelationalQuery(client, scopeFor),
    side: "bench" as const,
  },
].filter((c) => only.has(c.key));

try {
  // Every case must give the same answer. The second run is counted: the first run of a
  // statement on a connection also describes (prepares) it.
  const answers = new Map<string, string>();
  const statements = new Map<string, string>();
  for (const c of cases) {
    await c.op();
    const before = { ...sent[c.side] };
    const text = await c.op();
    const work = sent[c.side].work - before.work;
    const control = sent[c.side].control - before.control;
    statements.set(c.key, `${work} + ${control} BEGIN/COMMIT`);
    // The answers must agree on `data`; the API also reports `extensions.cost`, which the others
    // have no notion of.
    answers.set(c.key, JSON.stringify({ data: (JSON.parse(text) as { data: unknown }).data }));
  }
  const [reference] = answers.values();
  const nodes = (
    JSON.parse(reference!) as { data: { subAccounts: { nodes: { memberships: { nodes: unknown[] } }[] } } }
  ).data.subAccounts.nodes;
  if (
    nodes.length !== SUB_ACCOUNTS ||
    nodes.some((n) => n.memberships.nodes.length !== MEMBERS_PER_ACCOUNT)
  ) {
    throw new Error(`Unexpected answer: ${reference!.slice(0, 300)}`);
  }
  for (const [key, answer] of answers) {
    if (answer !== reference) throw new Error(`(${key}) answers differently: ${answer.slice(0, 300)}`);
  }

  const profiler = args.profile ? await startProfiler(args.profile) : null;
  const results = new Map<string, Measurement>();
  for (const concurrency of levels) {
    const ops = Object.fromEntries(cases.map((c) => [c.key, c.op]));
    const measured = await interleave(ops, { ...timing, concurrency });
    for (const [key, m] of Object.entries(measured)) results.set(`${key}${concurrency}`, m);
  }
  await profiler?.stop();

  console.log(`\n${QUERY}`);
  console.log(
    `${SUB_ACCOUNTS} sub-accounts × ${MEMBERS_PER_ACCOUNT} memberships; ${args.seconds} s per figure in turns of ` +
      `${args.slice} s; node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, ${navigator.hardwareConcurrency} CPUs\n`,
  );
  console.log("| case | in flight | req/s | mean latency (ms) | SQL statements / op |");
  console.log("| --- | ---: | ---: | ---: | --- |");
  for (const concurrency of levels) {
    for (const c of cases) {
      const m = results.get(`${c.key}${concurrency}`)!;
      console.log(
        `| ${c.label} | ${concurrency} | ${m.throughput.toFixed(0)} | ${m.meanMs.toFixed(2)} | ${statements.get(c.key)} |`,
      );
    }
  }
  console.log("");
  for (const concurrency of levels) {
    const b = results.get(`b${concurrency}`);
    for (const key of ["a", "c"]) {
      const x = results.get(`${key}${concurrency}`);
      if (b && x)
        console.log(`${key}/b, ${concurrency} in flight: ${(x.throughput / b.throughput).toFixed(2)}`);
    }
  }
} finally {
  http.close();
  await api.close();
  await client.close();
  await database.stop();
}
