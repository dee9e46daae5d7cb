"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { TimeZoneSelect } from "@/components/campaigns/time-zone-select";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { FormSelectField, FormTextAreaField, FormTextField } from "@/components/ui/form-bound-fields";
import { FieldError, FormField } from "@/components/ui/form-field";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import {
  BUDGET_CURRENCIES,
  CampaignFormInput,
  changedFields,
  emptyFormValues,
  formFieldOf,
  toCampaignFields,
  toFormValues,
} from "./campaign-form-values";
import { CAMPAIGN_TYPES, type CampaignDetail, TYPE_LABELS } from "./campaign-model";
import { campaignPath, campaignsPath } from "./campaign-paths";
import { CAMPAIGN_QUERIES, CreateCampaignMutation, UpdateCampaignMutation } from "./campaigns-operations";

type UserError = { field: string | null; code: string; message: string };

type CampaignFormProps =
  | { campaign?: undefined; defaultTimeZone: string; onReload?: undefined }
  | { campaign: CampaignDetail; defaultTimeZone?: undefined; onReload: () => void };

/**
 * Creates a campaign, or edits one. An edit sends only the changed fields with the version it was
 * loaded with: if someone else saved in between, the API answers CONFLICT and the form offers to
 * reload instead of overwriting their change.
 */
export function CampaignForm({ campaign, defaultTimeZone, onReload }: CampaignFormProps) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateCampaignMutation);
  const update = useAccountMutation(UpdateCampaignMutation);
  const refresh = useRefreshAccountQueries();
  const loaded = useRef(campaign ? toFormValues(campaign) : emptyFormValues(defaultTimeZone ?? "UTC"));
  const [status, setStatus] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<CampaignFormInput>({
    resolver: zodResolver(CampaignFormInput),
    defaultValues: loaded.current,
  });
  const { errors, isSubmitting } = form.formState;
  const currencies =
    campaign?.budgetCurrency && !BUDGET_CURRENCIES.includes(campaign.budgetCurrency)
      ? [campaign.budgetCurrency, ...BUDGET_CURRENCIES]
      : BUDGET_CURRENCIES;

  function showUserErrors(userErrors: readonly UserError[]) {
    for (const error of userErrors) {
      // A stale version is nobody's typo: the form offers to reload instead of naming a field.
      if (error.code === "CONFLICT" && error.field?.endsWith("version")) {
        setConflict(true);
        continue;
      }
      form.setError(formFieldOf(error.field) ?? "root.server", { type: error.code, message: error.message });
    }
  }

  async function submit(values: CampaignFormInput) {
    setStatus(null);
    setConflict(false);
    try {
      if (!campaign) {
        const { createCampaign: payload } = await create.mutateAsync({
          input: { fields: toCampaignFields(values) },
        });
        if (payload.userErrors.length > 0 || !payload.campaign) return showUserErrors(payload.userErrors);
        await refresh(CAMPAIGN_QUERIES);
        router.push(campaignPath(accountSlug, payload.campaign.id));
        return;
      }
      const changes = changedFields(loaded.current, values);
      if (Object.keys(changes).length === 0) {
        setStatus("Nothing changed.");
        return;
      }
      const { updateCampaign: payload } = await update.mutateAsync({
        input: { id: campaign.id, version: campaign.version, changes },
      });
      if (payload.userErrors.length > 0) return showUserErrors(payload.userErrors);
      await refresh(CAMPAIGN_QUERIES);
      router.push(campaignPath(accountSlug, campaign.id));
    } catch (error) {
      form.setError("root.server", { message: error instanceof Error ? error.message : "Could not save." });
    }
  }

  return (
    <form
      onSubmit={form.handleSubmit(submit)}
      noValidate
      aria-label={campaign ? "Edit campaign" : "New campaign"}
      className="space-y-5 p-4"
    >
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_14rem]">
        <FormTextField form={form} name="name" id="campaign-name" label="Name" autoComplete="off" />
        <FormSelectField form={form} name="type" id="campaign-type" label="Type">
          {CAMPAIGN_TYPES.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </FormSelectField>
      </div>
      <FormTextAreaField
        form={form}
        name="description"
        id="campaign-description"
        label="Description"
        rows={3}
      />
      <FormTextAreaField
        form={form}
        name="objectives"
        id="campaign-objectives"
        label="Objectives"
        hint="One per line, such as “200 sign-ups”."
        rows={3}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Budget (optional)</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormTextField
            form={form}
            name="budgetTokens"
            id="campaign-budget-tokens"
            label="Tokens"
            inputMode="numeric"
            autoComplete="off"
          />
          <FormTextField
            form={form}
            name="budgetAmount"
            id="campaign-budget-amount"
            label="Money"
            hint="In the currency's units, e.g. 1500.00."
            inputMode="decimal"
            autoComplete="off"
          />
          <FormSelectField form={form} name="budgetCurrency" id="campaign-budget-currency" label="Currency">
            <option value="">None</option>
            {currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </FormSelectField>
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">Dates (optional)</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormTextField
            form={form}
            name="startsAt"
            id="campaign-starts-at"
            label="Starts"
            type="datetime-local"
          />
          <FormTextField form={form} name="endsAt" id="campaign-ends-at" label="Ends" type="datetime-local" />
          <FormField
            id="campaign-time-zone"
            label="Time zone"
            hint="The dates are times on this zone's clock."
            error={errors.timeZone?.message}
          >
            <TimeZoneSelect
              id="campaign-time-zone"
              current={loaded.current.timeZone}
              invalid={!!errors.timeZone}
              {...form.register("timeZone")}
            />
          </FormField>
        </div>
      </fieldset>
      <FormTextField
        form={form}
        name="tags"
        id="campaign-tags"
        label="Tags"
        hint="Comma-separated."
        autoComplete="off"
      />
      <FieldError message={errors.root?.server?.message} />
      {conflict ? (
        <ConflictNotice onReload={onReload}>
          Someone else changed this campaign since you opened it. Reload it to see their change, then make
          yours again.
        </ConflictNotice>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : campaign ? "Save changes" : "Create campaign"}
        </Button>
        <Link
          href={campaign ? campaignPath(accountSlug, campaign.id) : campaignsPath(accountSlug)}
          className={buttonClasses("ghost")}
        >
          Cancel
        </Link>
        {status ? (
          <p role="status" className="text-sm text-zinc-600">
            {status}
          </p>
        ) : null}
      </div>
    </form>
  );
}
