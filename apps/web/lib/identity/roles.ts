// Membership roles as the console shows them, and who may manage an account's identity settings.
export const MEMBERSHIP_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER", "BILLING"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const ROLE_LABELS: Record<MembershipRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MEMBER: "Member",
  VIEWER: "Viewer",
  BILLING: "Billing",
};

/** Owners and admins manage members, sub-accounts and API keys (the API enforces it; the UI follows). */
export function canManageAccount(role: MembershipRole | null | undefined, isPlatformAdmin: boolean): boolean {
  return isPlatformAdmin || role === "OWNER" || role === "ADMIN";
}
