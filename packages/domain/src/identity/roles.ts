// Roles and what they may do. API keys carry scopes instead of a role (scopes.ts).
export const ROLES = ["owner", "admin", "member", "viewer", "billing"] as const;
export type Role = (typeof ROLES)[number];

/** Higher ranks include the powers of lower ones (billing is a side role: wallet only). */
const RANK: Record<Role, number> = { owner: 4, admin: 3, member: 2, billing: 1, viewer: 1 };

export const outranks = (a: Role, b: Role): boolean => RANK[a] > RANK[b];
export const strongestRole = (a: Role, b: Role): Role => (RANK[b] > RANK[a] ? b : a);

/** Agency owners and admins hold the same role in every sub-account of their agency. */
export const isAgencyManager = (role: Role): boolean => role === "owner" || role === "admin";

export type Permission =
  | "identity:read"
  | "members:manage"
  | "api_keys:manage"
  | "account:update"
  | "sub_accounts:create"
  | "audit:read";

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: [
    "identity:read",
    "members:manage",
    "api_keys:manage",
    "account:update",
    "sub_accounts:create",
    "audit:read",
  ],
  admin: [
    "identity:read",
    "members:manage",
    "api_keys:manage",
    "account:update",
    "sub_accounts:create",
    "audit:read",
  ],
  member: ["identity:read"],
  viewer: ["identity:read"],
  billing: ["identity:read"],
};

export const roleAllows = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);
