// The GraphQL documents of the performance page: hourly numbers from the materialized view, and
// refreshing that view on demand.
import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

export const WorkflowStatsQuery = graphql(`
  query WorkflowStats($filter: WorkflowStatsFilter) {
    workflowStats(filter: $filter) {
      hour
      finished
      completed
      failed
      cancelled
      avgDurationMs
      p95DurationMs
      successRate
      definition {
        id
        name
        version
      }
    }
  }
`);

export const RefreshWorkflowStatsMutation = graphql(
  `
  mutation RefreshWorkflowStats {
    refreshWorkflowStats {
      refreshedAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);
