import { graphql } from "@/lib/graphql/graphql";

/** What a mutation payload's userErrors carry: spread `...UserErrorFields` and pass this document along. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError @_unmask {
    field
    code
    message
  }
`);
