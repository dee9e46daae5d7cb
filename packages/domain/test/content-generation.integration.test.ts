// Content generation on real PostgreSQL: tokens reserved, the actual cost settled and the rest
// released; a provider failure releases everything and records the failed attempt; a short wallet
// writes nothing; an idempotency key charges once; the prompt carries the brand DNA; the brand
// check judges what the provider wrote. Operations run the way GraphQL runs them: in a savepoint
// whose DomainError rolls back, inside a transaction that commits.
import { randomUUID } from "node:crypto";
import { readWallet, setWalletBalance } from "@markettina/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  buildGenerationPrompt,
  type ContentGenerationRow,
  composeOfflineDrafts,
  DomainError,
  type GenerationBrandCheck,
  type GenerationProvider,
  GenerationProviderError,
  type GenerationRequest,
  generateContent,
  type OperationContext,
  profileOf,
  quoteContentGeneration,
  type Role,
  releaseExpiredReservations,
  splitVariants,
} from "../src/index.ts";
import { type DomainHarness, startDomainHarness } from "./support/domain-harness.ts";

let h: DomainHarness;
const ids = { shop: "", other: "", agency: "", client: "", user: "" };

beforeAll(async () => {
  h = await startDomainHarness();
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) ids[key] = randomUUID();
  await h.owner`insert into users (id, email, name) values (${ids.user}, 'writer@gen.test', 'Writer')`;
  await h.owner`insert into accounts (id, name, slug) values (${ids.shop}, 'Bakery', 'bakery'), (${ids.other}, 'Other', 'other')`;
  await h.owner`insert into accounts (id, name, slug, kind) values (${ids.agency}, 'Agency', 'agency', 'agency')`;
  await h.owner`insert into accounts (id, name, slug, parent_account_id) values (${ids.client}, 'Client', 'client', ${ids.agency})`;
  // The agency marks its client's prices up by 25%.
  await h.owner`insert into service_markups (id, account_id, sub_account_id, service_code, markup_bps)
    values (${randomUUID()}, ${ids.agency}, ${ids.client}, null, 2500)`;
  await h.owner`
    update brand_dna set brand_name = 'Crumb & Co', mission = 'Slow bread for busy neighbourhoods.',
      tone_formality = 25, tone_adjectives = '{warm,playful}',
      audience = 'Families within walking distance of the shop.',
      personas = '[{"name":"Busy parent","description":"Buys bread on the school run."}]',
      key_messages = '{"Baked this morning, sold out by noon"}', keywords = '{sourdough,seasonal}',
      words_to_avoid = '{cheap,industrial}', example_posts = '{"Rye is back! Come early."}',
      languages = '{en,it}', version = 2
    where account_id in (${ids.shop}, ${ids.client})`;
});

afterAll(async () => {
  await h?.close();
});

/** Runs an operation as GraphQL's runMutation does: in a savepoint that a DomainError rolls
 * back, inside a transaction that commits either way. */
const as = <T>(
  accountId: string,
  op: (ctx: OperationContext) => Promise<T>,
  role: Role = "member",
): Promise<T> => h.runAsMutation({ accountId, userId: ids.user, role }, op);

const setBalance = (accountId: string, balance: number) => setWalletBalance(h.owner, accountId, balance);

const wallet = (accountId: string) => readWallet(h.owner, accountId);

const reservationOf = async (g: ContentGenerationRow) =>
  (
    await h.owner<
      { status: string; amount: string; settled_units: string | null; settled_amount: string | null }[]
    >`
      select status, amount, settled_units, settled_amount from token_reservations where id = ${g.reservationId}`
  )[0]!;

const debitsOf = (g: ContentGenerationRow) =>
  h.owner<{ amount: string; units: string; service_code: string }[]>`
    select amount, units, service_code from token_transactions
     where reference_type = 'reservation' and reference_id = ${g.reservationId} and type = 'debit'`;

const counts = async () =>
  (
    await h.owner<{ generations: number; reservations: number; keys: number }[]>`
      select (select count(*)::int from content_generations) as generations,
             (select count(*)::int from token_reservations) as reservations,
             (select count(*)::int from idempotency_keys) as keys`
  )[0]!;

/** A provider that answers what it is told to: the drafts, and a token count if given. */
const scripted = (drafts: string[], completionTokens: number | null = null): GenerationProvider => ({
  name: "scripted",
  label: "Scripted (test)",
  offline: false,
  model: "script-1",
  generate: async () => ({ drafts, model: "script-1-0401", completionTokens }),
});

