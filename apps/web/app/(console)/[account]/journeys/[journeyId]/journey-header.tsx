"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import {
  type JourneyDetail,
  type JourneyLiveStats,
  type LifecycleMove,
  lifecycleMoves,
} from "../journey-model";
import { JourneyStatusBadge } from "../journey-status-badge";

const COUNT = new Intl.NumberFormat("en-GB");

type JourneyHeaderProps = {
  journey: JourneyDetail;
  live: JourneyLiveStats | undefined;
  canEdit: boolean;
  dirty: boolean;
  busy: string | null;
  onSave: () => void;
  onPublish: () => void;
  onMove: (to: LifecycleMove) => void;
  enrol: ReactNode;
};

/** The journey's name and status, its totals, and what can be done with it now. */
export function JourneyHeader({
  journey,
  live,
  canEdit,
  dirty,
  busy,
  onSave,
  onPublish,
  onMove,
  enrol,
}: JourneyHeaderProps) {
  const status = live?.status ?? journey.status;
  const moves = canEdit ? lifecycleMoves(status, journey.publishedVersion !== null) : [];
  const archived = status === "ARCHIVED";
  const stats = live?.stats;

  return (
    <div className="mt-2 mb-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="truncate text-xl font-semibold text-zinc-900">{journey.name}</h1>
            <span data-testid="journey-status">
              <JourneyStatusBadge status={status} />
            </span>
            {journey.publishedVersion ? (
              <span className="text-xs text-zinc-500" data-testid="journey-published-version">
                Version {journey.publishedVersion} {status === "ACTIVE" ? "live" : "published"}
              </span>
            ) : (
              <span className="text-xs text-zinc-500">Not published yet</span>
            )}
          </div>
        </div>
        {canEdit && !archived ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={onSave}
              disabled={busy !== null || !dirty}
              title="Save the draft (Ctrl/⌘+S)"
            >
              {busy === "save" ? "Saving…" : "Save draft"}
            </Button>
            <Button size="sm" onClick={onPublish} disabled={busy !== null}>
              {busy === "publish" ? "Publishing…" : "Publish"}
            </Button>
            {moves.includes("activate") ? (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => onMove("activate")}
                disabled={busy !== null}
              >
                {busy === "activate" ? "Activating…" : "Activate"}
              </Button>
            ) : null}
            {moves.includes("pause") ? (
              <Button size="sm" variant="secondary" onClick={() => onMove("pause")} disabled={busy !== null}>
                {busy === "pause" ? "Pausing…" : "Pause"}
              </Button>
            ) : null}
            {moves.includes("resume") ? (
              <Button size="sm" variant="secondary" onClick={() => onMove("resume")} disabled={busy !== null}>
                {busy === "resume" ? "Resuming…" : "Resume"}
              </Button>
            ) : null}
            {enrol}
            {moves.includes("archive") ? (
              <ConfirmButton
                label="Archive"
                ariaLabel={`Archive ${journey.name}`}
                title="Archive this journey?"
                description="Nobody enters it any more and contacts still in it leave it. An archived journey cannot be activated again."
                confirmLabel="Archive"
                disabled={busy !== null}
                onConfirm={() => onMove("archive")}
              />
            ) : null}
          </div>
        ) : null}
      </div>
      <div className="mt-1 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 text-sm">
        <p className="text-zinc-500">
          {journey.campaign ? `${journey.campaign.name} · ` : ""}
          Last changed {formatDateTime(journey.updatedAt)}
          {canEdit && !archived ? (
            <span role="status" className={dirty ? "ml-2 font-medium text-amber-700" : "ml-2 text-zinc-400"}>
              {dirty ? "Unsaved changes" : "All changes saved"}
            </span>
          ) : null}
        </p>
        {stats ? (
          <dl className="flex flex-wrap gap-x-5 gap-y-1" aria-label="Journey totals">
            {(
              [
                ["entered", "Entered", stats.entered],
                ["in-journey", "In the journey", stats.active + stats.waiting],
                ["completed", "Completed", stats.completed],
                ["converted", "Converted", stats.converted],
                ["exited", "Exited early", stats.exited],
                ["failed", "Failed", stats.failed],
              ] as const
            ).map(([key, label, value]) => (
              <div key={key} className="flex items-baseline gap-1.5">
                <dt className="text-zinc-500">{label}</dt>
                <dd className="font-semibold text-zinc-900 tabular-nums" data-testid={`total-${key}`}>
                  {COUNT.format(value)}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
      </div>
    </div>
  );
}
