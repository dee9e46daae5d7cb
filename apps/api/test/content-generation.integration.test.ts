// Content generation over HTTP, with the OpenAI-compatible provider talking to a real HTTP server
// on loopback that plays the AI API: what it was sent (model, messages built from the brand DNA,
// the bearer key), the wallet after a success (actual cost settled, the rest released), after a
// 500 and a timeout (nothing charged, the failure recorded), with a short wallet (nothing written),
// with a retried idempotency key (charged once); the brand check of what the provider wrote; the
// offline provider named as such; tenancy and planned reads.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readWallet, setWalletBalance } from "@markettina/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningApi, startApi } from "../src/index.ts";
import { type Harness, startHarness, TEST_AUTH_SECRET } from "./support/api-harness.ts";

const SAM = "sam.owner@bluebottle.test";
const OLIVIA = "olivia.owner@northwind.test";
const VICTOR = "victor.viewer@northwind.test";
const API_KEY = "sk-test-3f9a7c1e5b";

interface Received {
  method: string;
  url: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: { role: string; content: string }[];
    max_tokens: number;
  };
}

/** The AI API's stand-in: records every request and answers as `respond` says. */
interface FakeAi {
  url: string;
  received: Received[];
  respond: (req: Received, res: ServerResponse) => void;
  close: () => Promise<void>;
}

