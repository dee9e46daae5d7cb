// The builder's frame around the canvas: tools (undo, redo, auto-layout, fit, settings,
// shortcuts), the problems list, the palette on the left and the editor drawer on the right.
"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { NODE_SIZE } from "./auto-layout";
import { BuilderProvider, type JourneyProblem, type NodeStats, problemsByNode } from "./builder-context";
import { stepName } from "./inspector/next-step-fields";
import { SettingsFields } from "./inspector/settings-fields";
import { StepInspector } from "./inspector/step-inspector";
import { JourneyCanvas } from "./journey-canvas";
import type { StepEdge, StepNode } from "./journey-flow";
import { outputHandles, type PaletteEntry } from "./node-catalog";
import { ProblemsList } from "./problems-list";
import { ShortcutsHelp } from "./shortcuts-help";
import { StepPalette } from "./step-palette";
import { useBuilderShortcuts } from "./use-builder-shortcuts";
import { motion, useCanvasView } from "./use-canvas-view";
import type { JourneyEditor } from "./use-journey-editor";

export type JourneyWorkspaceProps = {
  editor: JourneyEditor;
  readOnly: boolean;
  problems: readonly JourneyProblem[];
  stats: ReadonlyMap<string, NodeStats>;
  showStats: boolean;
  onShowContacts?: (nodeId: string) => void;
  onSave?: () => void;
  /** Shown at the start of the tool bar (what is being viewed: the draft or a version). */
  toolbarStart?: ReactNode;
};

export function JourneyWorkspace(props: JourneyWorkspaceProps) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

/** The first way out of `node` that leads nowhere yet, if any. */
function freeHandle(node: StepNode, edges: readonly StepEdge[]) {
  const handles = outputHandles(node.data.step);
  const index = handles.findIndex(
    (handle) => !edges.some((edge) => edge.source === node.id && (edge.sourceHandle ?? null) === handle.id),
  );
  return index < 0 ? null : { handle: handles[index]!, index, count: handles.length };
}

