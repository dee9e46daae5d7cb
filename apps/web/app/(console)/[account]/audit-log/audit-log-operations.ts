import { graphql } from "@/lib/graphql/graphql";

export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        entityType
        entityId
        actorUser {
          id
          name
          email
        }
        actorApiKey {
          id
          name
          prefix
        }
        before
        after
        ip
        userAgent
        requestId
        createdAt
      }
    }
  }
`);

export const AuditActorsQuery = graphql(`
  query AuditActors {
    memberships(first: 100) {
      nodes {
        id
        user {
          id
          name
          email
        }
      }
    }
  }
`);
