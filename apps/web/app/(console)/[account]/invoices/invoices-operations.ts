import { graphql } from "@/lib/graphql/graphql";

export const InvoicesQuery = graphql(`
  query Invoices($first: Int, $after: String) {
    invoices(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        formattedNumber
        status
        totalMinor
        currency
        issuedAt
        paidAt
      }
    }
  }
`);