async function startFakeAi(): Promise<FakeAi> {
  const fake = { received: [] as Received[], respond: reply("A draft.", 10) } as FakeAi;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const received: Received = {
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
      body: JSON.parse(raw),
    };
    fake.received.push(received);
    fake.respond(received, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}

/** A chat completion with `texts` in turn (one per request) and the completion tokens used. */
function reply(texts: string | string[], completionTokens: number) {
  let n = 0;
  return (req: Received, res: ServerResponse) => {
    const list = Array.isArray(texts) ? texts : [texts];
    const content = list[n++ % list.length];
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${n}`,
        object: "chat.completion",
        model: `${req.body.model}-2026-01`,
        choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
        usage: {
          prompt_tokens: 420,
          completion_tokens: completionTokens,
          total_tokens: 420 + completionTokens,
        },
      }),
    );
  };
}

let h: Harness;
let ai: FakeAi;
let bakery = "";
beforeAll(async () => {
  ai = await startFakeAi();
  h = await startHarness({
    config: { ai: { baseUrl: ai.url, apiKey: API_KEY, model: "test-model", timeoutMs: 2_000 } },
  });
  bakery = (await h.owner.sql<{ id: string }[]>`select id from accounts where slug = 'blue-bottle'`)[0]!.id;
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});
beforeEach(() => {
  ai.received.length = 0;
  ai.respond = reply("A draft.", 10);
});

const setBalance = (accountId: string, balance: number) => setWalletBalance(h.owner.sql, accountId, balance);

const wallet = (accountId: string) => readWallet(h.owner.sql, accountId);

interface Generation {
  id: string;
  status: string;
  provider: string;
  offline: boolean;
  model: string;
  prompt: string;
  output: string | null;
  error: string | null;
  tokensReserved: number;
  tokensCharged: number;
  brandCheck: { passed: boolean; issues: { code: string; message: string }[] } | null;
  variants: { text: string; brandCheck: { passed: boolean } | null }[];
  contentItem: { title: string; status: string } | null;
}
interface GeneratePayload {
  generateContent: { generation: Generation | null; userErrors: { field: string | null; code: string }[] };
}

const GENERATION = `id status provider offline model prompt output error tokensReserved tokensCharged
  brandCheck { passed issues { code message } } variants { text brandCheck { passed } }
  contentItem { title status }`;

const generate = async (input: Record<string, unknown>, as = SAM, account = "blue-bottle") =>
  (
    await h.gql<GeneratePayload>(
      `mutation($input: GenerateContentInput!) {
        generateContent(input: $input) { generation { ${GENERATION} } userErrors { field code } } }`,
      { as, account, variables: { input: { idempotencyKey: randomUUID(), ...input } } },
    )
  ).body;

/** The reservation behind a generation, and the ledger debits it caused. */
async function moneyOf(generationId: string) {
  const sql = h.owner.sql;
  const [r] = await sql<{ id: string; status: string; amount: string; settled_amount: string | null }[]>`
    select r.id, r.status, r.amount, r.settled_amount from content_generations g
      join token_reservations r on r.id = g.reservation_id
     where g.id = ${generationId}`;
  const debits = await sql<{ amount: string; units: string }[]>`
    select amount, units from token_transactions where reference_id = ${r!.id} and type = 'debit'`;
  return {
    reservation: { status: r!.status, amount: Number(r!.amount), settled: r!.settled_amount },
    debits,
  };
}

const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!;

describe("content generation over HTTP", () => {
  beforeEach(() => setBalance(bakery, 1_000));

  it("names the provider in use", async () => {
    const res = await h.gql<{ generationProvider: unknown }>(
      `{ generationProvider { name label offline model } }`,
      {
        as: SAM,
        account: "blue-bottle",
      },
    );
    expect(res.body.data!.generationProvider).toEqual({
      name: "openai-compatible",
      label: "AI: test-model (OpenAI-compatible API)",
      offline: false,
      model: "test-model",
    });
  });

  it("quotes the hold, sends the brand's prompt with the key, and settles what was written", async () => {
    const quote = await h.gql<{ contentGenerationQuote: Record<string, unknown> }>(
      `{ contentGenerationQuote(contentType: BLOG_POST) { channel units tokens maxWords provider { offline } } }`,
      { as: SAM, account: "blue-bottle" },
    );
    expect(quote.body.data!.contentGenerationQuote).toEqual({
      channel: "BLOG",
      units: 2,
      tokens: 100,
      maxWords: 1_500,
      provider: { offline: false },
    });

    // 600 generated tokens ≈ 450 words: one unit of 1,000 words.
    ai.respond = reply("# Rye season\n\nOur winter rye is back, slow-fermented with caraway.", 600);
    const body = await generate({ contentType: "BLOG_POST", brief: "Our winter rye with caraway" });
    const g = body.data!.generateContent.generation!;
    expect(body.data!.generateContent.userErrors).toEqual([]);
    expect(g).toMatchObject({
      status: "SUCCEEDED",
      provider: "openai-compatible",
      offline: false,
      model: "test-model-2026-01",
      tokensReserved: 100,
      tokensCharged: 50,
      output: "# Rye season\n\nOur winter rye is back, slow-fermented with caraway.",
      brandCheck: { passed: true, issues: [] },
      error: null,
    });
    expect(await wallet(bakery)).toEqual({ balance: 950, reserved: 0 });
    expect(await moneyOf(rawId(g.id))).toEqual({
      reservation: { status: "settled", amount: 100, settled: "50" },
      debits: [{ amount: "-50", units: "1" }],
    });

    // What the AI API received: the model, the brand as the system message, the task, the key.
    expect(ai.received).toHaveLength(1);
    const [sent] = ai.received;
    expect(sent).toMatchObject({
      method: "POST",
      url: "/v1/chat/completions",
      authorization: `Bearer ${API_KEY}`,
    });
    expect(sent!.body.model).toBe("test-model");
    expect(sent!.body.max_tokens).toBe(2_000);
    expect(sent!.body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    const [system, user] = sent!.body.messages.map((m) => m.content);
    expect(system).toContain("You are the copywriter of Blue Bottle Bakery");
    expect(system).toContain("friendly (formality 30/100); warm, playful, precise");
    expect(system).toContain("sourdough, single-origin, seasonal");
    expect(system).toContain('"cheap", "industrial"');
    expect(system).toContain("- Baked this morning, sold out by noon");
    expect(user).toContain("Write one blog post for Blog.");
    expect(user).toContain("Our winter rye with caraway");
    expect(g.prompt).toBe(`${system}\n\n---\n\n${user}`);
  });

  it("flags what the provider wrote against the brand, draft by draft", async () => {
    ai.respond = reply(["Fresh sourdough from our ovens.", "Cheap bread, industrial speed!"], 20);
    const body = await generate({
      contentType: "SOCIAL_POST",
      channel: "X",
      brief: "Morning bake",
      variants: 2,
    });
    const g = body.data!.generateContent.generation!;
    expect(ai.received).toHaveLength(2);
    expect(g.status).toBe("SUCCEEDED");
    expect(g.brandCheck!.passed).toBe(false);
    expect(g.brandCheck!.issues).toEqual([
      { code: "WORD_TO_AVOID", message: 'Variant 2: Uses "cheap", which the brand avoids.' },
      { code: "WORD_TO_AVOID", message: 'Variant 2: Uses "industrial", which the brand avoids.' },
    ]);
    expect(g.variants).toEqual([
      { text: "Fresh sourdough from our ovens.", brandCheck: { passed: true } },
      { text: "Cheap bread, industrial speed!", brandCheck: { passed: false } },
    ]);
    // 40 generated tokens: one unit.
    expect(g).toMatchObject({ tokensReserved: 50, tokensCharged: 50 });
  });

  it("releases the hold and records the failure when the provider answers 500", async () => {
    ai.respond = (_req, res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { message: "The server had an error processing your request.", type: "server_error" },
        }),
      );
    };
    const body = await generate({ contentType: "EMAIL", brief: "Winter breads" });
    expect(body.data!.generateContent.userErrors).toEqual([]);
    const g = body.data!.generateContent.generation!;
    expect(g).toMatchObject({
      status: "FAILED",
      tokensReserved: 50,
      tokensCharged: 0,
      output: null,
      error: "The AI provider answered 500: The server had an error processing your request.",
    });
    expect(await wallet(bakery)).toEqual({ balance: 1_000, reserved: 0 });
    expect(await moneyOf(rawId(g.id))).toEqual({
      reservation: { status: "released", amount: 50, settled: null },
      debits: [],
    });
    const [row] = await h.owner.sql`select status, error, completed_at is not null as done
      from content_generations where id = ${rawId(g.id)}`;
    expect(row).toEqual({ status: "failed", error: g.error, done: true });
  });

  it("releases the hold when the provider does not answer in time", async () => {
    ai.respond = () => {}; // never answers; closed with the server
    const body = await generate({ contentType: "SMS", brief: "Open late tonight" });
    const g = body.data!.generateContent.generation!;
    expect(g).toMatchObject({
      status: "FAILED",
      tokensCharged: 0,
      error: "The AI provider did not answer within 2 s.",
    });
    expect(await wallet(bakery)).toEqual({ balance: 1_000, reserved: 0 });
    expect((await moneyOf(rawId(g.id))).reservation.status).toBe("released");
  });

  it("refuses with INSUFFICIENT_TOKENS when the wallet is short, and writes nothing", async () => {
    await setBalance(bakery, 30);
    const count = async () =>
      (
        await h.owner.sql<{ n: number }[]>`
          select (select count(*)::int from content_generations where account_id = ${bakery})
               + (select count(*)::int from token_reservations where account_id = ${bakery}) as n`
      )[0]!.n;
    const before = await count();
    const body = await generate({ contentType: "SOCIAL_POST", brief: "Anything" });
    expect(body.data!.generateContent).toEqual({
      generation: null,
      userErrors: [{ field: "units", code: "INSUFFICIENT_TOKENS" }],
    });
    expect(await count()).toBe(before);
    expect(ai.received).toEqual([]);
    expect(await wallet(bakery)).toEqual({ balance: 30, reserved: 0 });
  });

  it("charges once for a retried idempotency key and answers the same generation", async () => {
    const input = { idempotencyKey: randomUUID(), contentType: "AD_COPY", brief: "Holiday stollen" };
    const first = await generate(input);
    const second = await generate(input);
    expect(second.data!.generateContent.generation).toEqual(first.data!.generateContent.generation);
    expect(ai.received).toHaveLength(1);
    expect(await wallet(bakery)).toEqual({ balance: 950, reserved: 0 });
    const reused = await generate({ ...input, brief: "Another brief" });
    expect(reused.data!.generateContent.userErrors).toEqual([
      { field: "idempotencyKey", code: "IDEMPOTENCY_KEY_REUSED" },
    ]);
  });

  it("saves the first draft as a content item when asked", async () => {
    ai.respond = reply("Subject: Rye is back\n\nHi there,\n\nOur rye is back this week.", 30);
    const body = await generate({ contentType: "EMAIL", brief: "Rye is back", createDraft: true });
    expect(body.data!.generateContent.generation!.contentItem).toEqual({
      title: "Rye is back",
      status: "DRAFT",
    });
  });

  it("refuses a viewer, and keeps generations to their account", async () => {
    const denied = await generate({ contentType: "SMS", brief: "x" }, VICTOR, "acme-outdoor");
    expect(denied.data!.generateContent.userErrors).toEqual([{ field: null, code: "FORBIDDEN" }]);

    const mine = (await generate({ contentType: "SMS", brief: "Only ours" })).data!.generateContent
      .generation!;
    const theirs = await h.gql<{ contentGenerations: { nodes: { id: string }[] }; node: unknown }>(
      `query($id: ID!) { contentGenerations(first: 50) { nodes { id } } node(id: $id) { id } }`,
      { as: OLIVIA, account: "northwind", variables: { id: mine.id } },
    );
    expect(theirs.body.data).toEqual({ contentGenerations: { nodes: [] }, node: null });
  });

  it("lists generations newest first in a fixed number of statements", async () => {
    const list = () =>
      h.gql<{ contentGenerations: { totalCount: number; nodes: { brief: string }[] } }>(
        `{ contentGenerations(first: 50, filter: { statuses: [SUCCEEDED] }) {
            totalCount nodes { brief status provider tokensCharged createdBy { name } contentItem { title }
              variants { text brandCheck { passed } } } } }`,
        { as: SAM, account: "blue-bottle" },
      );
    await generate({ contentType: "SMS", brief: "First of two" });
    h.counter.reset();
    await list();
    const statements = h.counter.count;
    await generate({ contentType: "SMS", brief: "Second of two" });
    h.counter.reset();
    const res = await list();
    expect(h.counter.count).toBe(statements);
    expect(res.body.data!.contentGenerations.nodes.slice(0, 2).map((n) => n.brief)).toEqual([
      "Second of two",
      "First of two",
    ]);
  });
});

/** The account's wallet next to what its ledger and its open holds say it must be. */
async function walletAndLedger(accountId: string) {
  const [row] = await h.owner.sql<{ ledger: number; held: number }[]>`
    select (select coalesce(sum(t.amount), 0)::int from token_transactions t
              join token_wallets w on w.id = t.wallet_id where w.account_id = ${accountId}) as ledger,
           (select coalesce(sum(r.amount), 0)::int from token_reservations r
             where r.account_id = ${accountId} and r.status = 'held') as held`;
  return { wallet: await wallet(accountId), ledger: { balance: row!.ledger, reserved: row!.held } };
}

describe("spending while the provider writes", () => {
  let slow: RunningApi;
  beforeAll(async () => {
    // A second API on the same database whose AI calls may take a minute: the fake AI keeps the
    // first request waiting until the test lets it answer.
    slow = await startApi({
      appUrl: h.database.appUrl,
      worker: false,
      config: {
        port: 0,
        authSecret: TEST_AUTH_SECRET,
        ai: { baseUrl: ai.url, apiKey: API_KEY, model: "test-model", timeoutMs: 60_000 },
      },
      logger: (await import("pino")).default({ level: "silent" }),
    });
  });
  afterAll(async () => {
    await slow?.close();
  });

  const generateOn = async (input: Record<string, unknown>) => {
    const res = await fetch(`${slow.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await h.consoleToken(SAM)}`,
        "x-account-id": "blue-bottle",
      },
      body: JSON.stringify({
        query: `mutation($input: GenerateContentInput!) {
          generateContent(input: $input) { generation { status tokensReserved tokensCharged } userErrors { code } } }`,
        variables: { input: { idempotencyKey: randomUUID(), ...input } },
      }),
    });
    return { status: res.status, body: (await res.json()) as { data?: GeneratePayload; errors?: unknown } };
  };

  it("lets another generation of the account finish while the first waits on the provider", async () => {
    await setBalance(bakery, 1_000);
    let arrived!: () => void;
    const firstArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answer = reply("A draft.", 10);
    ai.respond = (req, res) => {
      if (ai.received.length > 1) return answer(req, res);
      arrived();
      void released.then(() => answer(req, res));
    };

    let firstDone = false;
    const first = generateOn({ contentType: "SOCIAL_POST", brief: "Slow one" }).finally(() => {
      firstDone = true;
    });
    await firstArrived;
    // Held apart and committed: the wallet shows the first hold while the provider works.
    expect(await wallet(bakery)).toEqual({ balance: 1_000, reserved: 50 });

    // Before the hold was committed apart, this waited on the first request's lock of the wallet
    // row until the statement timeout, and failed.
    try {
      const second = await generateOn({ contentType: "SOCIAL_POST", brief: "Meanwhile" });
      expect(second.status).toBe(200);
      expect(second.body.data).toEqual({
        generateContent: {
          generation: { status: "SUCCEEDED", tokensReserved: 50, tokensCharged: 50 },
          userErrors: [],
        },
      });
      expect(firstDone).toBe(false);
    } finally {
      release();
    }
    expect((await first).body.data!.generateContent).toEqual({
      generation: { status: "SUCCEEDED", tokensReserved: 50, tokensCharged: 50 },
      userErrors: [],
    });
    expect(await walletAndLedger(bakery)).toEqual({
      wallet: { balance: 900, reserved: 0 },
      ledger: { balance: 900, reserved: 0 },
    });
  });
});

describe("two generations in one request", () => {
  it("both settle: the second holds in the request's transaction, which already locks the wallet", async () => {
    await setBalance(bakery, 1_000);
    const input = (brief: string) => ({ idempotencyKey: randomUUID(), contentType: "SOCIAL_POST", brief });
    const body = (
      await h.gql<Record<"a" | "b", GeneratePayload["generateContent"]>>(
        `mutation($a: GenerateContentInput!, $b: GenerateContentInput!) {
          a: generateContent(input: $a) { generation { status tokensCharged } userErrors { code } }
          b: generateContent(input: $b) { generation { status tokensCharged } userErrors { code } } }`,
        { as: SAM, account: "blue-bottle", variables: { a: input("First"), b: input("Second") } },
      )
    ).body;
    expect(body.data).toEqual({
      a: { generation: { status: "SUCCEEDED", tokensCharged: 50 }, userErrors: [] },
      b: { generation: { status: "SUCCEEDED", tokensCharged: 50 }, userErrors: [] },
    });
    expect(await walletAndLedger(bakery)).toEqual({
      wallet: { balance: 900, reserved: 0 },
      ledger: { balance: 900, reserved: 0 },
    });
  });
});

describe("without an AI configured", () => {
  let offline: RunningApi;
  beforeAll(async () => {
    // A second API on the same database, with no AI settings: the offline provider.
    offline = await startApi({
      appUrl: h.database.appUrl,
      worker: false,
      config: { port: 0, authSecret: TEST_AUTH_SECRET, ai: null },
      logger: (await import("pino")).default({ level: "silent" }),
    });
    await setBalance(bakery, 1_000);
  });
  afterAll(async () => {
    await offline?.close();
  });

  it("names the offline provider honestly and writes drafts from the brand DNA", async () => {
    const res = await fetch(`${offline.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await h.consoleToken(SAM)}`,
        "x-account-id": "blue-bottle",
      },
      body: JSON.stringify({
        query: `mutation($input: GenerateContentInput!) {
          generateContent(input: $input) { generation { status provider offline model output tokensCharged } }
          }`,
        variables: {
          input: {
            idempotencyKey: randomUUID(),
            contentType: "SOCIAL_POST",
            channel: "INSTAGRAM",
            brief: "Announce our pumpkin sourdough",
          },
        },
      }),
    });
    const body = (await res.json()) as { data: { generateContent: { generation: Record<string, unknown> } } };
    const g = body.data.generateContent.generation;
    expect(g).toMatchObject({
      status: "SUCCEEDED",
      provider: "offline",
      offline: true,
      model: "templates-v1",
      tokensCharged: 50,
    });
    expect(g.output).toContain("our pumpkin sourdough");
    expect(g.output).toContain("#sourdough #singleorigin #seasonal");
    expect(ai.received).toEqual([]);

    const provider = await fetch(`${offline.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await h.consoleToken(SAM)}`,
        "x-account-id": "blue-bottle",
      },
      body: JSON.stringify({ query: "{ generationProvider { name label offline } }" }),
    });
    expect(((await provider.json()) as { data: unknown }).data).toEqual({
      generationProvider: { name: "offline", label: "Offline drafts (no AI)", offline: true },
    });
  });
});
