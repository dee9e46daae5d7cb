"use client";

import { keepPreviousData } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { TimeZoneSelect } from "@/components/campaigns/time-zone-select";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { requestIn } from "./account-scoped";
import type { PostMove } from "./calendar-board";
import { type CalendarFilter, CalendarFilters, NO_FILTER, type ShownAccount } from "./calendar-filters";
import {
  type CalendarPost,
  canReadCalendar,
  canSchedule,
  isPublishing,
  PUBLISHING_POLL_MS,
} from "./calendar-model";
import {
  CALENDAR_QUERIES,
  CalendarAccountQuery,
  CalendarPostsQuery,
  CalendarSubAccountsQuery,
  ReschedulePostMutation,
} from "./calendar-operations";
import { ChannelLegend } from "./channel-legend";
import { PostPanel } from "./post-panel";
import { type NewPostSlot, SchedulePostDialog } from "./schedule-post-dialog";

// FullCalendar measures the page it draws on: it runs in the browser only.
const CalendarBoard = dynamic(() => import("./calendar-board"), {
  ssr: false,
  loading: () => <LoadingState label="Loading the calendar…" />,
});

export function CalendarView() {
  const { account: current } = useConsole();
  const account = useAccountQuery(CalendarAccountQuery, {}, { staleTime: 5 * 60_000 });

  if (current && !canReadCalendar(current.viewerRole)) {
    return (
      <>
        <PageHeader title="Calendar" />
        <Panel>
          <EmptyState title="The calendar is for the people who plan content">
            Billing members see the wallet and invoices only.
          </EmptyState>
        </Panel>
      </>
    );
  }
  if (account.isPending) return <LoadingState label="Loading the calendar…" />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => account.refetch()} />;
  const role = current?.viewerRole;
  return (
    <CalendarPage
      account={account.data.account}
      canEdit={canSchedule(role)}
      // The API lets an agency's owners and admins read its clients' calendars (accountIds).
      canSeeClients={account.data.account.kind === "AGENCY" && (role === "OWNER" || role === "ADMIN")}
    />
  );
}

type Account = { id: string; name: string; slug: string; kind: string; timeZone: string };

function CalendarPage({
  account,
  canEdit,
  canSeeClients,
}: {
  account: Account;
  canEdit: boolean;
  canSeeClients: boolean;
}) {
  const [zone, setZone] = useState(account.timeZone);
  const [filter, setFilter] = useState<CalendarFilter>(NO_FILTER);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [slot, setSlot] = useState<NewPostSlot | null>(null);
  const [openPost, setOpenPost] = useState<CalendarPost | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const refresh = useRefreshAccountQueries();

  const subAccounts = useAccountQuery(
    CalendarSubAccountsQuery,
    {},
    { enabled: canSeeClients, staleTime: 60_000 },
  );
  const self: ShownAccount = { id: account.id, name: account.name, slug: account.slug };
  const accountOptions: ShownAccount[] = canSeeClients
    ? [self, ...(subAccounts.data?.subAccounts.nodes ?? [])]
    : [];
  const shownAccounts =
    filter.accountIds.length > 0
      ? accountOptions.filter((option) => filter.accountIds.includes(option.id))
      : [self];
  const showAccount = shownAccounts.length > 1 || shownAccounts[0]?.id !== account.id;

  const posts = useAccountQuery(
    CalendarPostsQuery,
    {
      from: range?.from ?? "",
      to: range?.to ?? "",
      channels: filter.channels.length > 0 ? filter.channels : null,
      statuses: filter.statuses.length > 0 ? filter.statuses : null,
      campaignIds: filter.campaignIds.length > 0 ? filter.campaignIds : null,
      accountIds: filter.accountIds.length > 0 ? filter.accountIds : null,
    },
    {
      enabled: range !== null,
      placeholderData: keepPreviousData,
      refetchInterval: (query) =>
        (query.state.data?.calendar ?? []).some((post) => isPublishing(post)) ? PUBLISHING_POLL_MS : false,
    },
  );
  const list = posts.data?.calendar ?? [];

  async function reload() {
    await refresh(CALENDAR_QUERIES);
  }

  async function movePost(post: CalendarPost, move: PostMove): Promise<boolean> {
    setMoveError(null);
    try {
      const { reschedulePost: payload } = await requestIn(post.account.slug, ReschedulePostMutation, {
        input: { id: post.id, version: post.version, ...move },
      });
      const [first] = payload.userErrors;
      if (first) {
        setMoveError(
          first.code === "CONFLICT"
            ? "This post changed in the meantime: the calendar shows it as it is now."
            : first.message,
        );
        await reload();
        return false;
      }
      await reload();
      return true;
    } catch (error) {
      setMoveError(error instanceof Error ? error.message : "Could not move the post.");
      return false;
    }
  }

  return (
    <>
      <PageHeader
        title="Calendar"
        description={
          canEdit
            ? "Click a day to schedule a post; drag a post to another day to move it (its time of day stays)."
            : "Scheduled and published posts. Viewers can look but not change them."
        }
      >
        <div className="w-72 space-y-1.5">
          <label htmlFor="calendar-zone" className="block text-sm font-medium text-zinc-800">
            Time zone
          </label>
          <TimeZoneSelect
            id="calendar-zone"
            value={zone}
            current={zone}
            onChange={(event) => setZone(event.target.value)}
          />
        </div>
      </PageHeader>
      <Panel>
        <CalendarFilters
          filter={filter}
          onChange={setFilter}
          accountOptions={accountOptions}
          shownAccounts={shownAccounts}
        />
        <ChannelLegend />
        {moveError ? (
          <div
            role="alert"
            className="mx-4 mt-3 flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            <span>The post was not moved: {moveError}</span>
            <button type="button" className="text-red-700 hover:underline" onClick={() => setMoveError(null)}>
              Dismiss
            </button>
          </div>
        ) : null}
        {posts.isError ? <ErrorState error={posts.error} onRetry={() => posts.refetch()} /> : null}
        <div aria-busy={posts.isFetching} className="relative">
          <CalendarBoard
            zone={zone}
            posts={list}
            canEdit={canEdit}
            showAccount={showAccount}
            onRangeChange={setRange}
            onCreateAt={setSlot}
            onOpenPost={setOpenPost}
            onMovePost={movePost}
          />
        </div>
      </Panel>
      {canEdit ? (
        <SchedulePostDialog
          slot={slot}
          zone={zone}
          accounts={shownAccounts}
          onClose={() => setSlot(null)}
          onScheduled={reload}
        />
      ) : null}
      <PostPanel
        post={openPost}
        zone={zone}
        canEdit={canEdit}
        showAccount={showAccount}
        onClose={() => setOpenPost(null)}
        onChanged={reload}
      />
    </>
  );
}
