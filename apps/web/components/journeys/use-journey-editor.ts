// The builder's state: React Flow's nodes and edges plus the journey settings, with undo/redo.
// Every change goes through one reducer; a change either records the state before it (an undo
// step) or not (selection, measuring). Typing into one field and dragging a node are coalesced,
// so one undo takes back a word or a whole drag, not a keystroke or a pixel.
"use client";

import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { useCallback, useMemo, useReducer } from "react";
import { autoLayout } from "./auto-layout";
import type { JourneyDefinition, JourneyNode, JourneySettings } from "./journey-definition";
import {
  connect,
  nextNodeId,
  pruneEdges,
  type StepEdge,
  type StepNode,
  toDefinition,
  toFlowEdges,
  toFlowNodes,
} from "./journey-flow";
import type { PaletteEntry } from "./node-catalog";

type Snapshot = { nodes: StepNode[]; edges: StepEdge[]; settings: JourneySettings };
/** false: not an undo step; "undo": its own step; {key}: one step with the changes of the same key
 * that follow within `windowMs` (or until a change with `end`). */
type Record_ = false | "undo" | { key: string; windowMs: number; end?: boolean };
type State = {
  present: Snapshot;
  past: Snapshot[];
  future: Snapshot[];
  group: { key: string; at: number } | null;
};
type Action =
  | { type: "change"; recipe: (snapshot: Snapshot) => Snapshot; record: Record_; at: number }
  | { type: "undo" | "redo" }
  | { type: "reset"; snapshot: Snapshot };

const HISTORY_LIMIT = 100;

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "change": {
      const next = action.recipe(state.present);
      if (next === state.present) return state;
      const { record } = action;
      if (record === false) return { ...state, present: next };
      const grouped =
        typeof record === "object" &&
        state.group?.key === record.key &&
        action.at - state.group.at <= record.windowMs;
      return {
        present: next,
        past: grouped ? state.past : [...state.past.slice(-HISTORY_LIMIT + 1), state.present],
        future: [],
        group: typeof record === "object" && !record.end ? { key: record.key, at: action.at } : null,
      };
    }
    case "undo": {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        present: previous,
        past: state.past.slice(0, -1),
        future: [state.present, ...state.future],
        group: null,
      };
    }
    case "redo": {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { present: next, past: [...state.past, state.present], future: rest, group: null };
    }
    case "reset":
      return { present: action.snapshot, past: [], future: [], group: null };
  }
}

export function snapshotOf(definition: JourneyDefinition, layout: boolean): Snapshot {
  const edges = toFlowEdges(definition);
  const nodes = toFlowNodes(definition);
  return { nodes: layout ? autoLayout(nodes, edges) : nodes, edges, settings: definition.settings };
}

const TYPING = 1500;
const DELETE = 200;

