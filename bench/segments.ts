// `pnpm bench:segments`: segment evaluation at 100,000 contacts. A nested condition tree (AND of
// OR/NOT over attributes, tags, consent and "opened an e-mail in the last 7 days") is compiled to
// one SQL predicate and timed three ways — the count alone, the console's live preview (count and
// a sample) and a full membership refresh (the set computed and the difference applied to
// segment_memberships) — next to a baseline measured in the same run on the same data: a plain
// count(*) of the account's contacts. Also the incremental refresh of 1 and 1,000 contacts.
// Everything runs as the application role under row-level security, in a tenant transaction, as
// the API and the worker do. The target: evaluating the tree for 100,000 contacts in under a second
// (Mautic users report 40 minutes per segment at 260k contacts).
//   --contacts 100000   contacts of the measured account (another account gets a fifth as many)
//   --events 300000     marketing events of the measured account, over the last 30 days
//   --runs 5            timed runs of each case (the median is reported; the first run warms up)
//   --explain           print the count's query plan
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { createClient, type DatabaseClient, type TenantScope, withTenant } from "../packages/db/src/index.ts";
// The bench has no dependencies of its own: drizzle's sql tag is the domain package's copy.
import { sql } from "../packages/domain/node_modules/drizzle-orm/index.js";
import {
  type Condition,
  compileConditions,
  createSegment,
  type OperationContext,
  previewSegment,
  refreshContactMemberships,
  refreshSegment,
} from "../packages/domain/src/index.ts";
import { createBenchDatabase } from "./support/bench-database.ts";

const { values: args } = parseArgs({
  options: {
    contacts: { type: "string", default: "100000" },
    events: { type: "string", default: "300000" },
    runs: { type: "string", default: "5" },
    explain: { type: "boolean", default: false },
  },
});
const CONTACTS = Number(args.contacts);
const EVENTS = Number(args.events);
const RUNS = Math.max(1, Number(args.runs));

/** The tree the issue asks for: AND of OR/NOT over attributes, tags, consent and events in 7 days. */
const TREE: Condition = {
  kind: "and",
  conditions: [
    {
      kind: "or",
      conditions: [
        { kind: "attribute", key: "plan", op: "in", value: ["pro", "team"] },
        { kind: "tag", op: "has", tag: "vip" },
      ],
    },
    { kind: "not", condition: { kind: "consent", channel: "email", type: "marketing", status: "denied" } },
    {
      kind: "or",
      conditions: [
        {
          kind: "event",
          eventType: "email_opened",
          op: "performed",
          within: { amount: 7, unit: "days" },
          minCount: 1,
          where: [],
        },
        {
          kind: "and",
          conditions: [
            { kind: "attribute", key: "age", op: "gte", value: 30 },
            { kind: "not", condition: { kind: "tag", op: "has", tag: "newsletter" } },
          ],
        },
      ],
    },
    { kind: "attribute", key: "city", op: "neq", value: "Rome" },
  ],
};

