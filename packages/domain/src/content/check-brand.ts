// The brand check: a draft against the brand DNA (words to avoid) and its channel (length). Run on
// every generated output and on every saved content item; the result is stored with the content.
import type { BrandCheckResult } from "@markettina/db";
import { type ContentType, maxLengthFor, type PostChannel } from "./channel-rules.ts";

export interface BrandCheckInput {
  text: string;
  type: ContentType;
  channel: PostChannel;
  brand: { version: number; wordsToAvoid: readonly string[]; keywords: readonly string[] };
  now?: Date;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A whole-word (or whole-phrase) match in any case: avoiding "cheap" flags "Cheap!" but not
 * "cheapest", which is a different word. */
const mentions = (text: string, phrase: string) =>
  new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase.trim())}(?=$|[^\\p{L}\\p{N}])`, "iu").test(text);

export function checkBrand(input: BrandCheckInput): BrandCheckResult {
  const issues: BrandCheckResult["issues"] = [];
  for (const word of input.brand.wordsToAvoid) {
    if (word.trim() !== "" && mentions(input.text, word)) {
      issues.push({ code: "WORD_TO_AVOID", message: `Uses "${word}", which the brand avoids.` });
    }
  }
  const max = maxLengthFor(input.type, input.channel);
  const length = [...input.text].length;
  if (length > max) {
    issues.push({
      code: "TOO_LONG",
      message: `${length} characters; ${input.channel === "x" || input.type === "sms" ? "the limit" : "the channel's limit"} is ${max}.`,
    });
  }
  if (input.text.trim() === "") issues.push({ code: "EMPTY", message: "The text is empty." });
  return {
    passed: issues.length === 0,
    checkedAt: (input.now ?? new Date()).toISOString(),
    brandDnaVersion: input.brand.version,
    issues,
  };
}
