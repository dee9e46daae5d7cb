"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { formatTokens } from "@/components/ui/format";
import { useIdempotencyKey } from "@/lib/billing/idempotency-key";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { RedeemPromoCodeMutation, WALLET_QUERIES } from "./wallet-operations";

const RedeemPromoCodeInput = z.object({
  code: z
    .string()
    .trim()
    .min(1, "Enter a promo code.")
    .max(40, "Use at most 40 characters.")
    .transform((code) => code.toUpperCase()),
});
type RedeemPromoCodeInput = z.input<typeof RedeemPromoCodeInput>;

/** Bonus-token codes land in the wallet at once (percent-off codes are used when buying). */
export function RedeemPromoCodeForm() {
  const redeem = useAccountMutation(RedeemPromoCodeMutation);
  const refresh = useRefreshAccountQueries();
  const intent = useIdempotencyKey();
  const [redeemed, setRedeemed] = useState<string | null>(null);
  const form = useForm<RedeemPromoCodeInput, unknown, z.output<typeof RedeemPromoCodeInput>>({
    resolver: zodResolver(RedeemPromoCodeInput),
    defaultValues: { code: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit({ code }: z.output<typeof RedeemPromoCodeInput>) {
    setRedeemed(null);
    try {
      const { redeemPromoCode: payload } = await redeem.mutateAsync({
        input: { code, idempotencyKey: intent.keyFor({ code }) },
      });
      if (payload.userErrors.length > 0) {
        applyUserErrors(payload.userErrors, ["code"], form.setError);
        return;
      }
      intent.reset();
      setRedeemed(`Redeemed ${code}: ${formatTokens(payload.bonusTokens ?? 0)} bonus tokens added.`);
      form.reset();
      await refresh(WALLET_QUERIES);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not redeem." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label="Redeem a promo code"
      className="space-y-4 p-4"
    >
      <FormField id="promo-code" label="Promo code" error={errors.code?.message}>
        <TextInput
          id="promo-code"
          autoComplete="off"
          className="uppercase"
          invalid={!!errors.code}
          {...form.register("code")}
        />
      </FormField>
      <FieldError message={errors.root?.server?.message} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Redeeming…" : "Redeem"}
        </Button>
        {redeemed ? (
          <p role="status" className="text-sm text-emerald-700">
            {redeemed}
          </p>
        ) : null}
      </div>
    </form>
  );
}
