// The live count of the segment builder: the tree as it stands, once it has stopped changing for
// 400 ms, sent to segmentPreview; the previous answer stays on screen while the next one loads.
"use client";

import { keepPreviousData } from "@tanstack/react-query";
import { useMemo } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import {
  countRules,
  type GroupNode,
  problemsByNode,
  toConditions,
} from "@/components/segments/condition-tree";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { SegmentPreviewQuery } from "./segments-operations";

export const PREVIEW_DEBOUNCE_MS = 400;

/** `segmentId`: the segment being edited, whose tree may not refer to itself. */
export function useSegmentPreview(root: GroupNode, enabled: boolean, segmentId: string | null) {
  // Memoised on the tree, so the debounce restarts only when the tree itself changes.
  const serialized = useMemo(() => toConditions(root), [root]);
  const settled = useDebouncedValue(serialized, PREVIEW_DEBOUNCE_MS);
  const empty = countRules(root) === 0;
  // Mistakes the browser can see (a number that is not one) are shown at once, without a request.
  const askable = enabled && !empty && settled.localProblems.size === 0;
  const query = useAccountQuery(
    SegmentPreviewQuery,
    { conditions: settled.conditions, segmentId },
    { enabled: askable, placeholderData: keepPreviousData },
  );
  const preview = askable ? query.data?.segmentPreview : undefined;
  const server = useMemo(
    () => problemsByNode(preview?.problems ?? [], settled.paths),
    [preview?.problems, settled.paths],
  );
  const problems = useMemo(() => {
    const merged = new Map<string, string[]>();
    for (const [id, messages] of server.byNode) merged.set(id, [...messages]);
    for (const [id, message] of serialized.localProblems)
      merged.set(id, [...(merged.get(id) ?? []), message]);
    return merged;
  }, [server, serialized.localProblems]);

  return {
    serialized,
    empty,
    preview,
    problems,
    unplacedProblems: server.unplaced,
    /** The tree changed and its answer is not in yet. */
    updating: askable && (settled !== serialized || query.isFetching),
    error: askable && query.isError && !query.data ? query.error : null,
    retry: () => query.refetch(),
    hasLocalProblems: serialized.localProblems.size > 0,
  };
}
