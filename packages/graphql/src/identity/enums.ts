import { builder } from "../builder.ts";
import { upper } from "../platform/enum-values.ts";

export const AccountKindEnum = builder.enumType("AccountKind", {
  values: upper(["agency", "business"] as const),
});
export const AccountPlanEnum = builder.enumType("AccountPlan", {
  values: upper(["free", "starter", "pro", "enterprise"] as const),
});
export const AccountStatusEnum = builder.enumType("AccountStatus", {
  values: upper(["active", "suspended", "closed"] as const),
});
export const MembershipRoleEnum = builder.enumType("MembershipRole", {
  values: upper(["owner", "admin", "member", "viewer", "billing"] as const),
});
export const InvitationStatusEnum = builder.enumType("InvitationStatus", {
  values: upper(["pending", "accepted", "revoked", "expired"] as const),
});
export const ApiKeyStatusEnum = builder.enumType("ApiKeyStatus", {
  values: upper(["active", "revoked", "expired"] as const),
});
