// The GraphQL documents of the schedules page.
import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

const WorkflowScheduleFields = graphql(`
  fragment WorkflowScheduleFields on WorkflowSchedule @_unmask {
    id
    name
    cron
    timeZone
    enabled
    input
    priority
    missedRunPolicy
    nextRunAt
    lastRunAt
    lastStatus
    lastError
    version
    definition {
      id
      name
      version
    }
    lastInstance {
      id
      status
    }
  }
`);

export const WorkflowScheduleListQuery = graphql(
  `
  query WorkflowScheduleList($first: Int, $after: String) {
    workflowSchedules(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...WorkflowScheduleFields
      }
    }
  }
`,
  [WorkflowScheduleFields],
);

export const CreateWorkflowScheduleMutation = graphql(
  `
  mutation CreateWorkflowSchedule($input: CreateWorkflowScheduleInput!) {
    createWorkflowSchedule(input: $input) {
      schedule {
        ...WorkflowScheduleFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, WorkflowScheduleFields],
);

export const UpdateWorkflowScheduleMutation = graphql(
  `
  mutation UpdateWorkflowSchedule($input: UpdateWorkflowScheduleInput!) {
    updateWorkflowSchedule(input: $input) {
      schedule {
        ...WorkflowScheduleFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, WorkflowScheduleFields],
);

export const SetWorkflowScheduleEnabledMutation = graphql(
  `
  mutation SetWorkflowScheduleEnabled($input: SetWorkflowScheduleEnabledInput!) {
    setWorkflowScheduleEnabled(input: $input) {
      schedule {
        ...WorkflowScheduleFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, WorkflowScheduleFields],
);

export const DeleteWorkflowScheduleMutation = graphql(
  `
  mutation DeleteWorkflowSchedule($input: DeleteWorkflowScheduleInput!) {
    deleteWorkflowSchedule(input: $input) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const SCHEDULE_QUERIES = ["WorkflowScheduleList"] as const;
