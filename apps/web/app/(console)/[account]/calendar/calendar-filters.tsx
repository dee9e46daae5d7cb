"use client";

import { useQueries } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { operationName } from "@/lib/graphql/operation-name";
import { accountQueryKey } from "@/lib/graphql/use-graphql";
import { requestIn } from "./account-scoped";
import {
  CHANNELS,
  POST_CHANNELS,
  POST_STATUSES,
  type PostChannel,
  type PostStatus,
  STATUS_LABELS,
} from "./calendar-model";
import { CalendarCampaignsQuery } from "./calendar-operations";
import { MultiSelect } from "./multi-select";

export type CalendarFilter = {
  channels: PostChannel[];
  statuses: PostStatus[];
  campaignIds: string[];
  /** The accounts whose posts show (an agency and its clients); empty: the current account only. */
  accountIds: string[];
};

export const NO_FILTER: CalendarFilter = { channels: [], statuses: [], campaignIds: [], accountIds: [] };

export type ShownAccount = { id: string; name: string; slug: string };

/** Channel, status, campaign and — for an agency — account filters; every change applies at once. */
export function CalendarFilters({
  filter,
  onChange,
  accountOptions,
  shownAccounts,
}: {
  filter: CalendarFilter;
  onChange: (filter: CalendarFilter) => void;
  /** The agency and its sub-accounts; empty for a business account (no account filter). */
  accountOptions: readonly ShownAccount[];
  /** The accounts on the calendar now: their campaigns are offered. */
  shownAccounts: readonly ShownAccount[];
}) {
  const campaigns = useQueries({
    queries: shownAccounts.map((account) => ({
      queryKey: accountQueryKey(account.slug, operationName(CalendarCampaignsQuery), {}),
      queryFn: () => requestIn(account.slug, CalendarCampaignsQuery, {}),
      staleTime: 60_000,
    })),
  });
  const campaignOptions = campaigns.flatMap((result, index) => {
    const account = shownAccounts[index];
    return (result.data?.campaigns.nodes ?? []).map((campaign) => ({
      value: campaign.id,
      label: shownAccounts.length > 1 && account ? `${campaign.name} (${account.name})` : campaign.name,
    }));
  });
  const set =
    <K extends keyof CalendarFilter>(key: K) =>
    (value: CalendarFilter[K]) =>
      onChange({ ...filter, [key]: value });
  const filtered =
    filter.channels.length + filter.statuses.length + filter.campaignIds.length + filter.accountIds.length >
    0;

  return (
    <fieldset className="grid items-end gap-4 border-b border-zinc-200 p-4 sm:grid-cols-2 lg:grid-cols-5">
      <legend className="sr-only">Filter posts</legend>
      <MultiSelect
        label="Channels"
        emptyLabel="All channels"
        options={POST_CHANNELS.map((channel) => ({
          value: channel,
          label: CHANNELS[channel].label,
          color: CHANNELS[channel].color,
        }))}
        value={filter.channels}
        onChange={(value) => set("channels")(value as PostChannel[])}
      />
      <MultiSelect
        label="Statuses"
        emptyLabel="All statuses"
        options={POST_STATUSES.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
        value={filter.statuses}
        onChange={(value) => set("statuses")(value as PostStatus[])}
      />
      <MultiSelect
        label="Campaigns"
        emptyLabel="All campaigns"
        options={campaignOptions}
        value={filter.campaignIds}
        onChange={set("campaignIds")}
      />
      {accountOptions.length > 1 ? (
        <MultiSelect
          label="Accounts"
          emptyLabel={accountOptions[0]?.name ?? "This account"}
          options={accountOptions.map((account) => ({ value: account.id, label: account.name }))}
          value={filter.accountIds}
          onChange={set("accountIds")}
        />
      ) : null}
      <div>
        <Button variant="ghost" onClick={() => onChange(NO_FILTER)} disabled={!filtered}>
          Clear filters
        </Button>
      </div>
    </fieldset>
  );
}
