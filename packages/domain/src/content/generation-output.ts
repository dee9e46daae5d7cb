// How a generation's drafts are stored: content_generations has one `output` text and one
// `brand_check`, so several variants are joined by a divider line (which no draft can contain: it
// is taken out of each draft first) and the brand check holds the verdict on all of them plus
// one per variant.
import type { BrandCheckResult } from "@markettina/db";
import { type BrandCheckInput, checkBrand } from "./check-brand.ts";

const DIVIDER = (n: number) => `\n\n—— variant ${n} ——\n\n`;
const DIVIDER_PATTERN = /\n\n—— variant \d+ ——\n\n/u;

/** The brand check of a generation: passed only if every variant passed. */
export interface GenerationBrandCheck extends BrandCheckResult {
  /** Each variant's own check, in order (one entry for a single draft). */
  variants: BrandCheckResult[];
}

export const joinVariants = (drafts: readonly string[]): string =>
  drafts.map((d, i) => (i === 0 ? d : `${DIVIDER(i + 1)}${d}`)).join("");

export const splitVariants = (output: string | null): string[] =>
  output === null ? [] : output.split(DIVIDER_PATTERN);

/** A draft as stored: trimmed, and without anything that reads as a divider. */
export const cleanDraft = (text: string): string => text.replace(/—— variant \d+ ——/gu, "").trim();

export function checkDrafts(
  drafts: readonly string[],
  context: Omit<BrandCheckInput, "text">,
): GenerationBrandCheck {
  const variants = drafts.map((text) => checkBrand({ ...context, text }));
  const label = (i: number) => (drafts.length > 1 ? `Variant ${i + 1}: ` : "");
  return {
    passed: variants.every((v) => v.passed),
    checkedAt: variants[0]?.checkedAt ?? (context.now ?? new Date()).toISOString(),
    brandDnaVersion: context.brand.version,
    issues: variants.flatMap((v, i) =>
      v.issues.map((issue) => ({ ...issue, message: label(i) + issue.message })),
    ),
    variants,
  };
}
