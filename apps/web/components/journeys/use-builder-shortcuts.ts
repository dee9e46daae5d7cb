// The builder's keyboard shortcuts. Ctrl/Cmd+S saves from anywhere on the page; the rest act only
// when focus is not in a text field (where Ctrl+Z undoes typing and letters are letters) and no
// dialog is open. Delete and Backspace are React Flow's own (they remove the selection).
"use client";

import { useEffect, useRef } from "react";

export type ShortcutHandlers = {
  save?: () => void;
  undo?: () => void;
  redo?: () => void;
  layout?: () => void;
  fitView?: () => void;
  zoomIn?: () => void;
  zoomOut?: () => void;
  deselect?: () => void;
  help?: () => void;
};

export const SHORTCUTS: { keys: string; does: string }[] = [
  { keys: "Ctrl/⌘ + S", does: "Save the draft" },
  { keys: "Ctrl/⌘ + Z", does: "Undo" },
  { keys: "Ctrl/⌘ + Shift + Z, Ctrl + Y", does: "Redo" },
  { keys: "Delete, Backspace", does: "Delete the selected steps or connection" },
  { keys: "L", does: "Auto-layout, top to bottom" },
  { keys: "F", does: "Fit the journey in view" },
  { keys: "+ / −", does: "Zoom in / out" },
  { keys: "Tab, then Enter", does: "Move between steps, select one to edit it" },
  { keys: "Arrow keys", does: "Move the selected step" },
  { keys: "Escape", does: "Close the editor panel" },
  { keys: "?", does: "Show these shortcuts" },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function inDialog(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("[role=dialog]") !== null;
}

export function useBuilderShortcuts(handlers: ShortcutHandlers) {
  // The latest handlers, read by one listener registered once.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const h = latest.current;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === "s" && !event.shiftKey && !event.altKey) {
        if (!h.save || inDialog(event.target)) return;
        event.preventDefault();
        h.save();
        return;
      }
      if (event.defaultPrevented || isTyping(event.target) || inDialog(event.target) || event.altKey) return;
      const run = (action: (() => void) | undefined) => {
        if (!action) return;
        event.preventDefault();
        action();
      };
      if (mod) {
        if (key === "z" && event.shiftKey) run(h.redo);
        else if (key === "z") run(h.undo);
        else if (key === "y") run(h.redo);
        return;
      }
      if (key === "l") run(h.layout);
      else if (key === "f") run(h.fitView);
      else if (key === "+" || key === "=") run(h.zoomIn);
      else if (key === "-") run(h.zoomOut);
      else if (key === "?") run(h.help);
      else if (key === "escape") h.deselect?.();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