function Workspace({
  editor,
  readOnly,
  problems,
  stats,
  showStats,
  onShowContacts,
  onSave,
  toolbarStart,
}: JourneyWorkspaceProps) {
  const flow = useReactFlow();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const grouped = useMemo(() => problemsByNode(problems), [problems]);
  const selected = editor.selected;

  const canvas = useRef<HTMLDivElement>(null);
  const fitView = useCanvasView(canvas, selected?.id ?? null);
  const layout = useCallback(() => {
    editor.layout();
    // After React Flow has the new positions.
    requestAnimationFrame(() => fitView());
  }, [editor, fitView]);

  const focusStep = useCallback(
    (id: string) => {
      editor.select(id);
      setSettingsOpen(false);
      const node = editor.nodes.find((candidate) => candidate.id === id);
      if (node) {
        const width = node.measured?.width ?? NODE_SIZE.width;
        const height = node.measured?.height ?? NODE_SIZE.height;
        void flow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
          zoom: 1,
          duration: motion(300),
        });
      }
    },
    [editor, flow],
  );

  /** Pressing a palette entry: after the selected step's first free way out, or mid-view. */
  function addFromPalette(entry: PaletteEntry) {
    const free = selected ? freeHandle(selected, editor.edges) : null;
    if (selected && free && entry.kind !== "trigger") {
      const height = selected.measured?.height ?? NODE_SIZE.height;
      const offset = (free.index - (free.count - 1) / 2) * (NODE_SIZE.width + 40);
      const position = { x: selected.position.x + offset, y: selected.position.y + height + 80 };
      editor.addStep(entry, position, { id: selected.id, handle: free.handle.id });
      return;
    }
    const pane = canvas.current?.getBoundingClientRect();
    const centre = pane
      ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
      : { x: 0, y: 0 };
    editor.addStep(entry, { x: centre.x - NODE_SIZE.width / 2, y: centre.y - NODE_SIZE.height / 2 });
  }

  useBuilderShortcuts({
    save: readOnly ? undefined : onSave,
    undo: readOnly ? undefined : editor.undo,
    redo: readOnly ? undefined : editor.redo,
    layout: readOnly ? undefined : layout,
    fitView,
    zoomIn: () => void flow.zoomIn({ duration: motion(150) }),
    zoomOut: () => void flow.zoomOut({ duration: motion(150) }),
    help: () => setHelpOpen(true),
    deselect: () => {
      editor.select(null);
      setSettingsOpen(false);
    },
  });

  const builder = useMemo(
    () => ({ stats, showStats, problems: grouped, readOnly, onShowContacts }),
    [stats, showStats, grouped, readOnly, onShowContacts],
  );
  const drawer = selected ? "step" : settingsOpen ? "settings" : null;
  const nameOf = (id: string) => {
    const node = editor.nodes.find((candidate) => candidate.id === id);
    return node ? stepName(node.data.step) : null;
  };

  return (
    <BuilderProvider value={builder}>
      <div className="flex h-[calc(100vh-13rem)] min-h-[560px] flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xs">
        <div
          role="toolbar"
          aria-label="Canvas tools"
          className="flex flex-wrap items-center gap-1 border-b border-zinc-200 px-3 py-2"
        >
          {toolbarStart}
          <div className="ml-auto flex flex-wrap items-center gap-1">
            {readOnly ? null : (
              <>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={editor.undo}
                  disabled={!editor.canUndo}
                  title="Undo (Ctrl/⌘+Z)"
                >
                  Undo
                </Button>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={editor.redo}
                  disabled={!editor.canRedo}
                  title="Redo (Ctrl/⌘+Shift+Z)"
                >
                  Redo
                </Button>
                <Button variant="ghost" size="sm" onClick={layout} title="Auto-layout (L)">
                  Auto-layout
                </Button>
              </>
            )}
            <Button variant="ghost" size="sm" onClick={fitView} title="Fit view (F)">
              Fit view
            </Button>
            <Button
              variant={drawer === "settings" ? "secondary" : "ghost"}
              size="sm"
              aria-pressed={drawer === "settings"}
              onClick={() => {
                editor.select(null);
                setSettingsOpen(drawer !== "settings");
              }}
            >
              Journey settings
            </Button>
            <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />
          </div>
        </div>
        <ProblemsList problems={problems} stepName={nameOf} onSelect={focusStep} />
        <div className="flex min-h-0 flex-1">
          {readOnly ? null : <StepPalette onAdd={addFromPalette} disabled={readOnly} />}
          <div ref={canvas} className="relative min-w-0 flex-1 bg-zinc-50">
            <JourneyCanvas
              editor={editor}
              readOnly={readOnly}
              onDropStep={(entry, position) => editor.addStep(entry, position)}
            />
          </div>
          {drawer ? (
            <aside
              aria-label={
                drawer === "step" && selected
                  ? `Edit step: ${stepName(selected.data.step)}`
                  : "Journey settings"
              }
              className="flex w-[380px] shrink-0 flex-col border-l border-zinc-200 bg-white"
            >
              <div className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5">
                <h2 className="text-sm font-semibold text-zinc-900">
                  {drawer === "step" ? "Step" : "Journey settings"}
                </h2>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label="Close the editor panel"
                  onClick={() => {
                    editor.select(null);
                    setSettingsOpen(false);
                  }}
                >
                  Close
                </Button>
              </div>
              <div className="flex-1 overflow-y-auto p-4">
                {drawer === "step" && selected ? (
                  <StepInspector
                    key={selected.id}
                    step={selected.data.step}
                    nodes={editor.nodes}
                    edges={editor.edges}
                    problems={grouped.get(selected.id) ?? []}
                    readOnly={readOnly}
                    update={(recipe, field) => editor.updateStep(selected.id, recipe, field)}
                    setNext={(handle, target) => editor.setNext(selected.id, handle, target)}
                    onRemove={() => editor.removeStep(selected.id)}
                  />
                ) : (
                  <SettingsFields
                    settings={editor.settings}
                    update={editor.updateSettings}
                    readOnly={readOnly}
                  />
                )}
              </div>
            </aside>
          ) : null}
        </div>
      </div>
    </BuilderProvider>
  );
}
