// Campaigns as the console shows them: statuses and types in words, the lifecycle's allowed moves
// (the same table the API enforces, so only moves that can succeed are offered), and who may edit.
import type { ResultOf } from "@/lib/graphql/graphql";
import type { MembershipRole } from "@/lib/identity/roles";
import type { CampaignDetailQuery, CampaignListQuery } from "./campaigns-operations";

export type CampaignListItem = ResultOf<typeof CampaignListQuery>["campaigns"]["nodes"][number];
export type CampaignDetail = NonNullable<ResultOf<typeof CampaignDetailQuery>["campaign"]>;
export type CampaignStatus = CampaignListItem["status"];
export type CampaignType = CampaignListItem["type"];

export const CAMPAIGN_STATUSES = [
  "DRAFT",
  "SCHEDULED",
  "ACTIVE",
  "PAUSED",
  "COMPLETED",
  "CANCELLED",
] as const satisfies readonly CampaignStatus[];

export const CAMPAIGN_TYPES = [
  "BROADCAST",
  "JOURNEY",
  "RECURRING",
  "SOCIAL",
] as const satisfies readonly CampaignType[];

export const STATUS_LABELS: Record<CampaignStatus, string> = {
  DRAFT: "Draft",
  SCHEDULED: "Scheduled",
  ACTIVE: "Active",
  PAUSED: "Paused",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const TYPE_LABELS: Record<CampaignType, string> = {
  BROADCAST: "Broadcast",
  JOURNEY: "Journey",
  RECURRING: "Recurring",
  SOCIAL: "Social",
};

export const STATUS_TONES = {
  DRAFT: "neutral",
  SCHEDULED: "accent",
  ACTIVE: "success",
  PAUSED: "warning",
  COMPLETED: "neutral",
  CANCELLED: "danger",
} as const satisfies Record<CampaignStatus, string>;

/** draft → scheduled → active ⇄ paused → completed; cancel from any unfinished status (DOMAIN.md §4). */
export const CAMPAIGN_TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  DRAFT: ["SCHEDULED", "CANCELLED"],
  SCHEDULED: ["ACTIVE", "CANCELLED"],
  ACTIVE: ["PAUSED", "COMPLETED", "CANCELLED"],
  PAUSED: ["ACTIVE", "COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
};

export type StatusAction = {
  to: CampaignStatus;
  label: string;
  /** Ends the campaign for good: asks before doing it. */
  confirm: boolean;
};

/** The buttons a campaign in `status` offers, in lifecycle order. */
export function statusActions(status: CampaignStatus): StatusAction[] {
  return CAMPAIGN_TRANSITIONS[status].map((to) => {
    switch (to) {
      case "SCHEDULED":
        return { to, label: "Schedule", confirm: false };
      case "ACTIVE":
        return { to, label: status === "PAUSED" ? "Resume" : "Activate", confirm: false };
      case "PAUSED":
        return { to, label: "Pause", confirm: false };
      case "COMPLETED":
        return { to, label: "Complete", confirm: true };
      default:
        return { to, label: "Cancel campaign", confirm: true };
    }
  });
}

/** Completed and cancelled campaigns are finished: the API refuses edits to them. */
export function isFinished(status: CampaignStatus): boolean {
  return status === "COMPLETED" || status === "CANCELLED";
}

/** Everyone in the account reads campaigns; owners, admins and members change them (campaigns:write). */
export function canEditCampaigns(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "MEMBER";
}
