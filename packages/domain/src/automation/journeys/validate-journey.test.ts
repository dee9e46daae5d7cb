// validateJourney, table-driven: a valid journey has no problems, and each broken variant reports
// exactly its problem, on the node it concerns.
import { describe, expect, it } from "vitest";
import { JourneyDefinition } from "./definition.ts";
import { journeyFunnel } from "./journey-funnel.ts";
import { type JourneyProblemCode, validateJourney } from "./validate-journey.ts";

type Raw = { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };

const trigger = { id: "start", kind: "trigger", trigger: { type: "manual" } };
const send = { id: "send", kind: "action", action: { type: "send_email", subject: "Hi", body: "Hello" } };
const wait = { id: "wait", kind: "wait", wait: { type: "duration", duration: { amount: 1, unit: "days" } } };
const vip = { id: "vip", kind: "condition", check: { kind: "tag", op: "has", tag: "vip" } };
const ab = {
  id: "ab",
  kind: "split",
  branches: [
    { key: "a", percent: 45 },
    { key: "b", percent: 45 },
  ],
  holdoutPercent: 10,
};
const goal = { id: "bought", kind: "goal", check: { kind: "tag", op: "has", tag: "customer" } };
const done = { id: "done", kind: "exit" };
const edge = (source: string, target: string, sourceHandle: string | null = null) => ({
  id: `${source}-${sourceHandle ?? "out"}-${target}`,
  source,
  target,
  sourceHandle,
});

/** start → send → wait → vip (yes → ab, no → done); ab a → bought → done, ab b → done. */
const valid = (): Raw => ({
  nodes: [trigger, send, wait, vip, ab, goal, done],
  edges: [
    edge("start", "send"),
    edge("send", "wait"),
    edge("wait", "vip"),
    edge("vip", "ab", "yes"),
    edge("vip", "done", "no"),
    edge("ab", "bought", "a"),
    edge("ab", "done", "b"),
    edge("bought", "done"),
  ],
});

const problemsOf = (raw: Raw) => validateJourney(JourneyDefinition.parse(raw));

const without = (raw: Raw, edgeId: string): Raw => ({
  ...raw,
  edges: raw.edges.filter((e) => e.id !== edgeId),
});
const replaceNode = (raw: Raw, id: string, node: Record<string, unknown>): Raw => ({
  ...raw,
  nodes: raw.nodes.map((n) => (n.id === id ? node : n)),
});

const cases: [string, () => Raw, JourneyProblemCode, string | null][] = [
  ["no trigger", () => ({ nodes: [done], edges: [] }), "NO_TRIGGER", null],
  [
    "a second trigger",
    () => {
      const r = valid();
      return {
        nodes: [...r.nodes, { ...trigger, id: "start2" }],
        edges: [...r.edges, edge("start2", "done")],
      };
    },
    "EXTRA_TRIGGER",
    "start2",
  ],
  [
    "an edge into the trigger",
    () => {
      const r = valid();
      return { ...r, edges: r.edges.map((e) => (e.id === "bought-out-done" ? edge("bought", "start") : e)) };
    },
    "TRIGGER_HAS_INCOMING",
    "start",
  ],
  [
    "two nodes with one id",
    () => {
      const r = valid();
      return { ...r, nodes: [...r.nodes, { id: "done", kind: "exit", label: "again" }] };
    },
    "DUPLICATE_NODE_ID",
    "done",
  ],
  [
    "two edges with one id",
    () => {
      const r = valid();
      return {
        ...r,
        edges: r.edges.map((e) => (e.id === "ab-b-done" ? { ...e, id: "ab-a-bought" } : e)),
      };
    },
    "DUPLICATE_EDGE_ID",
    "ab",
  ],
  [
    "an edge to a node that is not there",
    () => {
      const r = valid();
      return {
        ...r,
        edges: r.edges.map((e) => (e.id === "bought-out-done" ? { ...e, target: "ghost" } : e)),
      };
    },
    "DANGLING_EDGE",
    "bought",
  ],
  [
    "a node nothing leads to",
    () => {
      const r = valid();
      return { ...r, nodes: [...r.nodes, { id: "orphan", kind: "exit" }] };
    },
    "UNREACHABLE",
    "orphan",
  ],
  [
    "a branch a condition does not have",
    () => {
      const r = valid();
      return { ...r, edges: [...r.edges, edge("vip", "done", "maybe")] };
    },
    "INVALID_HANDLE",
    "vip",
  ],
  ["a condition without its no branch", () => without(valid(), "vip-no-done"), "MISSING_BRANCH", "vip"],
  ["a split branch not wired", () => without(valid(), "ab-b-done"), "MISSING_BRANCH", "ab"],
  [
    "a wait until an event without its timeout branch",
    () =>
      replaceNode(valid(), "wait", {
        id: "wait",
        kind: "wait",
        wait: { type: "until_event", eventType: "email_opened", timeout: { amount: 3, unit: "days" } },
      }),
    // The existing unnamed edge is also not a branch of it: both are reported, on the wait.
    "MISSING_BRANCH",
    "wait",
  ],
  [
    "an action leading nowhere",
    () =>
      without(
        replaceNode(valid(), "bought", {
          id: "bought",
          kind: "action",
          action: { type: "add_tag", tag: "won" },
        }),
        "bought-out-done",
      ),
    "MISSING_NEXT",
    "bought",
  ],
  [
    "an action leading to two nodes",
    () => {
      const r = valid();
      return { ...r, edges: [...r.edges, edge("send", "done")] };
    },
    "TOO_MANY_NEXT",
    "send",
  ],
  [
    "a goal leading to two nodes",
    () => {
      const r = valid();
      return {
        nodes: [...r.nodes, { id: "done2", kind: "exit" }],
        edges: [...r.edges, edge("bought", "done2")],
      };
    },
    "TOO_MANY_NEXT",
    "bought",
  ],
  [
    "an exit leading on",
    () => {
      const r = valid();
      return {
        ...r,
        nodes: [...r.nodes, { id: "after", kind: "exit" }],
        edges: [...r.edges, edge("done", "after")],
      };
    },
    "EXIT_HAS_NEXT",
    "done",
  ],
  [
    "split percentages not adding up to 100",
    () => replaceNode(valid(), "ab", { ...ab, holdoutPercent: 0 }),
    "SPLIT_NOT_100",
    "ab",
  ],
  [
    "two split branches with one key",
    () =>
      replaceNode(valid(), "ab", {
        ...ab,
        branches: [
          { key: "a", percent: 45 },
          { key: "a", percent: 45 },
        ],
      }),
    "DUPLICATE_SPLIT_KEY",
    "ab",
  ],
  [
    "a node leading back to itself without a wait",
    () => {
      const r = valid();
      return { ...r, edges: r.edges.map((e) => (e.id === "vip-no-done" ? edge("vip", "vip", "no") : e)) };
    },
    "CYCLE_WITHOUT_WAIT",
    "vip",
  ],
];

