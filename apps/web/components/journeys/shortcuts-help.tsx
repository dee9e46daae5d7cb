"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { SHORTCUTS } from "./use-builder-shortcuts";

/** The "Shortcuts" button and the list it opens (also opened with "?"); Escape or a click
 * elsewhere closes it. Controlled, so the "?" shortcut can open it. */
export function ShortcutsHelp({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    function onPointerDown(event: PointerEvent) {
      if (root.current && !root.current.contains(event.target as Node)) onOpenChange(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open, onOpenChange]);

  return (
    <div ref={root} className="relative">
      <Button
        variant="ghost"
        size="sm"
        onClick={() => onOpenChange(!open)}
        aria-expanded={open}
        aria-controls="journey-shortcuts"
        title="Keyboard shortcuts (?)"
      >
        Shortcuts
      </Button>
      {open ? (
        <div
          ref={panel}
          id="journey-shortcuts"
          role="dialog"
          aria-label="Keyboard shortcuts"
          tabIndex={-1}
          className="absolute right-0 z-30 mt-2 w-96 rounded-lg bg-white p-3 text-sm shadow-lg ring-1 ring-zinc-200 focus:outline-none"
          onKeyDown={(event) => {
            if (event.key === "Escape") onOpenChange(false);
          }}
        >
          <div className="mb-2 flex items-center justify-between">
            <h2 className="font-semibold text-zinc-900">Keyboard shortcuts</h2>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => onOpenChange(false)}
              aria-label="Close the shortcuts"
            >
              ×
            </Button>
          </div>
          <dl className="space-y-1.5">
            {SHORTCUTS.map((shortcut) => (
              <div key={shortcut.keys} className="flex items-baseline justify-between gap-3">
                <dt className="text-zinc-600">{shortcut.does}</dt>
                <dd>
                  <kbd className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[11px] whitespace-nowrap text-zinc-800 ring-1 ring-zinc-200">
                    {shortcut.keys}
                  </kbd>
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}
