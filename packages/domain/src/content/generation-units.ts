// What a content generation costs. The service's unit is the one its price list names
// (service_pricing.unit of content_generation: "1,000 words"): every started 1,000 generated words
// is one unit. The brand context sent with the prompt is not charged, only what is written.
//
// Reserved: the most the generation may write, `variants` drafts of at most maxWordsFor() words,
// which is also the length the provider is held to (the prompt says it; the HTTP provider's
// max_tokens enforces it). Charged: what was written, from the provider's count of generated
// tokens when it reports one (¾ word per token, the usual rule for English), else the words of the
// drafts; at least one unit for any text, never more than reserved.
import { type ContentType, maxLengthFor, type PostChannel } from "./channel-rules.ts";

export const CONTENT_GENERATION_SERVICE = "content_generation";
export const WORDS_PER_UNIT = 1_000;
export const WORDS_PER_PROVIDER_TOKEN = 0.75;
export const MAX_VARIANTS = 3;

/** The longest draft of each type we ask for, in words. */
const TYPE_MAX_WORDS: Record<ContentType, number> = {
  social_post: 250,
  ad_copy: 120,
  sms: 40,
  email: 600,
  blog_post: 1_500,
};

/** A channel's character limit caps the words too (about five characters a word, spaces
 * included): an X post is at most ~56 words whatever its type asks. */
export const maxWordsFor = (type: ContentType, channel: PostChannel): number =>
  Math.min(TYPE_MAX_WORDS[type], Math.max(20, Math.floor(maxLengthFor(type, channel) / 5)));

/** Units held before generating. */
export const reservedUnitsFor = (type: ContentType, channel: PostChannel, variants: number): number =>
  Math.ceil((variants * maxWordsFor(type, channel)) / WORDS_PER_UNIT);

/** Most generated tokens a draft of `maxWords` words may use (the HTTP provider's max_tokens). */
export const maxTokensFor = (maxWords: number): number => Math.ceil(maxWords / WORDS_PER_PROVIDER_TOKEN);

export const countWords = (text: string): number => text.split(/\s+/u).filter((w) => w !== "").length;

/** Units charged for what was written. */
export function usedUnits(
  written: { drafts: readonly string[]; completionTokens: number | null },
  reservedUnits: number,
): number {
  const words =
    written.completionTokens !== null
      ? Math.ceil(written.completionTokens * WORDS_PER_PROVIDER_TOKEN)
      : written.drafts.reduce((sum, d) => sum + countWords(d), 0);
  return Math.min(reservedUnits, Math.max(1, Math.ceil(words / WORDS_PER_UNIT)));
}
