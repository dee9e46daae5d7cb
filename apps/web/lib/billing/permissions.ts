// Who may do what with a wallet, as the console shows it (the API enforces the same rules):
// everyone in the account reads it; owners, admins and the billing role buy, redeem and change
// settings; agency owners and admins fund sub-accounts and set their markups.
import type { MembershipRole } from "@/lib/identity/roles";

export function canManageBilling(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN" || role === "BILLING";
}

export function canFundSubAccounts(role: MembershipRole | null | undefined): boolean {
  return role === "OWNER" || role === "ADMIN";
}
