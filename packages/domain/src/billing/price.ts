// What units of a service cost an account: the base price plus its agency's markup, rounded up to
// whole tokens. The reservation itself is priced in app.reserve_tokens with the same formula
// (base + ceil(base × markup_bps / 10 000)); this is the price list's view of it.
export interface Price {
  tokensPerUnit: number;
  markupBps: number;
}

/** Tokens that `units` of a service cost: the base and the agency's markup on top of it. */
export function costOf(price: Price, units: number): { base: number; markup: number; total: number } {
  const base = units * price.tokensPerUnit;
  const markup = Math.ceil((base * price.markupBps) / 10_000);
  return { base, markup, total: base + markup };
}