export function useJourneyEditor(initial: () => Snapshot) {
  const [state, dispatch] = useReducer(reducer, undefined, () => ({
    present: initial(),
    past: [],
    future: [],
    group: null,
  }));
  const { nodes, edges, settings } = state.present;
  const change = useCallback(
    (recipe: (snapshot: Snapshot) => Snapshot, record: Record_) =>
      dispatch({ type: "change", recipe, record, at: Date.now() }),
    [],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      const removes = changes.some((c) => c.type === "remove");
      const moves = changes.filter((c) => c.type === "position");
      const record: Record_ = removes
        ? { key: "delete", windowMs: DELETE }
        : moves.length > 0
          ? {
              key: `drag:${moves.map((c) => c.id).join(",")}`,
              windowMs: Number.POSITIVE_INFINITY,
              end: moves.some((c) => c.type === "position" && !c.dragging),
            }
          : false;
      change((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }), record);
    },
    [change],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<StepEdge>[]) => {
      const removes = changes.some((c) => c.type === "remove");
      change(
        (s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }),
        removes ? { key: "delete", windowMs: DELETE } : false,
      );
    },
    [change],
  );

  const onConnect = useCallback(
    (connection: Connection) =>
      change(
        (s) => ({
          ...s,
          edges: connect(
            s.edges,
            s.nodes,
            connection.source,
            connection.sourceHandle ?? null,
            connection.target,
          ),
        }),
        "undo",
      ),
    [change],
  );

  /** Points one way out of `source` at `target`, or disconnects it (the inspector's "then go to"). */
  const setNext = useCallback(
    (source: string, sourceHandle: string | null, target: string | null) =>
      change((s) => {
        if (target) return { ...s, edges: connect(s.edges, s.nodes, source, sourceHandle, target) };
        const edges = s.edges.filter(
          (e) => !(e.source === source && (e.sourceHandle ?? null) === sourceHandle),
        );
        return { ...s, edges };
      }, "undo"),
    [change],
  );

  /** Adds a step at `position` (selected), connected from `after` when given. Answers its id. */
  const addStep = useCallback(
    (
      entry: PaletteEntry,
      position: { x: number; y: number },
      after?: { id: string; handle: string | null },
    ) => {
      const id = nextNodeId(entry.kind, nodes);
      change((s) => {
        const node: StepNode = {
          id,
          type: entry.kind,
          position,
          selected: true,
          data: { step: entry.create(id) },
        };
        const others = s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
        const all = [...others, node];
        const edges = after ? connect(s.edges, all, after.id, after.handle, id) : s.edges;
        return { ...s, nodes: all, edges };
      }, "undo");
      return id;
    },
    [change, nodes],
  );

  /** Changes one step's definition; `field` groups typing into that field as one undo step. */
  const updateStep = useCallback(
    (id: string, recipe: (step: JourneyNode) => JourneyNode, field?: string) =>
      change(
        (s) => {
          const current = s.nodes.find((n) => n.id === id);
          if (!current) return s;
          const step = recipe(current.data.step);
          return {
            ...s,
            nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { step } } : n)),
            edges: pruneEdges(s.edges, step),
          };
        },
        field ? { key: `edit:${id}:${field}`, windowMs: TYPING } : "undo",
      ),
    [change],
  );

  const updateSettings = useCallback(
    (recipe: (settings: JourneySettings) => JourneySettings, field?: string) =>
      change(
        (s) => ({ ...s, settings: recipe(s.settings) }),
        field ? { key: `settings:${field}`, windowMs: TYPING } : "undo",
      ),
    [change],
  );

  const removeStep = useCallback(
    (id: string) =>
      change(
        (s) => ({
          ...s,
          nodes: s.nodes.filter((n) => n.id !== id),
          edges: s.edges.filter((e) => e.source !== id && e.target !== id),
        }),
        "undo",
      ),
    [change],
  );

  /** Selects one step (or none): the inspector edits the selected step. Not an undo step. */
  const select = useCallback(
    (id: string | null) =>
      change(
        (s) => ({
          ...s,
          nodes: s.nodes.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })),
          edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        }),
        false,
      ),
    [change],
  );

  const layout = useCallback(
    () => change((s) => ({ ...s, nodes: autoLayout(s.nodes, s.edges) }), "undo"),
    [change],
  );
  const undo = useCallback(() => dispatch({ type: "undo" }), []);
  const redo = useCallback(() => dispatch({ type: "redo" }), []);
  const reset = useCallback((snapshot: Snapshot) => dispatch({ type: "reset", snapshot }), []);

  const definition = useMemo(() => toDefinition(nodes, edges, settings), [nodes, edges, settings]);
  const selected = useMemo(() => {
    const chosen = nodes.filter((n) => n.selected);
    return chosen.length === 1 ? (chosen[0] ?? null) : null;
  }, [nodes]);

  return {
    nodes,
    edges,
    settings,
    definition,
    selected,
    canUndo: state.past.length > 0,
    canRedo: state.future.length > 0,
    onNodesChange,
    onEdgesChange,
    onConnect,
    setNext,
    addStep,
    updateStep,
    updateSettings,
    removeStep,
    select,
    layout,
    undo,
    redo,
    reset,
  };
}

export type JourneyEditor = ReturnType<typeof useJourneyEditor>;