/** Contacts, consent and events for one account, set-based (generate_series), as the owner. */
async function seed(owner: DatabaseClient, accountId: string, contacts: number, events: number) {
  await owner.sql`
    insert into contacts (id, account_id, email, first_name, attributes, tags, time_zone, created_at)
    select app.uuidv7(), ${accountId}, 'c' || g || '@bench.test', 'Contact ' || g,
           jsonb_strip_nulls(jsonb_build_object(
             'plan', (array['free', 'pro', 'team'])[1 + g % 3],
             'age', case when g % 10 <> 0 then 18 + g % 60 end,
             'city', (array['Paris', 'Berlin', 'Rome', 'Madrid', 'Lisbon'])[1 + g % 5],
             'score', g % 1000)),
           case g % 4 when 0 then array['vip', 'newsletter'] when 1 then array['newsletter'] else '{}'::text[] end,
           (array['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Tokyo'])[1 + g % 4],
           now() - make_interval(days => g % 365)
      from generate_series(1, ${contacts}::int) g`;
  // Two contacts in three have an e-mail marketing consent record; one record in ten is denied.
  await owner.sql`
    insert into consent_records (id, account_id, contact_id, channel, type, status, source, granted_at)
    select app.uuidv7(), ${accountId}, c.id, 'email', 'marketing',
           (case when c.n % 10 = 0 then 'denied' else 'granted' end)::consent_status, 'import', now()
      from (select id, row_number() over (order by id) as n from contacts where account_id = ${accountId}) c
     where c.n % 3 <> 0`;
  await owner.sql`
    with c as (select id, row_number() over (order by id) - 1 as n from contacts where account_id = ${accountId})
    insert into marketing_events (id, account_id, contact_id, type, payload, occurred_at)
    select gen_random_uuid(), ${accountId}, c.id, (array['email_sent', 'email_opened', 'email_clicked'])[1 + g % 3],
           jsonb_build_object('campaign', 'c' || g % 20), now() - make_interval(secs => (g::bigint * 7919) % (30 * 86400))
      from generate_series(0, ${events - 1}::int) g
      join c on c.n = (g::bigint * 104729) % ${contacts}::int`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const database = await createBenchDatabase("markettina_bench_segments");
const owner = createClient(database.ownerUrl, { max: 1 });
const app = createClient(database.appUrl, { max: 2 });
let failed: unknown = null;
try {
  const [accountId, otherAccountId] = database.subAccountIds as [string, string];
  const seeding = await time(async () => {
    await seed(owner, accountId, CONTACTS, EVENTS);
    await seed(owner, otherAccountId, Math.round(CONTACTS / 5), Math.round(EVENTS / 5));
    await owner.sql`analyze`;
  });

  const scope: TenantScope = {
    accountId,
    accountIds: [accountId],
    userId: database.ownerUserId,
    apiKeyId: null,
    statementTimeoutMs: 600_000,
  };
  const inTenant = <T>(fn: (ctx: OperationContext) => Promise<T>) =>
    withTenant(app.db, scope, (tx) =>
      fn({
        tx,
        actor: {
          userId: database.ownerUserId,
          apiKeyId: null,
          requestId: randomUUID(),
          ip: null,
          userAgent: null,
        },
        accountId,
        role: "owner",
        scopes: null,
        scope,
      }),
    );
  const predicate = compileConditions(TREE, { accountId });
  const countAll = () =>
    inTenant(async (ctx) => {
      const [row] = await ctx.tx.execute<{ n: number }>(
        sql`select count(*)::int as n from contacts c where c.account_id = ${accountId} and c.deleted_at is null`,
      );
      return row!.n;
    });
  const countTree = () =>
    inTenant(async (ctx) => {
      const [row] = await ctx.tx.execute<{ n: number }>(
        sql`select count(*)::int as n from contacts c where ${predicate}`,
      );
      return row!.n;
    });

  if (args.explain) {
    const plan = await inTenant((ctx) =>
      ctx.tx.execute<{ "QUERY PLAN": string }>(
        sql`explain (analyze, buffers) select count(*) from contacts c where ${predicate}`,
      ),
    );
    console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
  }

  // Each case: one warm-up run, then RUNS timed runs taking turns with the baseline.
  const samples: Record<string, number[]> = { baseline: [], count: [], preview: [], refresh: [] };
  let matching = 0;
  let total = 0;
  const created = await time(() =>
    inTenant((ctx) => createSegment(ctx, { name: "Bench nested", conditions: TREE })),
  );
  const segment = created.value;
  await countAll();
  await countTree();
  for (let run = 0; run < RUNS; run++) {
    const base = await time(countAll);
    samples.baseline!.push(base.ms);
    total = base.value;
    const count = await time(countTree);
    samples.count!.push(count.ms);
    matching = count.value;
    samples.preview!.push(
      (await time(() => inTenant((ctx) => previewSegment(ctx, { conditions: TREE })))).ms,
    );
  }

  // Full refreshes with 1% of the contacts changed in between (they leave or enter).
  const changedPerRun = Math.round(CONTACTS / 100);
  let entered = 0;
  let exited = 0;
  for (let run = 0; run <= RUNS; run++) {
    await owner.sql`
      update contacts set attributes = attributes || jsonb_build_object('city',
               case when attributes->>'city' = 'Rome' then 'Paris' else 'Rome' end)
       where id in (select id from contacts where account_id = ${accountId}
                     order by md5(id::text || ${run}) limit ${changedPerRun})`;
    const refreshed = await time(() => inTenant((ctx) => refreshSegment(ctx, { id: segment.id })));
    if (run === 0) continue;
    samples.refresh!.push(refreshed.ms);
    entered += refreshed.value.result.entered.length;
    exited += refreshed.value.result.exited;
  }
  const steady = await time(() => inTenant((ctx) => refreshSegment(ctx, { id: segment.id })));

  // Incremental: the contacts a change names, re-evaluated against every dynamic segment.
  const someIds = (
    await owner.sql<
      { id: string }[]
    >`select id from contacts where account_id = ${accountId} order by md5(id::text) limit 1000`
  ).map((r) => r.id);
  const incremental1: number[] = [];
  const incremental1000: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const one = await time(() => inTenant((ctx) => refreshContactMemberships(ctx, [someIds[run]!])));
    const many = await time(() => inTenant((ctx) => refreshContactMemberships(ctx, someIds)));
    if (run === 0) continue;
    incremental1.push(one.ms);
    incremental1000.push(many.ms);
  }

  const baseline = median(samples.baseline!);
  const row = (label: string, ms: number | number[], note = "") => {
    const [mid, low] = Array.isArray(ms) ? [median(ms), Math.min(...ms)] : [ms, ms];
    console.log(
      `| ${label} | ${mid.toFixed(1)} | ${low.toFixed(1)} | ${(mid / baseline).toFixed(1)} | ${note} |`,
    );
  };
  console.log(
    `\nSegment evaluation: ${total.toLocaleString("en")} contacts in the account (+ ${Math.round(CONTACTS / 5).toLocaleString("en")} ` +
      `in another), ${EVENTS.toLocaleString("en")} events over 30 days; seeded in ${(seeding.ms / 1000).toFixed(1)} s. ` +
      `Median of ${RUNS} runs after a warm-up, application role under RLS, one tenant transaction per operation.`,
  );
  console.log(
    `node ${process.version}, ${navigator.hardwareConcurrency} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end`,
  );
  console.log("\n| case | median ms | min ms | × baseline | |");
  console.log("| --- | ---: | ---: | ---: | --- |");
  row("baseline: count(*) of the account's contacts", samples.baseline!, `${total} rows`);
  row("nested tree: count", samples.count!, `${matching} match`);
  row("nested tree: preview (count + 10 newest)", samples.preview!, "segmentPreview");
  row(
    "create segment (first full refresh: every member enters)",
    created.ms,
    `${segment.memberCount} members`,
  );
  row(
    `full refresh, ${changedPerRun} contacts changed before each`,
    samples.refresh!,
    `${entered} entries, ${exited} exits over ${RUNS} runs`,
  );
  row("full refresh, nothing changed", steady.ms, "");
  row("incremental refresh, 1 contact", incremental1, "");
  row("incremental refresh, 1,000 contacts", incremental1000, "");
  const count = median(samples.count!);
  const refresh = median(samples.refresh!);
  console.log(
    `\nTarget: evaluating the tree for ${total.toLocaleString("en")} contacts under 1,000 ms — ` +
      `count ${count.toFixed(0)} ms (${count < 1000 ? "met" : "missed"}), full refresh ${refresh.toFixed(0)} ms ` +
      `(${refresh < 1000 ? "met" : "missed"}); count/baseline ${(count / baseline).toFixed(1)}.`,
  );
  const [stored] = await owner.sql<{ member_count: number }[]>`
    select member_count from marketing_segments where id = ${segment.id}`;
  const [open] = await owner.sql<{ n: number }[]>`
    select count(*)::int as n from segment_memberships where segment_id = ${segment.id} and exited_at is null`;
  const now = await countTree();
  if (stored!.member_count !== now || open!.n !== now) {
    throw new Error(`Membership drifted: stored ${stored!.member_count}, open ${open!.n}, matching ${now}`);
  }
} catch (error) {
  failed = error;
} finally {
  await app.close();
  await owner.close();
  await database.stop();
}
if (failed) {
  console.error("\nbench:segments stopped:", failed);
  process.exitCode = 1;
}
