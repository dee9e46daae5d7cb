// An agency funds one of its own sub-accounts: one atomic double entry, transfer_out in the
// agency's ledger and transfer_in in the client's, in one transaction. Either both land or
// neither does.
import { schema } from "@markettina/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { OperationContext } from "../context.ts";
import { fail, parseInput } from "../errors.ts";
import { authorize } from "../identity/authorize.ts";
import { recordChange } from "../platform/record-change.ts";
import { runIdempotent } from "../platform/run-idempotent.ts";
import { IdempotencyKey, Note, TokenAmount } from "./inputs.ts";
import { postEntry } from "./ledger.ts";

export const TransferTokensInput = z.object({
  toAccountId: z.uuid("Choose a sub-account."),
  amount: TokenAmount,
  note: Note,
  idempotencyKey: IdempotencyKey,
});
export type TransferTokensInput = z.input<typeof TransferTokensInput>;

export interface Transfer {
  outgoingEntryId: string;
  incomingEntryId: string;
  toAccountId: string;
  amount: number;
}

export async function transferTokens(ctx: OperationContext, raw: TransferTokensInput): Promise<Transfer> {
  authorize(ctx, "sub_accounts:fund");
  const input = parseInput(TransferTokensInput, raw);
  const { idempotencyKey, ...request } = input;
  return runIdempotent(
    ctx,
    { operation: "transferTokens", key: idempotencyKey, input: request },
    async () => {
      const a = schema.accounts;
      const [child] = await ctx.tx
        .select({ id: a.id, name: a.name })
        .from(a)
        .where(and(eq(a.id, input.toAccountId), eq(a.parentAccountId, ctx.accountId)));
      if (!child)
        fail("NOT_FOUND", "Tokens can only go to one of this agency's own sub-accounts.", "toAccountId");

      // Both wallets locked in one order (by id), so two opposite transfers cannot deadlock and a
      // debit racing this transfer waits for it.
      const w = schema.tokenWallets;
      const locked = await ctx.tx
        .select({ id: w.id, accountId: w.accountId, balance: w.balance, reserved: w.reserved })
        .from(w)
        .where(inArray(w.accountId, [ctx.accountId, input.toAccountId]))
        .orderBy(asc(w.id))
        .for("update");
      const from = locked.find((x) => x.accountId === ctx.accountId);
      const to = locked.find((x) => x.accountId === input.toAccountId);
      if (!from || !to) return fail("NOT_FOUND", "Wallet not found.", "toAccountId");
      if (from.balance - from.reserved < input.amount) {
        fail(
          "INSUFFICIENT_TOKENS",
          `Only ${from.balance - from.reserved} tokens are available to transfer.`,
          "amount",
        );
      }
      const outgoing = await postEntry(ctx, from, {
        type: "transfer_out",
        amount: -input.amount,
        description: input.note || `Transfer to ${child!.name}`,
        counterpartyAccountId: to.accountId,
        idempotencyKey: `transfer:${idempotencyKey}`,
      });
      const incoming = await postEntry(ctx, to, {
        type: "transfer_in",
        amount: input.amount,
        description: input.note || "Transfer from the agency",
        counterpartyAccountId: from.accountId,
        referenceType: "token_transaction",
        referenceId: outgoing.id,
        idempotencyKey: `transfer:${idempotencyKey}`,
      });
      await recordChange(ctx, {
        action: "tokens.transferred",
        entityType: "token_transaction",
        entityId: outgoing.id,
        payload: { toAccountId: to.accountId, amount: input.amount, incomingEntryId: incoming.id },
      });
      return {
        outgoingEntryId: outgoing.id,
        incomingEntryId: incoming.id,
        toAccountId: to.accountId,
        amount: input.amount,
      };
    },
  );
}
