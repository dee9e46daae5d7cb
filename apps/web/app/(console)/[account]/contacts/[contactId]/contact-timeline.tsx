"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { TIMELINE_KIND_LABELS, type TimelineEntry, type TimelineKind } from "../contact-model";
import { useContactTimeline } from "./use-contact-timeline";

const KIND_TONES = {
  EVENT: "neutral",
  JOURNEY: "accent",
  MESSAGE: "success",
  CONSENT: "warning",
} as const satisfies Record<TimelineKind, string>;

/** What happened to the contact, newest first: events, journeys, messages and consent changes. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const { pages, entries } = useContactTimeline(contactId);

  return (
    <Panel title="Timeline">
      {pages.isPending ? (
        <LoadingState label="Loading timeline…" />
      ) : !pages.data ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing has happened yet">
          Events, journeys, messages and consent changes show up here.
        </EmptyState>
      ) : (
        <>
          <ol aria-label="Timeline" className="divide-y divide-zinc-100">
            {keyed(entries).map(({ key, entry }) => (
              <li key={key} className="px-4 py-3 text-sm">
                <TimelineItem entry={entry} />
              </li>
            ))}
          </ol>
          <div className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
            <span>
              Showing {entries.length} {entries.length === 1 ? "entry" : "entries"}
            </span>
            {pages.hasNextPage ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => pages.fetchNextPage()}
                disabled={pages.isFetchingNextPage}
              >
                {pages.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            ) : null}
          </div>
          {pages.isFetchNextPageError ? <ErrorState error={pages.error} /> : null}
        </>
      )}
    </Panel>
  );
}

/**
 * Entries have no id of their own: time, kind and title identify one, and a repeat of all three
 * (two identical events in the same instant) gets a counter.
 */
function keyed(entries: readonly TimelineEntry[]) {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const base = `${entry.at}|${entry.kind}|${entry.title}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { key: `${base}|${count}`, entry };
  });
}

function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const details = detailLines(entry.detail);
  return (
    <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
      <time dateTime={entry.at} className="w-36 shrink-0 text-xs text-zinc-500 tabular-nums">
        {formatDateTime(entry.at)}
      </time>
      <Badge tone={KIND_TONES[entry.kind]}>{TIMELINE_KIND_LABELS[entry.kind]}</Badge>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-zinc-900">{entry.title}</p>
        {details.length > 0 ? (
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-xs text-zinc-600">
            {details.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="text-zinc-500">{key}</dt>
                <dd className="truncate">{value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </div>
  );
}

/** A detail object as "key: value" lines (nested values as compact JSON); at most eight. */
function detailLines(detail: unknown): [string, string][] {
  if (typeof detail !== "object" || detail === null || Array.isArray(detail)) return [];
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .slice(0, 8)
    .map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
}
