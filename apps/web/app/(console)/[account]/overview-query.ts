import { graphql } from "@/lib/graphql/graphql";

export const AccountOverviewQuery = graphql(`
  query AccountOverview {
    account {
      id
      name
      slug
      kind
      plan
      status
      timeZone
      locale
      createdAt
      parentAccount {
        id
        name
        slug
      }
      memberships(first: 1) {
        totalCount
      }
      subAccounts(first: 1) {
        totalCount
      }
    }
  }
`);
