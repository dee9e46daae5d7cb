// API key scopes: what an integrator's key may read or write. Each context adds its own.
import type { Permission } from "./roles.ts";

export const API_SCOPES = [
  "identity:read",
  "identity:write",
  "audit:read",
  "campaigns:read",
  "campaigns:write",
  "journeys:read",
  "journeys:write",
  "contacts:read",
  "contacts:write",
  "wallet:read",
  "wallet:write",
  "billing:read",
  "billing:write",
  "brand:read",
  "brand:write",
  "content:read",
  "content:write",
  "workflows:read",
  "workflows:write",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The scope an API key needs for a permission; null: never allowed to a key. */
const SCOPE_FOR: Record<Permission, ApiScope | null> = {
  "identity:read": "identity:read",
  "members:manage": "identity:write",
  "account:update": "identity:write",
  "sub_accounts:create": "identity:write",
  "audit:read": "audit:read",
  "wallet:read": "wallet:read",
  // Metered work that an integrator runs reserves and settles tokens.
  "wallet:spend": "wallet:write",
  "billing:manage": "billing:write",
  // Invoices and payments: a read-only key for an accounting integration.
  "invoices:read": "billing:read",
  "brand:read": "brand:read",
  "brand:write": "brand:write",
  "campaigns:read": "campaigns:read",
  "campaigns:write": "campaigns:write",
  "sub_accounts:fund": "billing:write",
  "content:read": "content:read",
  "content:write": "content:write",
  // An integrator's review tool may approve content; connector secrets stay with people.
  "content:approve": "content:write",
  "connectors:manage": null,
  "contacts:read": "contacts:read",
  "contacts:write": "contacts:write",
  "journeys:read": "journeys:read",
  "journeys:write": "journeys:write",
  "workflows:read": "workflows:read",
  "workflows:write": "workflows:write",
  // An integrator's approval tool may decide approval steps.
  "workflows:approve": "workflows:write",
  // A key never mints or revokes keys: a leaked key must not be able to entrench itself.
  "api_keys:manage": null,
};

export const scopesAllow = (scopes: readonly string[], permission: Permission): boolean => {
  const needed = SCOPE_FOR[permission];
  if (needed === null) return false;
  // Writing a resource includes reading it.
  return (
    scopes.includes(needed) ||
    (needed.endsWith(":read") && scopes.includes(needed.replace(/:read$/, ":write")))
  );
};