describe("validateJourney", () => {
  it("finds nothing wrong with a complete journey", () => {
    expect(problemsOf(valid())).toEqual([]);
  });

  it.each(cases)("reports %s", (_name, build, code, nodeId) => {
    const problems = problemsOf(build());
    expect(problems).toContainEqual({ nodeId, code, message: expect.any(String) });
    // The variant breaks one rule: nothing else is reported, except on the same node.
    expect(problems.filter((p) => p.nodeId !== nodeId)).toEqual([]);
  });

  it("names every node of a loop without a wait", () => {
    const r = valid();
    const looped = {
      ...r,
      edges: r.edges.map((e) => (e.id === "bought-out-done" ? edge("bought", "vip") : e)),
    };
    const problems = problemsOf(looped).filter((p) => p.code === "CYCLE_WITHOUT_WAIT");
    expect(problems.map((p) => p.nodeId)).toEqual(["vip", "ab", "bought"]);
  });

  it("accepts a loop through a wait, but not through a zero wait", () => {
    const r = valid();
    const looped = {
      ...r,
      edges: r.edges.map((e) => (e.id === "bought-out-done" ? edge("bought", "wait") : e)),
    };
    expect(problemsOf(looped)).toEqual([]);
    const zero = replaceNode(looped, "wait", {
      ...wait,
      wait: { type: "duration", duration: { amount: 0, unit: "minutes" } },
    });
    expect(problemsOf(zero).map((p) => [p.code, p.nodeId])).toEqual([
      ["CYCLE_WITHOUT_WAIT", "wait"],
      ["CYCLE_WITHOUT_WAIT", "vip"],
      ["CYCLE_WITHOUT_WAIT", "ab"],
      ["CYCLE_WITHOUT_WAIT", "bought"],
    ]);
  });

  it("wants the unnamed exit of single-exit nodes", () => {
    const r = valid();
    const named = {
      ...r,
      edges: r.edges.map((e) => (e.id === "send-out-wait" ? { ...e, sourceHandle: "yes" } : e)),
    };
    expect(problemsOf(named).map((p) => [p.code, p.nodeId])).toEqual([["INVALID_HANDLE", "send"]]);
  });

  it("finds the new journey's draft incomplete: its trigger leads nowhere", () => {
    expect(problemsOf({ nodes: [trigger], edges: [] }).map((p) => [p.code, p.nodeId])).toEqual([
      ["MISSING_NEXT", "start"],
    ]);
  });
});

describe("journeyFunnel", () => {
  it("lists the nodes breadth first from the trigger, branches in their order, with their counts", () => {
    const definition = JourneyDefinition.parse(valid());
    const funnel = journeyFunnel(
      definition,
      new Map([
        ["start", 10],
        ["send", 9],
        ["vip", 7],
        ["done", 3],
      ]),
    );
    expect(funnel.map((s) => [s.nodeId, s.entered])).toEqual([
      ["start", 10],
      ["send", 9],
      ["wait", 0],
      ["vip", 7],
      ["ab", 0],
      ["done", 3],
      ["bought", 0],
    ]);
    expect(funnel[0]).toMatchObject({ kind: "trigger", label: "Start" });
  });
});
