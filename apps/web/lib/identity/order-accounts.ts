// The account switcher's order: each agency followed by its sub-accounts (indented), then the rest.
type SwitcherAccount = { id: string; name: string; kind: string; parentAccount: { id: string } | null };

export type SwitcherEntry<T> = { account: T; depth: 0 | 1 };

export function orderAccountsForSwitcher<T extends SwitcherAccount>(
  accounts: readonly T[],
): SwitcherEntry<T>[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const ids = new Set(accounts.map((account) => account.id));
  const childrenOf = (parentId: string) =>
    accounts.filter((account) => account.parentAccount?.id === parentId).sort(byName);
  const agencies = accounts.filter((account) => account.kind === "AGENCY").sort(byName);
  // Businesses whose agency the principal cannot see stand on their own.
  const others = accounts
    .filter(
      (account) => account.kind !== "AGENCY" && !(account.parentAccount && ids.has(account.parentAccount.id)),
    )
    .sort(byName);

  const entries: SwitcherEntry<T>[] = [];
  for (const agency of agencies) {
    entries.push({ account: agency, depth: 0 });
    for (const child of childrenOf(agency.id)) entries.push({ account: child, depth: 1 });
  }
  for (const account of others) entries.push({ account, depth: 0 });
  return entries;
}
