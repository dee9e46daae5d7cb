// Published versions, read only: the picker in the canvas tool bar, and a version on the canvas
// with the journey's live numbers (node ids carry over between versions).
"use client";

import type { ReactNode } from "react";
import type { NodeStats } from "@/components/journeys/builder-context";
import { readDefinition } from "@/components/journeys/journey-definition";
import { JourneyWorkspace } from "@/components/journeys/journey-workspace";
import { snapshotOf, useJourneyEditor } from "@/components/journeys/use-journey-editor";
import { SelectInput } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import type { JourneyVersion } from "../journey-model";

/** "Showing: Draft / Version 3 (live) / Version 2…". */
export function VersionPicker({
  versions,
  published,
  value,
  onChange,
}: {
  versions: readonly JourneyVersion[];
  published: number | null;
  value: number | null;
  onChange: (value: number | null) => void;
}) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="journey-showing" className="text-xs font-medium text-zinc-600">
        Showing
      </label>
      <SelectInput
        id="journey-showing"
        className="w-auto py-1 text-xs"
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
      >
        <option value="">Draft (editable)</option>
        {versions.map((version) => (
          <option key={version.number} value={version.number}>
            Version {version.number}
            {version.number === published ? " (live)" : ""}, {formatDateTime(version.publishedAt)}
          </option>
        ))}
      </SelectInput>
    </div>
  );
}

export function VersionWorkspace({
  version,
  stats,
  showStats,
  onShowContacts,
  toolbarStart,
}: {
  version: JourneyVersion;
  stats: ReadonlyMap<string, NodeStats>;
  showStats: boolean;
  onShowContacts: (nodeId: string) => void;
  toolbarStart: ReactNode;
}) {
  const editor = useJourneyEditor(() => {
    const definition = readDefinition(version.definition);
    return snapshotOf(
      definition,
      definition.nodes.some((node) => node.position === undefined),
    );
  });
  return (
    <JourneyWorkspace
      editor={editor}
      readOnly
      problems={[]}
      stats={stats}
      showStats={showStats}
      onShowContacts={onShowContacts}
      toolbarStart={
        <div className="flex flex-wrap items-center gap-3">
          {toolbarStart}
          <span className="text-xs text-zinc-500">
            Published {formatDateTime(version.publishedAt)}
            {version.publishedBy ? ` by ${version.publishedBy.name}` : ""} · read only
          </span>
        </div>
      }
    />
  );
}
