// Workflows as the console shows them: statuses and priorities in words and colours, the lifecycle
// moves each definition status offers (the rules the API enforces, so only moves that can succeed
// are shown), and who may change, run and approve (workflows:write / workflows:approve).
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { WorkflowDefinitionListQuery, WorkflowDefinitionQuery } from "./workflow-operations";

export type WorkflowDefinitionListItem = ResultOf<
  typeof WorkflowDefinitionListQuery
>["workflowDefinitions"]["nodes"][number];
export type WorkflowDefinitionDetail = NonNullable<
  ResultOf<typeof WorkflowDefinitionQuery>["workflowDefinition"]
>;
export type WorkflowProblem = WorkflowDefinitionDetail["problems"][number];
export type DefinitionStatus = WorkflowDefinitionDetail["status"];

type Tone = "neutral" | "success" | "warning" | "danger" | "accent";

export const DEFINITION_STATUSES = [
  "DRAFT",
  "ACTIVE",
  "DEPRECATED",
  "ARCHIVED",
] as const satisfies readonly DefinitionStatus[];

export const DEFINITION_STATUS_LABELS: Record<DefinitionStatus, string> = {
  DRAFT: "Draft",
  ACTIVE: "Active",
  DEPRECATED: "Deprecated",
  ARCHIVED: "Archived",
};

export const DEFINITION_STATUS_TONES: Record<DefinitionStatus, Tone> = {
  DRAFT: "neutral",
  ACTIVE: "success",
  DEPRECATED: "warning",
  ARCHIVED: "neutral",
};

export const INSTANCE_STATUSES = [
  "PENDING",
  "RUNNING",
  "COMPENSATING",
  "COMPLETED",
  "FAILED",
  "CANCELLED",
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export const INSTANCE_STATUS_LABELS: Record<InstanceStatus, string> = {
  PENDING: "Pending",
  RUNNING: "Running",
  COMPENSATING: "Compensating",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const INSTANCE_STATUS_TONES: Record<InstanceStatus, Tone> = {
  PENDING: "neutral",
  RUNNING: "accent",
  COMPENSATING: "warning",
  COMPLETED: "success",
  FAILED: "danger",
  CANCELLED: "neutral",
};

/** Statuses an instance still moves from: its page polls while it is in one. */
export const isLiveInstance = (status: InstanceStatus) =>
  status === "PENDING" || status === "RUNNING" || status === "COMPENSATING";

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "CRITICAL"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PRIORITY_LABELS: Record<Priority, string> = {
  LOW: "Low",
  NORMAL: "Normal",
  HIGH: "High",
  CRITICAL: "Critical",
};

export const STEP_STATUSES = [
  "PENDING",
  "RUNNING",
  "COMPLETED",
  "FAILED",
  "SKIPPED",
  "COMPENSATING",
  "COMPENSATED",
  "CANCELLED",
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  PENDING: "Pending",
  RUNNING: "Running",
  COMPLETED: "Completed",
  FAILED: "Failed",
  SKIPPED: "Skipped",
  COMPENSATING: "Compensating",
  COMPENSATED: "Compensated",
  CANCELLED: "Cancelled",
};

export const STEP_STATUS_TONES: Record<StepStatus, Tone> = {
  PENDING: "neutral",
  RUNNING: "accent",
  COMPLETED: "success",
  FAILED: "danger",
  SKIPPED: "neutral",
  COMPENSATING: "warning",
  COMPENSATED: "warning",
  CANCELLED: "neutral",
};

/** Owners, admins and members write definitions and run instances; viewers read (workflows:write). */
export function canWriteWorkflows(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}

/** The same roles decide approval steps (workflows:approve). */
export function canApproveWorkflows(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}

export type DefinitionMove = "activate" | "deprecate" | "archive" | "delete";

/**
 * DRAFT → ACTIVE (without problems) → DEPRECATED → ARCHIVED; a draft may be deleted. A new version
 * (a draft copy) can be made of any of them.
 */
export function definitionMoves(status: DefinitionStatus): DefinitionMove[] {
  switch (status) {
    case "DRAFT":
      return ["activate", "delete"];
    case "ACTIVE":
      return ["deprecate"];
    case "DEPRECATED":
      return ["archive"];
    case "ARCHIVED":
      return [];
  }
}

/** 1234 → "1.2 s", 90500 → "1 min 31 s": durations from milliseconds. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1_000);
  if (minutes < 60) return `${minutes} min ${seconds} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** JSON for people: indented, or "—" for nothing. */
export function formatJson(value: unknown): string {
  if (value === null || value === undefined) return "—";
  return JSON.stringify(value, null, 2);
}
