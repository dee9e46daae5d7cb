// The ledger's entry types (TokenTransactionType), in words, in the order the filter lists them.
export const TRANSACTION_TYPES = [
  "PURCHASE",
  "BONUS",
  "DEBIT",
  "REFUND",
  "TRANSFER_IN",
  "TRANSFER_OUT",
  "EXPIRY",
  "ADJUSTMENT",
  "MARKUP",
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_TYPE_LABELS: Record<TransactionType, string> = {
  PURCHASE: "Purchase",
  BONUS: "Bonus",
  DEBIT: "Debit",
  REFUND: "Refund",
  TRANSFER_IN: "Transfer in",
  TRANSFER_OUT: "Transfer out",
  EXPIRY: "Expiry",
  ADJUSTMENT: "Adjustment",
  MARKUP: "Markup",
};

export function transactionTypeLabel(type: string): string {
  return TRANSACTION_TYPE_LABELS[type as TransactionType] ?? type;
}
