// The ledger's entry types (TokenTransactionType), in words, in the order the filter lists them.
export const TRANSACTION_TYPES = [
  "purchase",
  "bonus",
  "debit",
  "refund",
  "transfer_in",
  "transfer_out",
  "expiry",
  "adjustment",
  "markup",
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_TYPE_LABELS: Record<TransactionType, string> = {
  purchase: "Purchase",
  bonus: "Bonus",
  debit: "Debit",
  refund: "Refund",
  transfer_in: "Transfer in",
  transfer_out: "Transfer out",
  expiry: "Expiry",
  adjustment: "Adjustment",
  markup: "Markup",
};

export function transactionTypeLabel(type: string): string {
  return TRANSACTION_TYPE_LABELS[type as TransactionType] ?? type;
}
