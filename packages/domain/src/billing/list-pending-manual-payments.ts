// The platform admin's queue: manual payments waiting for confirmation, across all tenants, read
// through app.pending_manual_payments (SECURITY DEFINER; it answers only to a platform admin).
import { sql } from "drizzle-orm";
import type { PlatformContext } from "../context.ts";
import { requirePlatformAdmin } from "../identity/require-platform-admin.ts";

export interface PendingManualPayment {
  paymentId: string;
  accountId: string;
  accountName: string;
  invoiceNumber: number;
  amountMinor: number;
  currency: string;
  createdAt: Date;
}

export async function listPendingManualPayments(platform: PlatformContext): Promise<PendingManualPayment[]> {
  await requirePlatformAdmin(platform.tx);
  const rows = await platform.tx.execute<{
    payment_id: string;
    account_id: string;
    account_name: string;
    invoice_number: string | number;
    amount_minor: number;
    currency: string;
    created_at: string | Date;
  }>(sql`select * from app.pending_manual_payments()`);
  return rows.map((r) => ({
    paymentId: r.payment_id,
    accountId: r.account_id,
    accountName: r.account_name,
    invoiceNumber: Number(r.invoice_number),
    amountMinor: r.amount_minor,
    currency: r.currency,
    createdAt: new Date(r.created_at),
  }));
}
