// What a generation will hold from the wallet, shown before the marketer confirms: the units of
// the longest drafts asked for (generation-units.ts) at this account's price, its agency's markup
// included — the amount app.reserve_tokens will reserve. What is charged in the end is what was
// written, never more than this.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { costOf } from "../billing/price.ts";
import type { OperationContext } from "../context.ts";
import { parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import {
  CONTENT_TYPES,
  type ContentType,
  DEFAULT_CHANNEL,
  POST_CHANNELS,
  type PostChannel,
} from "./channel-rules.ts";
import {
  CONTENT_GENERATION_SERVICE,
  MAX_VARIANTS,
  maxWordsFor,
  reservedUnitsFor,
  WORDS_PER_UNIT,
} from "./generation-units.ts";

export const QuoteContentGenerationInput = z.object({
  contentType: z.enum(CONTENT_TYPES),
  channel: z.enum(POST_CHANNELS).optional(),
  variants: z.number().int().min(1).max(MAX_VARIANTS).default(1),
});
export type QuoteContentGenerationInput = z.input<typeof QuoteContentGenerationInput>;

export interface ContentGenerationQuote {
  contentType: ContentType;
  channel: PostChannel;
  variants: number;
  /** Longest draft asked for, in words. */
  maxWords: number;
  units: number;
  wordsPerUnit: number;
  /** Tokens reserved: base price plus markup. */
  tokens: number;
  baseTokens: number;
  markupTokens: number;
}

/** null when the service is not on sale (deactivated in the price list). */
export async function quoteContentGeneration(
  ctx: OperationContext,
  raw: QuoteContentGenerationInput,
): Promise<ContentGenerationQuote | null> {
  authorize(ctx, "content:read");
  const input = parseInput(QuoteContentGenerationInput, raw);
  const channel = input.channel ?? DEFAULT_CHANNEL[input.contentType];
  const [price] = await ctx.tx.execute<{ tokens_per_unit: string; markup_bps: number }>(sql`
    select tokens_per_unit, markup_bps from app.service_price(${ctx.accountId}, ${CONTENT_GENERATION_SERVICE})`);
  if (!price) return null;
  const units = reservedUnitsFor(input.contentType, channel, input.variants);
  const cost = costOf({ tokensPerUnit: Number(price.tokens_per_unit), markupBps: price.markup_bps }, units);
  return {
    contentType: input.contentType,
    channel,
    variants: input.variants,
    maxWords: maxWordsFor(input.contentType, channel),
    units,
    wordsPerUnit: WORDS_PER_UNIT,
    tokens: cost.total,
    baseTokens: cost.base,
    markupTokens: cost.markup,
  };
}
