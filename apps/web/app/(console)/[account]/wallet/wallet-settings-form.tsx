"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormSelectField, FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError } from "@/components/ui/form-field";
import { applyUserErrors } from "@/lib/forms/apply-user-errors";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useAccountMutation, useAccountQuery, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { TokenPackagesQuery, UpdateWalletSettingsMutation, type WalletQuery } from "./wallet-operations";

type Wallet = ResultOf<typeof WalletQuery>["wallet"];

const WalletSettingsInput = z
  .object({
    lowBalanceThreshold: z
      .string()
      .trim()
      .regex(/^\d*$/, "Enter a whole number of tokens, or leave it empty."),
    autoRechargeEnabled: z.boolean(),
    autoRechargePackageId: z.string(),
  })
  .superRefine((values, issue) => {
    if (!values.autoRechargeEnabled) return;
    if (!values.autoRechargePackageId) {
      issue.addIssue({
        code: "custom",
        path: ["autoRechargePackageId"],
        message: "Choose the package to buy.",
      });
    }
    if (!values.lowBalanceThreshold) {
      issue.addIssue({
        code: "custom",
        path: ["lowBalanceThreshold"],
        message: "Auto-recharge buys when the balance falls below the threshold: set one.",
      });
    }
  });
type WalletSettingsInput = z.infer<typeof WalletSettingsInput>;

/**
 * Low-balance threshold and auto-recharge. The form keeps the version it was loaded with: if
 * someone else saved in between, the API answers CONFLICT and the form offers to reload.
 */
export function WalletSettingsForm({ wallet, onReload }: { wallet: Wallet; onReload: () => void }) {
  const packages = useAccountQuery(TokenPackagesQuery, {});
  const update = useAccountMutation(UpdateWalletSettingsMutation);
  const refresh = useRefreshAccountQueries();
  const version = useRef(wallet.version);
  const [saved, setSaved] = useState(false);
  const [conflict, setConflict] = useState(false);
  const form = useForm<WalletSettingsInput>({
    resolver: zodResolver(WalletSettingsInput),
    defaultValues: {
      lowBalanceThreshold: wallet.lowBalanceThreshold === null ? "" : String(wallet.lowBalanceThreshold),
      autoRechargeEnabled: wallet.autoRechargeEnabled,
      autoRechargePackageId: wallet.autoRechargePackageId ?? "",
    },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(values: WalletSettingsInput) {
    setSaved(false);
    setConflict(false);
    try {
      const { updateWalletSettings: payload } = await update.mutateAsync({
        input: {
          version: version.current,
          lowBalanceThreshold: values.lowBalanceThreshold === "" ? null : Number(values.lowBalanceThreshold),
          autoRechargeEnabled: values.autoRechargeEnabled,
          autoRechargePackageId: values.autoRechargePackageId || null,
        },
      });
      if (payload.userErrors.length > 0) {
        // A stale version is not a field's fault: the form offers to reload instead.
        setConflict(payload.userErrors.some((error) => error.code === "CONFLICT"));
        applyUserErrors(
          payload.userErrors.filter((error) => error.code !== "CONFLICT"),
          ["lowBalanceThreshold", "autoRechargeEnabled", "autoRechargePackageId"],
          form.setError,
        );
        return;
      }
      if (payload.wallet) version.current = payload.wallet.version;
      setSaved(true);
      form.reset(values);
      await refresh(["Wallet"]);
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label="Wallet settings"
      className="space-y-4 p-4"
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <FormTextField
          form={form}
          name="lowBalanceThreshold"
          id="wallet-threshold"
          label="Low-balance threshold (tokens)"
          hint="Below it the console warns. Leave empty for no warning."
          inputMode="numeric"
          autoComplete="off"
        />
        <FormSelectField
          form={form}
          name="autoRechargePackageId"
          id="wallet-recharge-package"
          label="Package to buy on auto-recharge"
          hint="Used while auto-recharge is on."
        >
          <option value="">{packages.isPending ? "Loading packages…" : "Choose a package"}</option>
          {(packages.data?.tokenPackages ?? []).map((offer) => (
            <option key={offer.id} value={offer.id}>
              {offer.name}
            </option>
          ))}
        </FormSelectField>
      </div>
      <label className="flex items-center gap-2 text-sm text-zinc-800">
        <input
          type="checkbox"
          className="size-4 rounded border-zinc-300 accent-accent-600"
          {...form.register("autoRechargeEnabled")}
        />
        Buy the package automatically when the balance falls below the threshold
      </label>
      <FieldError message={errors.root?.server?.message} />
      {conflict ? (
        <ConflictNotice onReload={onReload} reloadLabel="Reload settings">
          Someone else changed these settings. Reload them, then make your change again.
        </ConflictNotice>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save settings"}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Settings saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}
