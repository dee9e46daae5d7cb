"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { type ContentItem, isEditable, STATUS_LABELS } from "./content-model";
import { CONTENT_QUERIES, RestoreContentVersionMutation } from "./content-operations";

/**
 * Every version, newest first (edits and status changes alike), each readable in full; an earlier
 * version's text can be made current again, as a new version.
 */
export function VersionHistory({
  item,
  canEdit,
  onRestored,
}: {
  item: ContentItem;
  canEdit: boolean;
  onRestored: () => Promise<void>;
}) {
  const restore = useAccountMutation(RestoreContentVersionMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);
  const { nodes, totalCount } = item.versions;
  const canRestore = canEdit && isEditable(item.status);

  async function restoreVersion(restoreVersion: number) {
    setError(null);
    try {
      const { restoreContentVersion: payload } = await restore.mutateAsync({
        input: { id: item.id, version: item.version, restoreVersion },
      });
      const [first] = payload.userErrors;
      if (first) {
        setError(
          first.code === "CONFLICT"
            ? "Someone else changed this content meanwhile (conflict). It now shows its current state: check it and try again."
            : first.message,
        );
        await refresh(CONTENT_QUERIES);
        return;
      }
      await refresh(CONTENT_QUERIES);
      await onRestored();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not restore the version.");
    }
  }

  return (
    <div className="p-4">
      <FieldError message={error ?? undefined} />
      <ol aria-label="Versions" className="divide-y divide-zinc-100">
        {nodes.map((entry) => (
          <li key={entry.version} aria-label={`Version ${entry.version}`} className="space-y-2 py-3">
            <div className="flex flex-wrap items-center justify-between gap-3">
              <div className="space-y-0.5">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-zinc-900">
                  Version {entry.version}
                  {entry.version === item.version ? <Badge tone="success">Current</Badge> : null}
                  <Badge>{STATUS_LABELS[entry.status]}</Badge>
                </p>
                <p className="text-xs text-zinc-500">
                  {entry.createdBy?.name ?? "System"} · {formatDateTime(entry.createdAt)}
                </p>
              </div>
              {canRestore && entry.version !== item.version ? (
                <ConfirmButton
                  label="Restore"
                  ariaLabel={`Restore version ${entry.version}`}
                  title={`Restore version ${entry.version}?`}
                  description={`Its title, subject and text become current again, saved as a new version; unsaved edits in the editor are replaced. The history keeps every version.${item.status === "DRAFT" ? "" : " Like any edit of the text, it sends the item back to draft."}`}
                  confirmLabel="Restore"
                  onConfirm={() => restoreVersion(entry.version)}
                />
              ) : null}
            </div>
            <details className="text-sm">
              <summary className="cursor-pointer text-xs font-medium text-accent-700">
                Show this version
              </summary>
              <div className="mt-2 space-y-1 rounded-md bg-zinc-50 p-3">
                <p className="font-medium text-zinc-900">{entry.title}</p>
                {entry.subject ? <p className="text-zinc-600">Subject: {entry.subject}</p> : null}
                <p className="break-words whitespace-pre-wrap text-zinc-800">{entry.body}</p>
              </div>
            </details>
          </li>
        ))}
      </ol>
      {totalCount > nodes.length ? (
        <p className="pt-2 text-xs text-zinc-500">
          Showing the latest {nodes.length} of {totalCount} versions.
        </p>
      ) : null}
    </div>
  );
}
