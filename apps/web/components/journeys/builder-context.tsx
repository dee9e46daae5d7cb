// What the step cards show besides their definition: the live numbers per step, the validation
// problems naming them, and whether the canvas can be changed. Given by context rather than in
// each node's data, so polling the numbers does not touch the editor's state (or its undo history).
"use client";

import { createContext, type ReactNode, useContext } from "react";

export type NodeStats = {
  nodeId: string;
  entered: number;
  waiting: number;
  completed: number;
  errored: number;
  converted: number;
};

/** `stale`: found by the API at the last save, and the draft has changed since (it may be fixed). */
export type JourneyProblem = { nodeId: string | null; code: string; message: string; stale?: boolean };

type BuilderContextValue = {
  stats: ReadonlyMap<string, NodeStats>;
  /** Whether the journey has run (its numbers are worth showing on the cards). */
  showStats: boolean;
  problems: ReadonlyMap<string, readonly JourneyProblem[]>;
  readOnly: boolean;
  /** Opens the list of contacts at a step; absent where that list is not available. */
  onShowContacts?: (nodeId: string) => void;
};

const BuilderContext = createContext<BuilderContextValue>({
  stats: new Map(),
  showStats: false,
  problems: new Map(),
  readOnly: false,
});

export function BuilderProvider({ value, children }: { value: BuilderContextValue; children: ReactNode }) {
  return <BuilderContext value={value}>{children}</BuilderContext>;
}

export function useBuilder(): BuilderContextValue {
  return useContext(BuilderContext);
}

/** Problems grouped by the step they name; those naming no step are under "". */
export function problemsByNode(problems: readonly JourneyProblem[]): Map<string, JourneyProblem[]> {
  const grouped = new Map<string, JourneyProblem[]>();
  for (const problem of problems) {
    const key = problem.nodeId ?? "";
    grouped.set(key, [...(grouped.get(key) ?? []), problem]);
  }
  return grouped;
}
