// A marketer asks for drafts: the prompt is built from the brand DNA and the channel, the tokens
// the drafts may cost are reserved, the provider writes, the drafts are checked against the brand,
// and what was written is charged (the rest of the hold released). A provider failure releases
// the whole hold and leaves a failed generation with the provider's error.
//
// The hold apart, everything else in the request's transaction, and why the failure is data, not
// an exception. The tokens are held in a transaction of their own, committed before the provider
// is called (holdGenerationTokens, ctx.detached): the wallet row is locked for that one statement,
// so another spend of the account does not wait for the provider. The rest runs in the request's
// transaction (inside the mutation's savepoint): the idempotency claim before the hold; the pending
// generation row, the provider call, settle-or-release and the final row after it. So:
// - a provider failure (GenerationProviderError) is *returned*, as a generation with status
//   failed: throwing a DomainError would roll the savepoint back, taking the release and the
//   failed row with it (the hold would stay until it expires, and the attempt would go unrecorded);
// - any other error (a bug, the database), or a crash while the provider works, rolls the request
//   back: no row, no charge, the idempotency key free for the retry. The committed hold stays
//   `held` until it expires (GENERATION_HOLD_TTL_SECONDS) and is released by
//   billing.release-expired-reservations: the customer is never charged for work the request did
//   not record. A retry with the same key reuses that hold rather than holding twice.
import { schema, uuidv7 } from "@markettina/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { IdempotencyKey } from "../billing/inputs.ts";
import { releaseReservation } from "../billing/release-reservation.ts";
import { settleReservation } from "../billing/settle-reservation.ts";
import { profileOf } from "../brand/profile.ts";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { runIdempotent } from "../platform/run-idempotent.ts";
import { buildGenerationPrompt } from "./build-generation-prompt.ts";
import { CONTENT_TYPES, type ContentType, DEFAULT_CHANNEL, POST_CHANNELS } from "./channel-rules.ts";
import { createContentItem } from "./create-content-item.ts";
import { checkDrafts, cleanDraft, joinVariants } from "./generation-output.ts";
import {
  type GenerationProvider,
  GenerationProviderError,
  type GenerationResult,
} from "./generation-provider.ts";
import { CONTENT_GENERATION_SERVICE, MAX_VARIANTS, reservedUnitsFor, usedUnits } from "./generation-units.ts";
import { holdGenerationTokens } from "./hold-generation-tokens.ts";
import { offlineGenerationProvider } from "./offline-provider.ts";

