import { graphql } from "@/lib/graphql/graphql";

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      membership {
        id
        role
        account {
          id
          name
          slug
        }
        user {
          id
          email
          name
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
