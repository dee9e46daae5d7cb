import { graphql } from "@/lib/graphql/graphql";

export const SubAccountsQuery = graphql(`
  query SubAccounts {
    subAccounts(first: 100) {
      totalCount
      nodes {
        id
        name
        slug
        plan
        status
        createdAt
      }
    }
  }
`);

export const CreateSubAccountMutation = graphql(`
  mutation CreateSubAccount($input: CreateSubAccountInput!) {
    createSubAccount(input: $input) {
      account {
        id
        name
        slug
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
