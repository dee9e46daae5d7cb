"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime, formatTokens } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import {
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
  useRefreshAccountQueries,
} from "@/lib/graphql/use-graphql";
import { SegmentEditor } from "../segment-editor";
import { canEditSegments, KIND_LABELS, type SegmentDetail } from "../segment-model";
import { segmentsPath } from "../segment-paths";
import {
  DeleteSegmentMutation,
  RefreshSegmentMutation,
  SEGMENT_QUERIES,
  SegmentDetailQuery,
} from "../segments-operations";
import { SegmentMembers } from "./segment-members";

export function SegmentDetailView({ segmentId }: { segmentId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(SegmentDetailQuery, { id: segmentId });
  const segment = query.data?.segment ?? null;

  return (
    <>
      <Link href={segmentsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All segments
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading segment…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !segment ? (
        <Panel>
          <EmptyState title="Segment not found">It does not exist or belongs to another account.</EmptyState>
        </Panel>
      ) : (
        <SegmentPage segment={segment} reload={() => query.refetch()} />
      )}
    </>
  );
}

function SegmentPage({ segment, reload }: { segment: SegmentDetail; reload: () => Promise<unknown> }) {
  const { account } = useConsole();
  const canEdit = canEditSegments(account?.viewerRole);
  // Remounting the editor loads the segment's current conditions and version into it.
  const [editorLoad, setEditorLoad] = useState(0);

  async function reloadEditor() {
    await reload();
    setEditorLoad((n) => n + 1);
  }

  return (
    <>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold text-zinc-900">{segment.name}</h1>
            <Badge tone={segment.kind === "DYNAMIC" ? "accent" : "neutral"}>
              {KIND_LABELS[segment.kind]}
            </Badge>
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            <span data-testid="segment-member-count" className="font-medium text-zinc-800">
              {formatTokens(segment.memberCount)} {segment.memberCount === 1 ? "member" : "members"}
            </span>
            {" · "}
            {segment.lastCalculatedAt
              ? `calculated ${formatDateTime(segment.lastCalculatedAt)}`
              : "not calculated yet"}
            {" · "}version {segment.version}
          </p>
        </div>
        {canEdit ? <SegmentActions segment={segment} /> : null}
      </div>
      {canEdit ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read this segment; owners, admins and members change it.
        </p>
      )}
      <Panel title={segment.kind === "DYNAMIC" ? "Conditions" : "Segment"}>
        <SegmentEditor key={editorLoad} segment={segment} canEdit={canEdit} onReload={reloadEditor} />
      </Panel>
      <SegmentMembers segment={segment} canEdit={canEdit} />
    </>
  );
}

/** Recalculate the members now (dynamic segments), or delete the segment. */
function SegmentActions({ segment }: { segment: SegmentDetail }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const recalculate = useAccountMutation(RefreshSegmentMutation);
  const remove = useAccountMutation(DeleteSegmentMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  async function refreshMembers() {
    setError(null);
    setStatus(null);
    try {
      const { refreshSegment: payload } = await recalculate.mutateAsync({ input: { id: segment.id } });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
      else if (payload.segment)
        setStatus(`Recalculated: ${formatTokens(payload.segment.memberCount)} members.`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not recalculate the segment.");
    }
    await refresh(SEGMENT_QUERIES);
  }

  async function deleteSegment() {
    setError(null);
    try {
      const { deleteSegment: payload } = await remove.mutateAsync({
        input: { id: segment.id, version: segment.version },
      });
      if (payload.userErrors[0]) {
        setError(payload.userErrors[0].message);
        await refresh(SEGMENT_QUERIES);
        return;
      }
      await refresh(SEGMENT_QUERIES);
      router.push(segmentsPath(accountSlug));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not delete the segment.");
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        {segment.kind === "DYNAMIC" ? (
          <Button variant="secondary" size="sm" onClick={refreshMembers} disabled={recalculate.isPending}>
            {recalculate.isPending ? "Recalculating…" : "Recalculate members"}
          </Button>
        ) : null}
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete ${segment.name}`}
          title="Delete this segment?"
          description="Journeys and other segments that use it stop matching anyone through it."
          confirmLabel="Delete segment"
          onConfirm={deleteSegment}
        />
      </div>
      {status ? (
        <p role="status" className="text-sm text-zinc-600">
          {status}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
