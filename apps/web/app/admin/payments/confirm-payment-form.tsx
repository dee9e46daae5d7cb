"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { useViewerMutation, viewerQueryKey } from "@/lib/graphql/use-graphql";
import { ConfirmManualPaymentMutation } from "./payments-operations";
import type { PendingPayment } from "./pending-payments-table";

/** Confirming twice is harmless: the API answers CONFLICT for a payment that is no longer pending. */
export function ConfirmPaymentForm({
  payment,
  onDone,
  onCancel,
}: {
  payment: PendingPayment;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const confirm = useViewerMutation(ConfirmManualPaymentMutation);
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const { confirmManualPayment: payload } = await confirm.mutateAsync({
        input: { paymentId: payment.paymentId, note: note.trim() || null },
      });
      await queryClient.invalidateQueries({ queryKey: viewerQueryKey("PendingManualPayments") });
      if (payload.userErrors[0]) {
        setError(payload.userErrors[0].message);
        return;
      }
      onDone(
        `Payment for invoice ${payment.formattedInvoiceNumber} confirmed: ${payment.accountName} has its tokens.`,
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not confirm the payment.");
    }
  }

  return (
    <form onSubmit={submit} aria-label="Confirm payment" className="space-y-4">
      <FormField id="confirm-note" label="Note (optional)" hint="For example the bank transfer's reference.">
        <TextInput
          id="confirm-note"
          autoComplete="off"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </FormField>
      <FieldError message={error} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={confirm.isPending} data-autofocus>
          Cancel
        </Button>
        <Button type="submit" disabled={confirm.isPending}>
          {confirm.isPending ? "Confirming…" : "Confirm payment"}
        </Button>
      </div>
    </form>
  );
}
