// Markups are stored in basis points (1 % = 100 bps); people type percentages.

/** "12.5" → 1250. Rounded to whole basis points (two decimals of a percent). */
export function percentToBasisPoints(percent: string): number {
  return Math.round(Number(percent) * 100);
}

/** 1250 → "12.5". */
export function basisPointsToPercent(bps: number): string {
  return String(bps / 100);
}