const failing: GenerationProvider = {
  name: "failing",
  label: "Failing (test)",
  offline: false,
  model: "down-1",
  generate: async () => {
    throw new GenerationProviderError("The AI provider answered 500: upstream overloaded");
  },
};

describe("generating content", () => {
  beforeEach(() => setBalance(ids.shop, 1_000));

  it("reserves the quote, settles what was written and releases the rest", async () => {
    const quote = await as(ids.shop, (ctx) => quoteContentGeneration(ctx, { contentType: "blog_post" }));
    // A blog post is up to 1,500 words: 2 units of 1,000 words at 50 tokens.
    expect(quote).toMatchObject({ channel: "blog", units: 2, tokens: 100, markupTokens: 0, maxWords: 1_500 });

    const g = await as(ids.shop, (ctx) =>
      generateContent(ctx, {
        idempotencyKey: randomUUID(),
        contentType: "blog_post",
        brief: "Write a blog post about our seasonal sourdough",
      }),
    );
    expect(g).toMatchObject({
      status: "succeeded",
      provider: "offline",
      model: "templates-v1",
      channel: "blog",
      brandDnaVersion: 2,
      tokensReserved: 100,
      // The offline draft is well under 1,000 words: one unit.
      tokensCharged: 50,
      error: null,
    });
    expect(g.output).toContain("# Our seasonal sourdough");
    expect(g.completedAt).toBeInstanceOf(Date);
    expect(await wallet(ids.shop)).toEqual({ balance: 950, reserved: 0 });
    expect(await reservationOf(g)).toEqual({
      status: "settled",
      amount: "100",
      settled_units: "1",
      settled_amount: "50",
    });
    expect(await debitsOf(g)).toEqual([{ amount: "-50", units: "1", service_code: "content_generation" }]);
  });

  it("charges from the provider's token count, never more than was reserved", async () => {
    // 1,500 generated tokens ≈ 1,125 words: 2 units, all that a blog post reserves.
    const counted = await as(ids.shop, (ctx) =>
      generateContent(
        ctx,
        { idempotencyKey: randomUUID(), contentType: "blog_post", brief: "Long read" },
        scripted(["A short text."], 1_500),
      ),
    );
    expect(counted).toMatchObject({ tokensReserved: 100, tokensCharged: 100, model: "script-1-0401" });
    const capped = await as(ids.shop, (ctx) =>
      generateContent(
        ctx,
        { idempotencyKey: randomUUID(), contentType: "social_post", brief: "Short" },
        scripted(["A post."], 50_000),
      ),
    );
    expect(capped).toMatchObject({ tokensReserved: 50, tokensCharged: 50 });
    expect(await wallet(ids.shop)).toEqual({ balance: 850, reserved: 0 });
  });

  it("releases the whole hold when the provider fails, and records the failed generation", async () => {
    const g = await as(ids.shop, (ctx) =>
      generateContent(
        ctx,
        { idempotencyKey: randomUUID(), contentType: "social_post", brief: "Rye" },
        failing,
      ),
    );
    expect(g).toMatchObject({
      status: "failed",
      provider: "failing",
      tokensReserved: 50,
      tokensCharged: 0,
      output: null,
      brandCheck: null,
      error: "The AI provider answered 500: upstream overloaded",
    });
    const [stored] = await h.owner`select status, error from content_generations where id = ${g.id}`;
    expect(stored).toEqual({ status: "failed", error: "The AI provider answered 500: upstream overloaded" });
    expect(await wallet(ids.shop)).toEqual({ balance: 1_000, reserved: 0 });
    expect((await reservationOf(g)).status).toBe("released");
    expect(await debitsOf(g)).toEqual([]);
  });

  it("refuses with INSUFFICIENT_TOKENS when the wallet is short, writing nothing", async () => {
    await setBalance(ids.shop, 40);
    const before = await counts();
    const error = await as(ids.shop, (ctx) =>
      generateContent(ctx, { idempotencyKey: randomUUID(), contentType: "email", brief: "Winter breads" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors).toEqual([
      { code: "INSUFFICIENT_TOKENS", field: "units", message: "Not enough tokens available: this needs 50." },
    ]);
    expect(await counts()).toEqual(before);
    expect(await wallet(ids.shop)).toEqual({ balance: 40, reserved: 0 });
  });

  it("charges once for a retried idempotency key and answers the same generation", async () => {
    const input = {
      idempotencyKey: randomUUID(),
      contentType: "social_post" as const,
      brief: "Pumpkin loaf",
    };
    const first = await as(ids.shop, (ctx) => generateContent(ctx, input));
    const again = await as(ids.shop, (ctx) => generateContent(ctx, input));
    expect(again).toEqual(first);
    expect(await wallet(ids.shop)).toEqual({ balance: 950, reserved: 0 });
    const [n] =
      await h.owner`select count(*)::int as n from content_generations where brief = 'Pumpkin loaf'`;
    expect(n!.n).toBe(1);
    // The same key for another request is refused.
    await expect(
      as(ids.shop, (ctx) => generateContent(ctx, { ...input, brief: "Something else" })),
    ).rejects.toMatchObject({ errors: [{ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" }] });
  });

  it("builds the prompt from the brand DNA and the channel, and stores it", async () => {
    const [brand] = await h.owner`select * from brand_dna where account_id = ${ids.shop}`;
    expect(brand).toBeDefined();
    const campaign = await h.owner`insert into campaigns (id, account_id, name, type, description, objectives)
      values (${randomUUID()}, ${ids.shop}, 'Autumn bakes', 'social', 'Seasonal loaves.', '{"Sell out every morning"}')
      returning id`;
    const g = await as(ids.shop, (ctx) =>
      generateContent(ctx, {
        idempotencyKey: randomUUID(),
        contentType: "social_post",
        channel: "x",
        brief: "Announce the pumpkin loaf",
        campaignId: campaign[0]!.id,
      }),
    );
    for (const part of [
      "You are the copywriter of Crumb & Co",
      "friendly (formality 25/100); warm, playful",
      "Families within walking distance of the shop.",
      "- Busy parent: Buys bread on the school run.",
      "- Baked this morning, sold out by noon",
      "Keywords to use where they fit:\nsourdough, seasonal",
      'Words to avoid (never use them, in any form of the word):\n"cheap", "industrial"',
      '"""Rye is back! Come early."""',
      "Write in English (the brand also writes in Italian",
      "Write one social media post for X.",
      "Brief:\nAnnounce the pumpkin loaf",
      "Autumn bakes\nSeasonal loaves.\nObjectives: Sell out every morning",
      "One idea, punchy, at most two hashtags.",
      "At most 280 characters",
    ]) {
      expect(g.prompt).toContain(part);
    }
    // The offline draft stays within X's limit and uses the topic of the brief.
    expect(g.output!.length).toBeLessThanOrEqual(280);
    expect(g.output).toContain("the pumpkin loaf");
    expect(g.brandCheck).toMatchObject({ passed: true, issues: [], brandDnaVersion: 2 });
  });

  it("flags the provider's words to avoid and overlong drafts, variant by variant", async () => {
    const drafts = ["Fresh sourdough, every morning.", `Cheap bread! ${"Really good. ".repeat(30)}`];
    const g = await as(ids.shop, (ctx) =>
      generateContent(
        ctx,
        {
          idempotencyKey: randomUUID(),
          contentType: "social_post",
          channel: "x",
          brief: "Bread",
          variants: 2,
        },
        scripted(drafts),
      ),
    );
    expect(g.status).toBe("succeeded");
    expect(splitVariants(g.output)).toEqual(drafts.map((d) => d.trim()));
    const check = g.brandCheck as GenerationBrandCheck;
    expect(check.passed).toBe(false);
    expect(check.issues.map((i) => [i.code, i.message.split(":")[0]])).toEqual([
      ["WORD_TO_AVOID", "Variant 2"],
      ["TOO_LONG", "Variant 2"],
    ]);
    expect(check.variants.map((v) => v.passed)).toEqual([true, false]);
    expect(check.variants[1]!.issues[0]!.message).toBe('Uses "cheap", which the brand avoids.');
  });

  it("saves the first draft as a new content item when asked", async () => {
    const g = await as(ids.shop, (ctx) =>
      generateContent(ctx, {
        idempotencyKey: randomUUID(),
        contentType: "email",
        brief: "Winter breads are here",
        createDraft: true,
      }),
    );
    const [item] = await h.owner`select type, status, title, subject, body, generation_id from content_items
      where id = ${g.contentItemId}`;
    expect(item).toMatchObject({
      type: "email",
      status: "draft",
      title: "Winter breads are here",
      subject: "Winter breads are here",
      generation_id: g.id,
    });
    expect(item!.body).not.toContain("Subject:");
    expect(g.output).toContain(item!.body);
  });

  it("prices the agency's markup into the quote and the hold", async () => {
    await setBalance(ids.client, 1_000);
    const quote = await as(ids.client, (ctx) => quoteContentGeneration(ctx, { contentType: "blog_post" }));
    expect(quote).toMatchObject({ units: 2, baseTokens: 100, markupTokens: 25, tokens: 125 });
    const g = await as(ids.client, (ctx) =>
      generateContent(ctx, { idempotencyKey: randomUUID(), contentType: "blog_post", brief: "Rye" }),
    );
    // One unit written: 50 + 25% (12.5, rounded up).
    expect(g).toMatchObject({ tokensReserved: 125, tokensCharged: 63 });
    expect(await wallet(ids.client)).toEqual({ balance: 937, reserved: 0 });
  });

  it("keeps each account's generations to itself", async () => {
    const g = await as(ids.shop, (ctx) =>
      generateContent(ctx, { idempotencyKey: randomUUID(), contentType: "sms", brief: "Open late" }),
    );
    const seen = await as(ids.other, (ctx) => ctx.tx.execute(sql`select id from content_generations`));
    expect([...seen]).toEqual([]);
    const [item] = await h.owner`insert into content_items (id, account_id, type, title)
      values (${randomUUID()}, ${ids.shop}, 'sms', 'Shop item') returning id`;
    await setBalance(ids.other, 1_000);
    await expect(
      as(ids.other, (ctx) =>
        generateContent(ctx, {
          idempotencyKey: randomUUID(),
          contentType: "sms",
          brief: "x",
          contentItemId: item!.id,
        }),
      ),
    ).rejects.toMatchObject({ errors: [{ code: "NOT_FOUND", field: "contentItemId" }] });
    expect(g.accountId).toBe(ids.shop);
    expect(await wallet(ids.other)).toEqual({ balance: 1_000, reserved: 0 });
  });

  it("needs content:write and wallet:spend", async () => {
    for (const role of ["viewer", "billing"] as const) {
      await expect(
        as(
          ids.shop,
          (ctx) => generateContent(ctx, { idempotencyKey: randomUUID(), contentType: "sms", brief: "x" }),
          role,
        ),
      ).rejects.toMatchObject({ errors: [{ code: "FORBIDDEN" }] });
    }
  });

  it("rejects bad input with typed errors", async () => {
    const error = await as(ids.shop, (ctx) =>
      generateContent(ctx, {
        idempotencyKey: "short",
        contentType: "sms",
        brief: "  ",
        variants: 4,
      }),
    ).catch((e: DomainError) => e);
    expect((error as DomainError).errors.map((e) => e.field).sort()).toEqual([
      "brief",
      "idempotencyKey",
      "variants",
    ]);
  });
});

describe("the hold, committed before the provider writes", () => {
  beforeEach(() => setBalance(ids.shop, 1_000));

  /** A request that generates, then fails for another reason: its transaction rolls back. */
  const rolledBack = async (input: { idempotencyKey: string; contentType: "sms"; brief: string }) => {
    const failure = new Error("the request failed after generating");
    await expect(
      h.run({ accountId: ids.shop, userId: ids.user, role: "member" }, async (ctx) => {
        await generateContent(ctx, input);
        throw failure;
      }),
    ).rejects.toBe(failure);
  };
  const heldOf = () =>
    h.owner<{ id: string; amount: string; expires_later: boolean }[]>`
      select id, amount, expires_at > now() + interval '10 minutes' as expires_later
        from token_reservations where account_id = ${ids.shop} and status = 'held'`;

  it("lets another spend of the account finish while the provider writes", async () => {
    let arrived!: () => void;
    const providerCalled = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: GenerationProvider = {
      ...scripted(["A slow draft."]),
      generate: async () => {
        arrived();
        await released;
        return { drafts: ["A slow draft."], model: "script-1", completionTokens: null };
      },
    };
    const first = as(ids.shop, (ctx) =>
      generateContent(ctx, { idempotencyKey: randomUUID(), contentType: "sms", brief: "Slow" }, slow),
    );
    try {
      await providerCalled;
      const second = await as(ids.shop, (ctx) =>
        generateContent(ctx, { idempotencyKey: randomUUID(), contentType: "sms", brief: "Meanwhile" }),
      );
      expect(second).toMatchObject({ status: "succeeded", tokensCharged: 50 });
    } finally {
      release();
    }
    expect(await first).toMatchObject({ status: "succeeded", tokensCharged: 50 });
    expect(await wallet(ids.shop)).toEqual({ balance: 900, reserved: 0 });
  });

  it("outlives a request that rolls back, and a retry with the same key reuses it", async () => {
    const input = { idempotencyKey: randomUUID(), contentType: "sms" as const, brief: "Rolled back" };
    await rolledBack(input);
    // Nothing recorded, nothing charged: the hold stays until it expires.
    const [n] = await h.owner`select count(*)::int as n from content_generations where brief = 'Rolled back'`;
    expect(n!.n).toBe(0);
    const held = await heldOf();
    expect(held).toEqual([{ id: expect.any(String), amount: "50", expires_later: true }]);
    expect(await wallet(ids.shop)).toEqual({ balance: 1_000, reserved: 50 });

    const g = await as(ids.shop, (ctx) => generateContent(ctx, input));
    expect(g).toMatchObject({ status: "succeeded", reservationId: held[0]!.id, tokensCharged: 50 });
    expect(await heldOf()).toEqual([]);
    expect(await wallet(ids.shop)).toEqual({ balance: 950, reserved: 0 });
  });

  it("gives the tokens back when a rolled-back request's hold expires", async () => {
    const input = { idempotencyKey: randomUUID(), contentType: "sms" as const, brief: "Expired" };
    await rolledBack(input);
    const [held] = await heldOf();
    await h.owner`update token_reservations set expires_at = now() - interval '1 second' where id = ${held!.id}`;
    expect(await releaseExpiredReservations(h.db)).toBeGreaterThan(0);
    expect(await wallet(ids.shop)).toEqual({ balance: 1_000, reserved: 0 });
    const [r] = await h.owner`select status from token_reservations where id = ${held!.id}`;
    expect(r!.status).toBe("released");
    const [debits] = await h.owner`select count(*)::int as n from token_transactions
      where reference_id = ${held!.id} and type = 'debit'`;
    expect(debits!.n).toBe(0);

    // A retry after that takes a new hold: the expired one cannot be charged.
    const g = await as(ids.shop, (ctx) => generateContent(ctx, input));
    expect(g.reservationId).not.toBe(held!.id);
    expect(g).toMatchObject({ status: "succeeded", tokensCharged: 50 });
    expect(await wallet(ids.shop)).toEqual({ balance: 950, reserved: 0 });
  });
});

describe("offline drafts", () => {
  const request = async (over: Partial<GenerationRequest> = {}): Promise<GenerationRequest> => {
    const [row] = await h.owner`select * from brand_dna where account_id = ${ids.shop}`;
    const brand = profileOf({
      brandName: row!.brand_name,
      mission: row!.mission,
      values: row!.values,
      toneFormality: row!.tone_formality,
      toneAdjectives: row!.tone_adjectives,
      audience: row!.audience,
      personas: row!.personas,
      keyMessages: row!.key_messages,
      keywords: row!.keywords,
      wordsToAvoid: row!.words_to_avoid,
      palette: row!.palette,
      fonts: row!.fonts,
      examplePosts: row!.example_posts,
      languages: row!.languages,
    });
    const prompt = buildGenerationPrompt({ brand, contentType: "social_post", channel: "x", brief: "Rye" });
    return {
      system: prompt.system,
      user: prompt.user,
      contentType: "social_post",
      channel: "x",
      brief: "Announce our rye with caraway",
      brand,
      variants: 3,
      maxWords: prompt.maxWords,
      maxLength: prompt.maxLength,
      seed: "seed-1",
      ...over,
    };
  };

  it("are the same for the same seed, differ between variants, and fit the channel", async () => {
    const r = await request();
    const drafts = composeOfflineDrafts(r);
    expect(composeOfflineDrafts(r)).toEqual(drafts);
    expect(new Set(drafts).size).toBe(3);
    for (const d of drafts) {
      expect([...d].length).toBeLessThanOrEqual(280);
      expect(d).toContain("our rye with caraway");
      expect(d).toContain("#sourdough #seasonal");
    }
    const sms = composeOfflineDrafts(await request({ contentType: "sms", maxLength: 160, variants: 1 }));
    expect([...sms[0]!].length).toBeLessThanOrEqual(160);
    expect(sms[0]).toMatch(/^Crumb & Co: /);
  });
});
