"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { formatTokens } from "@/components/ui/format";
import { useIdempotencyKey } from "@/lib/billing/idempotency-key";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useAccountQuery, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { AgencyWalletQuery, TRANSFER_QUERIES, TransferTokensMutation } from "./sub-accounts-operations";

const TransferTokensInput = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d+$/, "Enter a whole number of tokens.")
    .refine((value) => Number(value) > 0, "Transfer at least 1 token.")
    .refine((value) => Number.isSafeInteger(Number(value)), "That is more tokens than exist."),
  note: z.string().trim().max(500, "Use at most 500 characters."),
});
type TransferTokensInput = z.infer<typeof TransferTokensInput>;

type Recipient = { accountId: string; name: string; slug: string };

/** Moves tokens from the agency's wallet to one sub-account; both ledgers get an entry. */
export function TransferTokensForm({
  recipient,
  onDone,
  onCancel,
}: {
  recipient: Recipient;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const agencyWallet = useAccountQuery(AgencyWalletQuery, {});
  const transfer = useAccountMutation(TransferTokensMutation);
  const refresh = useRefreshAccountQueries();
  const queryClient = useQueryClient();
  // Mounted when the dialog opens: one intent, kept across retries of the same transfer.
  const intent = useIdempotencyKey();
  const form = useForm<TransferTokensInput>({
    resolver: zodResolver(TransferTokensInput),
    defaultValues: { amount: "", note: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const available = agencyWallet.data?.wallet.available;

  async function submit(values: TransferTokensInput) {
    const request = {
      toAccountId: recipient.accountId,
      amount: Number(values.amount),
      note: values.note || null,
    };
    try {
      const { transferTokens: payload } = await transfer.mutateAsync({
        input: { ...request, idempotencyKey: intent.keyFor(request) },
      });
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, ["amount", "note"], form.setError);
        return;
      }
      intent.reset();
      await Promise.all([
        refresh(TRANSFER_QUERIES),
        // The sub-account's own pages show its wallet too.
        queryClient.invalidateQueries({ queryKey: [recipient.slug] }),
      ]);
      onDone(`Transferred ${formatTokens(request.amount)} tokens to ${recipient.name}.`);
    } catch (error) {
      form.setError("root.server", {
        message: error instanceof Error ? error.message : "Could not transfer.",
      });
    }
  }

  return (
    <form onSubmit={form.handleSubmit(submit)} noValidate aria-label="Transfer tokens" className="space-y-4">
      <p className="text-sm text-zinc-600">
        Available to transfer:{" "}
        <span className="font-semibold text-zinc-900 tabular-nums">
          {available === undefined
            ? agencyWallet.isError
              ? "unknown"
              : "…"
            : `${formatTokens(available)} tokens`}
        </span>
      </p>
      <FormField id="transfer-amount" label="Amount (tokens)" error={errors.amount?.message}>
        <TextInput
          id="transfer-amount"
          inputMode="numeric"
          autoComplete="off"
          data-autofocus
          invalid={!!errors.amount}
          {...form.register("amount")}
        />
      </FormField>
      <FormField
        id="transfer-note"
        label="Note (optional)"
        hint="Shown in both ledgers."
        error={errors.note?.message}
      >
        <TextInput id="transfer-note" autoComplete="off" invalid={!!errors.note} {...form.register("note")} />
      </FormField>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Transferring…" : "Transfer"}
        </Button>
      </div>
    </form>
  );
}
