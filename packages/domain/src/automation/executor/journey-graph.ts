// A published definition ready to walk: nodes by id, outgoing edges by handle. Published versions
// are immutable (journey_versions has no UPDATE grant), so a parsed graph is cached per version id
// for the life of the process: a step does not re-read and re-validate its journey's JSON.
import { schema, type Transaction } from "@markettina/db";
import { and, eq } from "drizzle-orm";
import { JourneyDefinition, type JourneyNode, type JourneySettings } from "../journeys/definition.ts";
import type { Condition } from "../segments/conditions.ts";

export interface JourneyGraph {
  versionId: string;
  nodes: ReadonlyMap<string, JourneyNode>;
  settings: JourneySettings;
  /** Goal nodes, checked before every step (a contact meeting one converts wherever it is). */
  goals: readonly (JourneyNode & { kind: "goal" })[];
  exitCriteria: Condition | null;
  /** The node an edge from `nodeId` leads to: the edge with `handle`, or the node's only edge. */
  next: (nodeId: string, handle?: string | null) => string | null;
}

const cache = new Map<string, JourneyGraph>();
const CACHE_LIMIT = 1_000;

export function buildGraph(versionId: string, raw: unknown): JourneyGraph {
  const definition = JourneyDefinition.parse(raw);
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  const edges = new Map<string, { handle: string | null; target: string }[]>();
  for (const e of definition.edges) {
    const list = edges.get(e.source) ?? [];
    list.push({ handle: e.sourceHandle, target: e.target });
    edges.set(e.source, list);
  }
  return {
    versionId,
    nodes,
    settings: definition.settings,
    goals: definition.nodes.filter((n): n is JourneyNode & { kind: "goal" } => n.kind === "goal"),
    exitCriteria: definition.settings.exitCriteria,
    next: (nodeId, handle = null) => {
      const out = edges.get(nodeId) ?? [];
      const match =
        handle === null
          ? (out.find((e) => e.handle === null) ?? out[0])
          : out.find((e) => e.handle === handle);
      return match?.target ?? null;
    },
  };
}

/** The graph of a published version, parsed once per process. */
export async function loadGraph(
  tx: Transaction,
  accountId: string,
  versionId: string,
): Promise<JourneyGraph> {
  const cached = cache.get(versionId);
  if (cached) return cached;
  const v = schema.journeyVersions;
  const [row] = await tx
    .select({ definition: v.definition })
    .from(v)
    .where(and(eq(v.accountId, accountId), eq(v.id, versionId)));
  // The execution's foreign key guarantees the version exists.
  const graph = buildGraph(versionId, row!.definition);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(versionId, graph);
  return graph;
}