export const GenerateContentInput = z.object({
  idempotencyKey: IdempotencyKey,
  contentType: z.enum(CONTENT_TYPES),
  /** Default: the content type's usual channel (DEFAULT_CHANNEL). */
  channel: z.enum(POST_CHANNELS).optional(),
  brief: z.string().trim().min(1, "Say what the content is about.").max(2_000, "At most 2,000 characters."),
  campaignId: z.uuid().optional(),
  /** The item the drafts are for (linked only: the marketer saves the chosen variant into it with
   * updateContentItem, naming the version read, so a generation never overwrites an edit). */
  contentItemId: z.uuid().optional(),
  /** Also save the first draft as a new content item (a draft, linked to this generation). */
  createDraft: z.boolean().default(false),
  variants: z
    .number()
    .int("Ask for a whole number of variants.")
    .min(1, "Ask for at least one variant.")
    .max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants.`)
    .default(1),
});
export type GenerateContentInput = z.input<typeof GenerateContentInput>;
export type ContentGenerationRow = typeof schema.contentGenerations.$inferSelect;

export async function generateContent(
  ctx: OperationContext,
  raw: GenerateContentInput,
  provider: GenerationProvider = offlineGenerationProvider,
): Promise<ContentGenerationRow> {
  authorize(ctx, "content:write");
  authorize(ctx, "wallet:spend");
  const input = parseInput(GenerateContentInput, raw);
  if (input.createDraft && input.contentItemId) {
    fail("INVALID", "Either name an existing content item or create a new draft, not both.", "createDraft");
  }
  const { idempotencyKey, ...request } = input;
  let fresh = null as ContentGenerationRow | null;
  // A retried request (same key, same input) answers the first generation, charged once; a
  // concurrent one waits on the key until the first commits.
  const { generationId } = await runIdempotent(
    ctx,
    { operation: "generateContent", key: idempotencyKey, input: request },
    async () => {
      fresh = await generate(ctx, input, provider);
      return { generationId: fresh.id };
    },
  );
  if (fresh) return fresh;
  const g = schema.contentGenerations;
  const [replayed] = await ctx.tx
    .select()
    .from(g)
    .where(and(eq(g.accountId, ctx.accountId), eq(g.id, generationId)));
  return replayed!;
}

async function generate(
  ctx: OperationContext,
  input: z.output<typeof GenerateContentInput>,
  provider: GenerationProvider,
): Promise<ContentGenerationRow> {
  const [brandRow] = await ctx.tx
    .select()
    .from(schema.brandDna)
    .where(eq(schema.brandDna.accountId, ctx.accountId));
  if (!brandRow) return fail("NOT_FOUND", "Brand DNA not found.");
  const brand = profileOf(brandRow);
  const campaign = input.campaignId ? await campaignOf(ctx, input.campaignId) : null;
  if (input.contentItemId) await requireContentItem(ctx, input.contentItemId);

  const channel = input.channel ?? DEFAULT_CHANNEL[input.contentType];
  const prompt = buildGenerationPrompt({
    brand,
    contentType: input.contentType,
    channel,
    brief: input.brief,
    campaign,
  });
  const units = reservedUnitsFor(input.contentType, channel, input.variants);
  const id = uuidv7();
  // Committed before the provider is called (see the top). INSUFFICIENT_TOKENS here is thrown:
  // nothing has been written yet, and the savepoint's rollback also frees the idempotency key. A
  // hold reused from a rolled-back attempt keeps that attempt's reference; the row names it.
  const reservation = await holdGenerationTokens(ctx, {
    generationKey: input.idempotencyKey,
    units,
    reference: `content_generation:${id}`,
  });
  const g = schema.contentGenerations;
  await ctx.tx.insert(g).values({
    id,
    accountId: ctx.accountId,
    contentItemId: input.contentItemId ?? null,
    campaignId: input.campaignId ?? null,
    serviceCode: CONTENT_GENERATION_SERVICE,
    contentType: input.contentType,
    channel,
    brief: input.brief,
    prompt: prompt.text,
    brandDnaVersion: brandRow.version,
    provider: provider.name,
    model: provider.model,
    reservationId: reservation.id,
    tokensReserved: reservation.amount,
    status: "pending",
    createdBy: ctx.actor.userId,
  });

  const written = await write(provider, {
    system: prompt.system,
    user: prompt.user,
    contentType: input.contentType,
    channel,
    brief: input.brief,
    brand,
    variants: input.variants,
    maxWords: prompt.maxWords,
    maxLength: prompt.maxLength,
    seed: id,
  });

  let changes: Partial<ContentGenerationRow>;
  if (written.ok) {
    const settlement = await settleReservation(ctx, {
      reservationId: reservation.id,
      actualUnits: usedUnits(written, units),
    });
    changes = {
      status: "succeeded",
      model: written.model || provider.model,
      output: joinVariants(written.drafts),
      brandCheck: checkDrafts(written.drafts, {
        type: input.contentType,
        channel,
        brand: { version: brandRow.version, wordsToAvoid: brand.wordsToAvoid, keywords: brand.keywords },
      }),
      tokensCharged: settlement.settledAmount,
    };
    if (input.createDraft) {
      const item = await createContentItem(ctx, {
        ...draftItem(input.contentType, input.brief, written.drafts[0]!),
        campaignId: input.campaignId ?? null,
        generationId: id,
      });
      changes.contentItemId = item.id;
    }
  } else {
    await releaseReservation(ctx, { reservationId: reservation.id });
    changes = { status: "failed", error: written.error, tokensCharged: 0 };
  }
  const [row] = await ctx.tx
    .update(g)
    .set({ ...changes, completedAt: sql`now()` })
    .where(and(eq(g.accountId, ctx.accountId), eq(g.id, id)))
    .returning();
  await recordChange(ctx, {
    action: `content_generation.${row!.status}`,
    entityType: "content_generation",
    entityId: id,
    payload: {
      contentType: row!.contentType,
      channel: row!.channel,
      provider: row!.provider,
      model: row!.model,
      brandDnaVersion: row!.brandDnaVersion,
      tokensReserved: row!.tokensReserved,
      tokensCharged: row!.tokensCharged,
      brandCheckPassed: row!.brandCheck?.passed ?? null,
      error: row!.error,
    },
  });
  return row!;
}

type Written = (GenerationResult & { ok: true }) | { ok: false; error: string };

/** The provider's drafts, or its expected failure as a message to store. An empty answer is a
 * failure too: there is nothing to charge for. */
async function write(
  provider: GenerationProvider,
  request: Parameters<GenerationProvider["generate"]>[0],
): Promise<Written> {
  try {
    const result = await provider.generate(request);
    const drafts = result.drafts.map(cleanDraft).filter((d) => d !== "");
    if (drafts.length === 0) return { ok: false, error: "The provider answered without any text." };
    return { ...result, drafts, ok: true };
  } catch (error) {
    if (error instanceof GenerationProviderError) return { ok: false, error: error.message };
    throw error;
  }
}

/** A content item from a draft: the brief's first line as its title; an email's `Subject: …`
 * line as its subject. */
function draftItem(type: ContentType, brief: string, draft: string) {
  const firstLine = brief.split("\n")[0]!.trim();
  const title = firstLine.length > 120 ? `${firstLine.slice(0, 119).trimEnd()}…` : firstLine;
  const subject = type === "email" ? /^Subject:[ \t]*(.*)\n?/iu.exec(draft) : null;
  return subject
    ? { type, title, subject: subject[1]!.trim().slice(0, 300), body: draft.slice(subject[0].length).trim() }
    : { type, title, body: draft };
}

async function campaignOf(ctx: OperationContext, id: string) {
  const c = schema.campaigns;
  const [campaign] = await ctx.tx
    .select({ name: c.name, description: c.description, objectives: c.objectives })
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, id), isNull(c.deletedAt)));
  return campaign ?? fail("NOT_FOUND", "Campaign not found.", "campaignId");
}

async function requireContentItem(ctx: OperationContext, id: string): Promise<void> {
  const c = schema.contentItems;
  const [item] = await ctx.tx
    .select({ id: c.id })
    .from(c)
    .where(and(eq(c.accountId, ctx.accountId), eq(c.id, id)));
  if (!item) fail("NOT_FOUND", "Content item not found.", "contentItemId");
}
