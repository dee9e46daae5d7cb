// A contact's run through a journey, with the log of the steps it took. Its contact is the
// contacts context's Contact type (the drizzle plugin plans it into the query that loads the
// executions: a page of "who is at this node" is one statement, not one per contact).
import { builder } from "../builder.ts";
import { namedConnection } from "../platform/connections.ts";
import { upper } from "../platform/enum-values.ts";
import { ContactRef } from "./contact-types.ts";

export const JourneyExecutionStatusEnum = builder.enumType("JourneyExecutionStatus", {
  values: upper(["active", "waiting", "completed", "exited", "failed"] as const),
});

export const JourneyStepRef = builder.drizzleObject("journeySteps", {
  name: "JourneyStep",
  description: "One node an execution ran: what came of it and when.",
  select: { columns: { id: true } },
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    nodeId: t.exposeString("nodeId"),
    nodeKind: t.exposeString("nodeKind"),
    outcome: t.exposeString("outcome", {
      description: "completed, waiting, branch:<handle>, skipped, suppressed, errored, converted or exited.",
    }),
    error: t.exposeString("error", { nullable: true }),
    detail: t.expose("detail", { type: "JSON" }),
    startedAt: t.expose("startedAt", { type: "DateTime" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true }),
  }),
});

export const JourneyExecutionRef = builder.drizzleNode("journeyExecutions", {
  name: "JourneyExecution",
  id: { column: (e) => e.id },
  authScopes: { permission: "journeys:read" },
  select: { columns: { id: true } },
  fields: (t) => ({
    contact: t.relation("contact", { type: ContactRef }),
    status: t.expose("status", { type: JourneyExecutionStatusEnum }),
    currentNodeId: t.exposeString("currentNodeId"),
    enteredAt: t.expose("enteredAt", { type: "DateTime" }),
    nextRunAt: t.expose("nextRunAt", {
      type: "DateTime",
      nullable: true,
      description: "When its next step is due; null once finished.",
    }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
    convertedAt: t.expose("convertedAt", { type: "DateTime", nullable: true }),
    exitReason: t.exposeString("exitReason", { nullable: true }),
    versionNumber: t.int({
      description: "The published version it runs.",
      select: { with: { journeyVersion: { columns: { number: true } } } },
      resolve: (e) => e.journeyVersion.number,
    }),
    journey: t.relation("journey"),
    steps: t.relation("steps", { description: "In the order they ran.", query: { orderBy: { seq: "asc" } } }),
  }),
});

export const JourneyExecutionConnection = namedConnection(JourneyExecutionRef, "JourneyExecution");
