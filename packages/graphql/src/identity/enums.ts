import { builder } from "../builder.ts";

// GraphQL enums are upper-case; the database stores lower-case values.
const upper = <const T extends readonly string[]>(values: T) =>
  Object.fromEntries(values.map((v) => [v.toUpperCase(), { value: v }])) as {
    [K in T[number] as Uppercase<K>]: { value: K };
  };

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
