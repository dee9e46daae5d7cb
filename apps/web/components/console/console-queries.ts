// Documents the console frame needs on every page: the current account and the switcher's list.
import { graphql } from "@/lib/graphql/graphql";

export const CurrentAccountQuery = graphql(`
  query CurrentAccount {
    account {
      id
      name
      slug
      kind
      plan
      status
      viewerRole
    }
  }
`);

export const SwitcherAccountsQuery = graphql(`
  query SwitcherAccounts {
    accounts {
      id
      name
      slug
      kind
      parentAccount {
        id
      }
    }
  }
`);

/** Query key of the switcher list (not scoped to an account); invalidate after creating a sub-account. */
export const SWITCHER_ACCOUNTS_KEY = ["viewer", "SwitcherAccounts"] as const;
