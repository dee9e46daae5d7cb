// Low-balance threshold and auto-recharge. People edit these, so an update names the version it
// read: two admins saving at once cannot silently overwrite each other.
import { schema } from "@markettina/db";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";

export const UpdateWalletSettingsInput = z
  .object({
    version: z.number().int().positive(),
    lowBalanceThreshold: z
      .number()
      .int("Enter a whole number of tokens.")
      .min(0, "The threshold cannot be negative.")
      .max(Number.MAX_SAFE_INTEGER)
      .nullable(),
    autoRechargeEnabled: z.boolean(),
    autoRechargePackageId: z.uuid().nullable(),
  })
  .superRefine((s, issue) => {
    if (s.autoRechargeEnabled && s.autoRechargePackageId === null) {
      issue.addIssue({
        code: "custom",
        path: ["autoRechargePackageId"],
        message: "Choose the package to buy.",
      });
    }
    if (s.autoRechargeEnabled && s.lowBalanceThreshold === null) {
      issue.addIssue({
        code: "custom",
        path: ["lowBalanceThreshold"],
        message: "Auto-recharge buys when the balance falls below the threshold: set one.",
      });
    }
  });
export type UpdateWalletSettingsInput = z.input<typeof UpdateWalletSettingsInput>;

export async function updateWalletSettings(ctx: OperationContext, raw: UpdateWalletSettingsInput) {
  authorize(ctx, "billing:manage");
  const input = parseInput(UpdateWalletSettingsInput, raw);
  if (input.autoRechargePackageId) {
    const p = schema.tokenPackages;
    const [pkg] = await ctx.tx
      .select({ id: p.id })
      .from(p)
      .where(and(eq(p.id, input.autoRechargePackageId), eq(p.active, true)));
    if (!pkg) fail("NOT_FOUND", "No such package on sale.", "autoRechargePackageId");
  }
  const w = schema.tokenWallets;
  const [before] = await ctx.tx.select().from(w).where(eq(w.accountId, ctx.accountId));
  if (!before) return fail("NOT_FOUND", "Wallet not found.");
  const [after] = await ctx.tx
    .update(w)
    .set({
      lowBalanceThreshold: input.lowBalanceThreshold,
      autoRechargeEnabled: input.autoRechargeEnabled,
      autoRechargePackageId: input.autoRechargePackageId,
      version: sql`${w.version} + 1`,
    })
    .where(and(eq(w.accountId, ctx.accountId), eq(w.version, input.version)))
    .returning();
  if (!after) {
    fail("CONFLICT", "These settings were changed by someone else: reload them and try again.", "version");
  }
  await recordChange(ctx, {
    action: "wallet.settings_updated",
    entityType: "wallet",
    entityId: after!.id,
    before: settingsOf(before),
    after: settingsOf(after!),
  });
  return after!;
}

const settingsOf = (w: typeof schema.tokenWallets.$inferSelect) => ({
  lowBalanceThreshold: w.lowBalanceThreshold,
  autoRechargeEnabled: w.autoRechargeEnabled,
  autoRechargePackageId: w.autoRechargePackageId,
  version: w.version,
});
