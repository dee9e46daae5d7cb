// Journey object types: the journey with its draft and its problems, its published versions, and
// its numbers. No N+1: `stats` and the published definition under `funnel` are SQL expressions
// (drizzle `extras`) merged into the query that loads the journeys; `nodeStats`, `versions` and
// `campaign` are relations the drizzle plugin plans into the same query. A list of 50 journeys
// with all of them is as many statements as a list of one (apps/api/test/journeys…).
import {
  JOURNEY_STATUSES,
  JourneyDefinition,
  type JourneyProblem,
  journeyFunnel,
  validateJourney,
} from "@markettina/domain";
import { sql } from "drizzle-orm";
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";
import { JourneyExecutionConnection } from "./journey-execution-types.ts";

export const JourneyStatusEnum = builder.enumType("JourneyStatus", {
  description: "DRAFT → ACTIVE ⇄ PAUSED; ARCHIVED from any of them, for good.",
  values: upper(JOURNEY_STATUSES),
});

export const JourneyProblemRef = builder.objectRef<JourneyProblem>("JourneyProblem").implement({
  description: "Something to fix before the journey can be published, on the node it concerns.",
  fields: (t) => ({
    nodeId: t.exposeString("nodeId", { nullable: true, description: "Null: the journey as a whole." }),
    code: t.exposeString("code", {
      description:
        "NO_TRIGGER, UNREACHABLE, MISSING_BRANCH, SPLIT_NOT_100, CYCLE_WITHOUT_WAIT, DANGLING_EDGE…",
    }),
    message: t.exposeString("message"),
  }),
});

interface JourneyStats {
  entered: number;
  active: number;
  waiting: number;
  completed: number;
  exited: number;
  converted: number;
  failed: number;
}

const JourneyStatsRef = builder.objectRef<JourneyStats>("JourneyStats").implement({
  description: "Executions of the journey by status (every version).",
  fields: (t) => ({
    entered: t.exposeInt("entered", { description: "Every entry so far." }),
    active: t.exposeInt("active", { description: "At a node, about to run it." }),
    waiting: t.exposeInt("waiting", { description: "Held by a wait." }),
    completed: t.exposeInt("completed"),
    exited: t.exposeInt("exited", {
      description: "Left early: exit criteria, goal elsewhere, journey archived.",
    }),
    converted: t.exposeInt("converted", { description: "Met a goal." }),
    failed: t.exposeInt("failed"),
  }),
});

export const JourneyNodeStatsRef = builder.drizzleObject("journeyNodeStats", {
  name: "JourneyNodeStats",
  description: "A node's counters, kept by the executor as contacts move.",
  select: { columns: { nodeId: true } },
  fields: (t) => ({
    nodeId: t.exposeString("nodeId"),
    entered: t.exposeInt("entered"),
    waiting: t.exposeInt("waiting", { description: "Held at this node right now." }),
    completed: t.exposeInt("completed"),
    errored: t.exposeInt("errored"),
    converted: t.exposeInt("converted"),
  }),
});

const JourneyFunnelStepRef = builder
  .objectRef<{ nodeId: string; label: string; kind: string; entered: number }>("JourneyFunnelStep")
  .implement({
    fields: (t) => ({
      nodeId: t.exposeString("nodeId"),
      label: t.exposeString("label"),
      kind: t.exposeString("kind", { description: "trigger, wait, condition, split, action, goal or exit." }),
      entered: t.exposeInt("entered"),
    }),
  });

export const JourneyVersionRef = builder.drizzleObject("journeyVersions", {
  name: "JourneyVersion",
  description: "A published definition. It never changes; the contacts who entered on it keep running it.",
  select: { columns: { id: true } },
  fields: (t) => ({
    number: t.exposeInt("number"),
    definition: t.expose("definition", { type: "JSON" }),
    publishedAt: t.expose("publishedAt", { type: "DateTime" }),
    publishedBy: t.relation("publishedByUser", { nullable: true }),
  }),
});

/** The draft's problems from its structure alone (references to other rows are checked by
 * updateJourney and publishJourney, which have the database at hand). */
