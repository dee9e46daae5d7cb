// Journeys as the console shows them: statuses in words, the lifecycle moves each status offers
// (the same rules the API enforces, so only moves that can succeed are shown), and who may edit.
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { JourneyBuilderQuery, JourneyListQuery, JourneyLiveStatsQuery } from "./journeys-operations";

export type JourneyListItem = ResultOf<typeof JourneyListQuery>["journeys"]["nodes"][number];
export type JourneyDetail = NonNullable<ResultOf<typeof JourneyBuilderQuery>["journey"]>;
export type JourneyVersion = JourneyDetail["versions"][number];
export type JourneyLiveStats = NonNullable<ResultOf<typeof JourneyLiveStatsQuery>["journey"]>;
export type JourneyStatus = JourneyListItem["status"];

export const JOURNEY_STATUSES = [
  "DRAFT",
  "ACTIVE",
  "PAUSED",
  "ARCHIVED",
] as const satisfies readonly JourneyStatus[];

export const STATUS_LABELS: Record<JourneyStatus, string> = {
  DRAFT: "Draft",
  ACTIVE: "Active",
  PAUSED: "Paused",
  ARCHIVED: "Archived",
};

export const STATUS_TONES = {
  DRAFT: "neutral",
  ACTIVE: "success",
  PAUSED: "warning",
  ARCHIVED: "neutral",
} as const satisfies Record<JourneyStatus, string>;

/** Everyone but the billing role reads journeys; owners, admins and members change them (journeys:write). */
export function canEditJourneys(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}

export type LifecycleMove = "activate" | "pause" | "resume" | "archive";

/**
 * DRAFT → ACTIVE (once a version is published) ⇄ PAUSED; ARCHIVED from any of them, for good.
 * Answers the moves `status` allows, in the order the buttons show.
 */
export function lifecycleMoves(status: JourneyStatus, published: boolean): LifecycleMove[] {
  switch (status) {
    case "DRAFT":
      return published ? ["activate", "archive"] : ["archive"];
    case "ACTIVE":
      return ["pause", "archive"];
    case "PAUSED":
      return ["resume", "archive"];
    case "ARCHIVED":
      return [];
  }
}

/** Contacts are enrolled (by hand or the API) into active journeys only. */
export const canEnrol = (status: JourneyStatus) => status === "ACTIVE";

/** Numbers move while contacts can be moving: an active journey, or a paused one finishing steps. */
export const isLive = (status: JourneyStatus) => status === "ACTIVE" || status === "PAUSED";
