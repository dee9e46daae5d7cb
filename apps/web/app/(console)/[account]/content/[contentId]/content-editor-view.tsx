"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { ApprovalsTimeline } from "../approvals-timeline";
import { BrandCheckPanel } from "../brand-check-panel";
import { ContentStatusBadge } from "../content-badges";
import { ContentForm } from "../content-form";
import { type ContentItem, canWriteContent } from "../content-model";
import { ContentItemQuery } from "../content-operations";
import { contentPath } from "../content-paths";
import { ReviewActions } from "../review-actions";
import { VersionHistory } from "../version-history";

export function ContentEditorView({ contentId }: { contentId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(ContentItemQuery, { id: contentId });
  const item = query.data?.contentItem ?? null;

  return (
    <>
      <Link href={contentPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All content
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading content…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !item ? (
        <Panel>
          <EmptyState title="Content not found">It does not exist or belongs to another account.</EmptyState>
        </Panel>
      ) : (
        <ContentEditor item={item} refetch={async () => void (await query.refetch())} />
      )}
    </>
  );
}

function ContentEditor({ item, refetch }: { item: ContentItem; refetch: () => Promise<void> }) {
  const { account } = useConsole();
  const role = account?.viewerRole;
  const canWrite = canWriteContent(role);
  const [unsaved, setUnsaved] = useState(false);
  // Remounting the form loads the item's current values and version into it (after a CONFLICT
  // or a restored version).
  const [formLoad, setFormLoad] = useState(0);
  const reload = useCallback(async () => {
    await refetch();
    setFormLoad((n) => n + 1);
    setUnsaved(false);
  }, [refetch]);

  return (
    <>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-zinc-900">{item.title || "Untitled"}</h1>
            <span data-testid="content-status">
              <ContentStatusBadge status={item.status} />
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            Version {item.version}
            {item.updatedBy ? `, last changed by ${item.updatedBy.name}` : ""} ·{" "}
            {formatDateTime(item.updatedAt)}
          </p>
        </div>
        <ReviewActions item={item} role={role} unsaved={unsaved} />
      </div>
      <StatusNotice item={item} canWrite={canWrite} />
      <Panel title="Content">
        <ContentForm
          key={formLoad}
          item={item}
          canEdit={canWrite}
          onReload={reload}
          onDirtyChange={setUnsaved}
        />
      </Panel>
      <div className="grid gap-x-6 lg:grid-cols-2">
        <Panel title="Brand check">
          <BrandCheckPanel check={item.brandCheck ?? null} unsaved={unsaved} />
        </Panel>
        <Panel title="Reviews">
          <ApprovalsTimeline approvals={item.approvals} />
        </Panel>
      </div>
      <Panel title="History">
        <VersionHistory item={item} canEdit={canWrite} onRestored={reload} />
      </Panel>
    </>
  );
}

/** Why the editor is read-only, or what the status means for the next step. */
function StatusNotice({ item, canWrite }: { item: ContentItem; canWrite: boolean }) {
  const notice = !canWrite
    ? "You can read this content; owners, admins and members change it."
    : item.status === "ARCHIVED"
      ? "This content is archived: restore it (as a draft) to edit it."
      : item.status === "PUBLISHED"
        ? "Published content is a record of what went out and is not edited: write a new item instead."
        : item.status === "REVIEW"
          ? "Waiting for an owner or admin to approve or reject it."
          : item.status === "APPROVED"
            ? "Approved: ready to schedule on the calendar."
            : null;
  if (!notice) return null;
  return <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">{notice}</p>;
}
