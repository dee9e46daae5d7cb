import { graphql } from "@/lib/graphql/graphql";

export const MembersQuery = graphql(`
  query Members {
    memberships(first: 100) {
      totalCount
      nodes {
        id
        role
        createdAt
        user {
          id
          name
          email
        }
      }
    }
  }
`);

export const PendingInvitationsQuery = graphql(`
  query PendingInvitations {
    invitations(first: 100, status: PENDING) {
      totalCount
      nodes {
        id
        email
        role
        expiresAt
        createdAt
        invitedBy {
          id
          name
        }
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
        role
        expiresAt
      }
      inviteUrlPath
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($input: RevokeInvitationInput!) {
    revokeInvitation(input: $input) {
      invitation {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const UpdateMembershipRoleMutation = graphql(`
  mutation UpdateMembershipRole($input: UpdateMembershipRoleInput!) {
    updateMembershipRole(input: $input) {
      membership {
        id
        role
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      removedMembershipId
      userErrors {
        field
        code
        message
      }
    }
  }
`);
