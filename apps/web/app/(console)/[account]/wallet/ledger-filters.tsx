"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import {
  TRANSACTION_TYPE_LABELS,
  TRANSACTION_TYPES,
  type TransactionType,
} from "@/lib/billing/transaction-types";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { ServicePricingQuery } from "./wallet-operations";

export type LedgerFilterValues = {
  types: TransactionType[];
  serviceCode: string;
  from: string;
  to: string;
};

export const NO_LEDGER_FILTER: LedgerFilterValues = { types: [], serviceCode: "", from: "", to: "" };

/** The GraphQL TokenTransactionFilter; dates cover whole days in the browser's time zone (`to` is exclusive). */
export function toTransactionFilter(values: LedgerFilterValues) {
  const nextDay = (day: string) => {
    const date = new Date(`${day}T00:00:00`);
    date.setDate(date.getDate() + 1);
    return date.toISOString();
  };
  return {
    types: values.types.length > 0 ? values.types : null,
    serviceCode: values.serviceCode || null,
    from: values.from ? new Date(`${values.from}T00:00:00`).toISOString() : null,
    to: values.to ? nextDay(values.to) : null,
  };
}

export function LedgerFilters({ onApply }: { onApply: (values: LedgerFilterValues) => void }) {
  const [draft, setDraft] = useState<LedgerFilterValues>(NO_LEDGER_FILTER);
  const services = useAccountQuery(ServicePricingQuery, {}, { staleTime: 5 * 60_000 });
  const set = (key: "serviceCode" | "from" | "to") => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));
  const toggleType = (type: TransactionType, checked: boolean) =>
    setDraft((current) => ({
      ...current,
      types: checked ? [...current.types, type] : current.types.filter((chosen) => chosen !== type),
    }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }

  function clear() {
    setDraft(NO_LEDGER_FILTER);
    onApply(NO_LEDGER_FILTER);
  }

  return (
    <form onSubmit={submit} aria-label="Filter ledger" className="space-y-4 border-b border-zinc-200 p-4">
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Types (none chosen: all)</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {TRANSACTION_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-zinc-700">
              <input
                type="checkbox"
                className="size-4 rounded border-zinc-300 accent-accent-600"
                checked={draft.types.includes(type)}
                onChange={(event) => toggleType(type, event.target.checked)}
              />
              {TRANSACTION_TYPE_LABELS[type]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField id="ledger-service" label="Service">
          <SelectInput id="ledger-service" value={draft.serviceCode} onChange={set("serviceCode")}>
            <option value="">Any service</option>
            {(services.data?.servicePricing ?? []).map((service) => (
              <option key={service.id} value={service.serviceCode}>
                {service.name} ({service.serviceCode})
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField id="ledger-from" label="From">
          <TextInput id="ledger-from" type="date" value={draft.from} onChange={set("from")} />
        </FormField>
        <FormField id="ledger-to" label="To">
          <TextInput
            id="ledger-to"
            type="date"
            value={draft.to}
            min={draft.from || undefined}
            onChange={set("to")}
          />
        </FormField>
        <div className="flex items-end gap-2">
          <Button type="submit">Apply</Button>
          <Button variant="ghost" onClick={clear}>
            Clear
          </Button>
        </div>
      </div>
    </form>
  );
}
