// The steps one can add: drag one onto the canvas to place it, or press it (mouse or keyboard) to
// add it after the selected step (connected to its first free way out) or in the middle of the view.
"use client";

import type { DragEvent } from "react";
import { PALETTE, type PaletteEntry } from "./node-catalog";
import { StepIcon } from "./step-icon";

/** The drag payload type: the palette entry's key. */
export const PALETTE_DRAG_TYPE = "application/x-markettina-journey-step";

export function StepPalette({
  onAdd,
  disabled,
}: {
  onAdd: (entry: PaletteEntry) => void;
  disabled: boolean;
}) {
  function startDrag(event: DragEvent, entry: PaletteEntry) {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, entry.key);
    event.dataTransfer.effectAllowed = "copy";
  }

  return (
    <nav aria-label="Steps to add" className="flex w-44 shrink-0 flex-col border-r border-zinc-200 bg-white">
      <p className="border-b border-zinc-100 px-3 py-2 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
        Add a step
      </p>
      <ul className="flex-1 space-y-1 overflow-y-auto p-2">
        {PALETTE.map((entry) => (
          <li key={entry.key}>
            <button
              type="button"
              draggable={!disabled}
              disabled={disabled}
              onDragStart={(event) => startDrag(event, entry)}
              onClick={() => onAdd(entry)}
              title={entry.description}
              aria-describedby={`palette-${entry.key.replace(":", "-")}-hint`}
              data-palette={entry.key}
              className="flex w-full cursor-grab items-center gap-2 rounded-lg px-2 py-1.5 text-left text-sm text-zinc-800 ring-zinc-200 hover:bg-zinc-50 hover:ring-1 active:cursor-grabbing disabled:cursor-not-allowed disabled:opacity-50"
            >
              <StepIcon step={entry.create("palette")} className="size-7" />
              <span className="font-medium">{entry.label}</span>
            </button>
            <span id={`palette-${entry.key.replace(":", "-")}-hint`} className="sr-only">
              {entry.description} Press to add it after the selected step, or drag it onto the canvas.
            </span>
          </li>
        ))}
      </ul>
      <p className="border-t border-zinc-100 px-3 py-2 text-[11px] leading-snug text-zinc-500">
        Drag onto the canvas, or press to add after the selected step.
      </p>
    </nav>
  );
}