export function draftProblems(draft: unknown): JourneyProblem[] {
  const parsed = JourneyDefinition.safeParse(draft);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({
      nodeId: null,
      code: "INVALID_SHAPE" as const,
      message: `${i.path.join(".")}: ${i.message}`,
    }));
  }
  return validateJourney(parsed.data);
}

export const JourneyRef = builder.drizzleNode("journeys", {
  name: "Journey",
  id: { column: (j) => j.id },
  authScopes: { permission: "journeys:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    status: t.expose("status", { type: JourneyStatusEnum }),
    campaign: t.relation("campaign", { nullable: true }),
    draft: t.expose("draft", {
      type: "JSON",
      description: "The definition being edited: { nodes, edges, settings } (saved with its problems).",
    }),
    draftProblems: t.field({
      type: [JourneyProblemRef],
      description:
        "What keeps the draft from being published, by node (structure only; publishing also checks that the segments, templates and connectors it names exist).",
      select: { columns: { draft: true } },
      resolve: (j) => draftProblems(j.draft),
    }),
    publishedVersion: t.exposeInt("publishedVersion", {
      nullable: true,
      description: "The number of the version new entrants run; null until the first publish.",
    }),
    versions: t.relation("versions", {
      description: "Published versions, newest first.",
      query: { orderBy: { number: "desc" } },
    }),
    version: t.exposeInt("version", { description: "Send it back with every change." }),
    activatedAt: t.expose("activatedAt", { type: "DateTime", nullable: true }),
    pausedAt: t.expose("pausedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    createdBy: t.relation("createdByUser", { nullable: true }),
    stats: t.field({
      type: JourneyStatsRef,
      // One grouped sub-select per journey over its executions (indexed by journey), under the
      // request's row-level security like every read.
      select: {
        extras: {
          stats: (j) => sql<JourneyStats>`(
            select json_build_object(
              'entered', count(*),
              'active', count(*) filter (where e.status = 'active'),
              'waiting', count(*) filter (where e.status = 'waiting'),
              'completed', count(*) filter (where e.status = 'completed'),
              'exited', count(*) filter (where e.status = 'exited'),
              'converted', count(*) filter (where e.converted_at is not null),
              'failed', count(*) filter (where e.status = 'failed'))
            from journey_executions e
            where e.account_id = ${j.accountId} and e.journey_id = ${j.id})`,
        },
      },
      resolve: (j) => j.stats,
    }),
    nodeStats: t.relation("nodeStats", {
      description: "Each node's counters (nodes no contact reached yet have none).",
      query: { orderBy: { nodeId: "asc" } },
    }),
    funnel: t.field({
      type: [JourneyFunnelStepRef],
      description:
        "The published version's nodes from the trigger on (breadth first), with how many entered each.",
      select: {
        extras: {
          publishedDefinition: (j) => sql<unknown>`(
            select v.definition from journey_versions v
             where v.account_id = ${j.accountId} and v.journey_id = ${j.id} and v.number = ${j.publishedVersion})`,
          // Not the nodeStats relation: selecting it here with other columns than the nodeStats
          // field would make the plugin load one of them in a second query.
          enteredByNode: (j) => sql<Record<string, number> | null>`(
            select json_object_agg(s.node_id, s.entered) from journey_node_stats s
             where s.account_id = ${j.accountId} and s.journey_id = ${j.id})`,
        },
      },
      resolve: (j) => {
        const parsed = JourneyDefinition.safeParse(j.publishedDefinition);
        if (!parsed.success) return [];
        return journeyFunnel(parsed.data, j.enteredByNode ?? {});
      },
    }),
    contactsAtNode: t.relatedConnection(
      "executions",
      {
        description: "Who is at this node right now (running or waiting there), earliest entry first.",
        args: { nodeId: t.arg.string({ required: true }) },
        totalCount: true,
        query: (args) => ({
          where: { currentNodeId: args.nodeId, status: { in: ["active" as const, "waiting" as const] } },
          orderBy: { enteredAt: "asc", id: "asc" },
        }),
      },
      JourneyExecutionConnection,
    ),
  }),
});

export const JourneyConnection = namedConnection(JourneyRef, "Journey");
