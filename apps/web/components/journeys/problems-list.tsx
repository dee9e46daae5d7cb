// What stands between the draft and publishing, as the API listed it: each problem names its step
// (pressing it selects the step and brings it into view); problems of the journey as a whole
// (no trigger, settings) name none.
"use client";

import { useState } from "react";
import type { JourneyProblem } from "./builder-context";

export function ProblemsList({
  problems,
  stepName,
  onSelect,
}: {
  problems: readonly JourneyProblem[];
  stepName: (nodeId: string) => string | null;
  onSelect: (nodeId: string) => void;
}) {
  const [open, setOpen] = useState(true);
  if (problems.length === 0) return null;
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const stale = problems.some((problem) => problem.stale);

  return (
    <section aria-label="Problems" className="border-b border-red-200 bg-red-50 text-sm text-red-900">
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        aria-controls="journey-problems"
        className="flex w-full items-center justify-between px-4 py-2 text-left font-medium hover:bg-red-100/60"
      >
        <span>
          {count} to fix before publishing
          {stale ? (
            <span className="font-normal text-red-800">
              {" "}
              · some found at the last save: save (Ctrl/⌘+S) to check again
            </span>
          ) : null}
        </span>
        <span aria-hidden="true" className="text-xs">
          {open ? "Hide" : "Show"}
        </span>
      </button>
      {open ? (
        <ul id="journey-problems" className="max-h-36 space-y-0.5 overflow-y-auto px-4 pb-2">
          {problems.map((problem, index) => {
            const name = problem.nodeId ? stepName(problem.nodeId) : null;
            const key = `${problem.nodeId ?? ""}:${problem.code}:${index}`;
            return (
              <li key={key}>
                {problem.nodeId && name ? (
                  <button
                    type="button"
                    onClick={() => problem.nodeId && onSelect(problem.nodeId)}
                    className="text-left underline decoration-red-300 underline-offset-2 hover:decoration-red-700"
                  >
                    <span className="font-semibold">{name}:</span> {problem.message}
                  </button>
                ) : (
                  <span>
                    {problem.nodeId ? <span className="font-semibold">{problem.nodeId}: </span> : null}
                    {problem.message}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
