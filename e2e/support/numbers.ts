// Numbers as the console prints them (en-GB: "12,345"; signed ledger amounts "+500", "-1,234").
const TOKENS = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const SIGNED = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0, signDisplay: "exceptZero" });

export const tokens = (n: number): string => TOKENS.format(n);
export const signedTokens = (n: number): string => SIGNED.format(n);

/** "12,345 tokens" → 12345. */
export function parseTokens(text: string): number {
  const digits = text.replace(/[^\d]/g, "");
  if (!digits) throw new Error(`No number in "${text}"`);
  return Number(digits);
}
