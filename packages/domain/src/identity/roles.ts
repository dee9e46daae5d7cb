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
  | "audit:read"
  // Billing: see the wallet and ledger; spend tokens on metered work (reserve/settle/release);
  // buy packages, redeem codes, change wallet settings, read invoices; fund sub-accounts and set
  // their markups (agencies).
  | "wallet:read"
  | "wallet:spend"
  | "billing:manage"
  | "invoices:read"
  | "sub_accounts:fund"
  // Brand DNA: read it (everyone in the account), edit and restore it (members and up).
  | "brand:read"
  | "brand:write"
  | "campaigns:read"
  | "campaigns:write"
  // Content: read items, templates, assets and the calendar; write and schedule them; approve
  // or reject content in review (owners and admins); set up where posts go (connectors).
  | "content:read"
  | "content:write"
  | "content:approve"
  | "connectors:manage"
  // Marketing automation: contacts, consent, segments and events (read/write); journeys (read,
  // draft and run them). Publishing a journey reaches customers, so it is a write like any other
  // here; what it may send is bounded by consent and the frequency cap, not by role.
  | "contacts:read"
  | "contacts:write"
  | "journeys:read"
  | "journeys:write"
  // Workflows: read definitions and instances; write definitions, schedules and run instances
  // (start, cancel, retry); decide approval steps (owners, admins and members, like content).
  | "workflows:read"
  | "workflows:write"
  | "workflows:approve";

// Owners and admins hold the same permissions; they differ only in who may manage whom (outranks).
const MANAGER: readonly Permission[] = [
  "identity:read",
  "members:manage",
  "api_keys:manage",
  "account:update",
  "sub_accounts:create",
  "audit:read",
  "wallet:read",
  "wallet:spend",
  "billing:manage",
  "invoices:read",
  "sub_accounts:fund",
  "brand:read",
  "brand:write",
  "campaigns:read",
  "campaigns:write",
  "content:read",
  "content:write",
  "content:approve",
  "connectors:manage",
  "contacts:read",
  "contacts:write",
  "journeys:read",
  "journeys:write",
  "workflows:read",
  "workflows:write",
  "workflows:approve",
];

const GRANTS: Record<Role, readonly Permission[]> = {
  owner: MANAGER,
  admin: MANAGER,
  member: [
    "identity:read",
    "wallet:read",
    "wallet:spend",
    "brand:read",
    "brand:write",
    "campaigns:read",
    "campaigns:write",
    "content:read",
    "content:write",
    "contacts:read",
    "contacts:write",
    "journeys:read",
    "journeys:write",
    "workflows:read",
    "workflows:write",
    "workflows:approve",
  ],
  viewer: [
    "identity:read",
    "wallet:read",
    "brand:read",
    "campaigns:read",
    "content:read",
    "contacts:read",
    "journeys:read",
    "workflows:read",
  ],
  billing: ["identity:read", "wallet:read", "billing:manage", "invoices:read", "brand:read"],
};

export const roleAllows = (role: Role, permission: Permission): boolean => GRANTS[role].includes(permission);
