// The card every step is drawn as: icon, kind and name, one line of what it does, its live
// numbers once the journey runs, its problems (red outline and the messages), and its handles:
// one way in on top, its ways out along the bottom, each labelled (Yes / No, a split's branches).
"use client";

import { Handle, Position } from "@xyflow/react";
import type { ReactNode } from "react";
import { type NodeStats, useBuilder } from "./builder-context";
import type { JourneyNode } from "./journey-definition";
import { hasInput, nodeSummary, nodeTitle, type OutputHandle, outputHandles } from "./node-catalog";
import { KIND_TONES, StepIcon } from "./step-icon";

const STAT_LABELS: { key: keyof Omit<NodeStats, "nodeId">; label: string }[] = [
  { key: "entered", label: "Entered" },
  { key: "waiting", label: "Waiting" },
  { key: "completed", label: "Done" },
  { key: "errored", label: "Errors" },
  { key: "converted", label: "Converted" },
];

const HANDLE_TONES: Record<OutputHandle["tone"], string> = {
  neutral: "text-zinc-500",
  yes: "text-emerald-700",
  no: "text-red-700",
};

const NUMBER = new Intl.NumberFormat("en-GB");

/** Where the i-th of n handles sits along the bottom edge, in percent. */
const handleLeft = (index: number, count: number) => `${((index + 1) / (count + 1)) * 100}%`;

export function StepCard({
  id,
  step,
  selected,
  children,
}: {
  id: string;
  step: JourneyNode;
  selected: boolean;
  children?: ReactNode;
}) {
  const { stats, showStats, problems, readOnly, onShowContacts } = useBuilder();
  const own = problems.get(id) ?? [];
  const outputs = outputHandles(step);
  const title = nodeTitle(step);
  const name = step.label.trim() || title;
  const numbers = stats.get(id);
  // Problems the draft may have fixed since the last save show amber until the next save says.
  const current = own.filter((problem) => !problem.stale);
  const ring =
    current.length > 0
      ? "ring-2 ring-red-500"
      : own.length > 0
        ? "ring-2 ring-amber-400"
        : selected
          ? "ring-2 ring-accent-600"
          : "ring-1 ring-zinc-200";

  return (
    <div
      className={`relative w-[280px] rounded-xl bg-white text-left shadow-sm transition-shadow hover:shadow-md ${ring}`}
      data-invalid={current.length > 0 || undefined}
    >
      <span
        aria-hidden="true"
        className={`absolute inset-x-0 top-0 h-1 rounded-t-xl ${KIND_TONES[step.kind].bar}`}
      />
      {hasInput(step) ? (
        <Handle type="target" position={Position.Top} isConnectable={!readOnly} aria-label={`Into ${name}`} />
      ) : null}
      <div className="flex items-start gap-2.5 px-3 pt-3.5 pb-2.5">
        <StepIcon step={step} />
        <div className="min-w-0 flex-1">
          <p className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">{title}</p>
          <p className="truncate text-sm font-semibold text-zinc-900" data-testid="step-name">
            {name}
          </p>
          <p className="mt-0.5 line-clamp-2 text-xs text-zinc-600">{nodeSummary(step)}</p>
        </div>
      </div>
      {children}
      {showStats ? (
        <StepNumbers
          name={name}
          numbers={numbers}
          onShow={onShowContacts ? () => onShowContacts(id) : undefined}
        />
      ) : null}
      {own.length > 0 ? (
        <ul className="border-t border-zinc-100 text-xs" data-testid="step-problems">
          {own.map((problem) => (
            <li
              key={`${problem.code}:${problem.message}`}
              className={`px-3 py-1.5 ${problem.stale ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800"}`}
            >
              {problem.message}
              {problem.stale ? <span className="text-amber-700"> (at the last save)</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {outputs.length > 1 || (outputs[0] && outputs[0].id !== null) ? (
        <div className="relative h-6 border-t border-zinc-100" aria-hidden="true">
          {outputs.map((output, index) => (
            <span
              key={output.id ?? "next"}
              style={{ left: handleLeft(index, outputs.length) }}
              className={`absolute top-1 -translate-x-1/2 text-[10px] font-semibold whitespace-nowrap ${HANDLE_TONES[output.tone]}`}
            >
              {output.label}
            </span>
          ))}
        </div>
      ) : null}
      {outputs.map((output, index) => (
        <Handle
          key={output.id ?? "next"}
          type="source"
          position={Position.Bottom}
          id={output.id ?? undefined}
          isConnectable={!readOnly}
          style={{ left: handleLeft(index, outputs.length) }}
          className={`journey-handle journey-handle-${output.tone}`}
          aria-label={output.id ? `${name}: ${output.label}` : `Out of ${name}`}
          data-handle={output.id ?? "next"}
        />
      ))}
    </div>
  );
}

function StepNumbers({
  name,
  numbers,
  onShow,
}: {
  name: string;
  numbers: NodeStats | undefined;
  onShow: (() => void) | undefined;
}) {
  // Spans, not a <dl>: the numbers sit inside a button, which may only hold phrasing content.
  const list = (
    <span className="grid grid-cols-5 gap-1 text-center">
      {STAT_LABELS.map(({ key, label }) => (
        <span key={key} className="block">
          <span className="block text-[9px] font-medium text-zinc-500 uppercase">{label}</span>
          <span
            className={`block text-sm font-semibold tabular-nums ${key === "errored" && (numbers?.errored ?? 0) > 0 ? "text-red-700" : "text-zinc-900"}`}
            data-testid={`stat-${key}`}
          >
            {NUMBER.format(numbers?.[key] ?? 0)}
          </span>
        </span>
      ))}
    </span>
  );
  return (
    <div className="border-t border-zinc-100 bg-zinc-50/70 px-2 py-1.5" data-testid="step-stats">
      {onShow ? (
        <button
          type="button"
          onClick={(event) => {
            event.stopPropagation();
            onShow();
          }}
          className="nodrag nopan w-full rounded-md hover:bg-white focus-visible:bg-white"
          aria-label={`Contacts at ${name}: entered ${numbers?.entered ?? 0}, waiting ${numbers?.waiting ?? 0}, done ${numbers?.completed ?? 0}, errors ${numbers?.errored ?? 0}, converted ${numbers?.converted ?? 0}. List the contacts here.`}
        >
          {list}
        </button>
      ) : (
        list
      )}
    </div>
  );
}
