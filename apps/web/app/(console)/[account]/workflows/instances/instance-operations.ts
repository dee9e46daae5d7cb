// The GraphQL documents of the instance pages: the filterable list, one instance in full, and
// what can be done to it (cancel, retry from a step, approve or reject a waiting step).
import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

/** One page of instances, newest first, with the list's columns. */
export const WorkflowInstanceListQuery = graphql(`
  query WorkflowInstanceList($first: Int, $after: String, $filter: WorkflowInstanceFilter) {
    workflowInstances(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        priority
        progress
        correlationId
        createdAt
        startedAt
        completedAt
        definition {
          id
          name
          version
        }
      }
    }
  }
`);

/** An instance with its steps (and their attempts), events, variables and compensations. */
export const WorkflowInstanceQuery = graphql(`
  query WorkflowInstance($id: ID!) {
    workflowInstance(id: $id) {
      id
      status
      priority
      input
      result
      error
      progress
      correlationId
      startedAt
      completedAt
      estimatedCompletionAt
      version
      createdAt
      definition {
        id
        name
        version
      }
      parent {
        id
        definition {
          id
          name
        }
      }
      steps {
        id
        stepId
        name
        type
        status
        dependsOn
        executionOrder
        attempts
        maxAttempts
        timeoutSeconds
        parameters
        result
        error
        skipReason
        waitingFor
        nextRunAt
        startedAt
        completedAt
        durationMs
        executions {
          id
          attempt
          status
          startedAt
          completedAt
          durationMs
          error
          worker
        }
      }
      events {
        id
        version
        type
        stepId
        data
        actor
        occurredAt
      }
      variables {
        name
        type
        value
        updatedByStep
        updatedAt
      }
      compensations {
        stepId
        type
        position
        status
        result
        error
        startedAt
        completedAt
      }
    }
  }
`);

const InstanceStateFields = graphql(`
  fragment InstanceStateFields on WorkflowInstance @_unmask {
    id
    status
    version
  }
`);

export const CancelWorkflowMutation = graphql(
  `
  mutation CancelWorkflow($input: CancelWorkflowInput!) {
    cancelWorkflow(input: $input) {
      instance {
        ...InstanceStateFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, InstanceStateFields],
);

export const RetryWorkflowMutation = graphql(
  `
  mutation RetryWorkflow($input: RetryWorkflowInput!) {
    retryWorkflow(input: $input) {
      instance {
        ...InstanceStateFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, InstanceStateFields],
);

export const ApproveStepMutation = graphql(
  `
  mutation ApproveStep($input: ApproveStepInput!) {
    approveStep(input: $input) {
      instance {
        ...InstanceStateFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, InstanceStateFields],
);

export const RejectStepMutation = graphql(
  `
  mutation RejectStep($input: RejectStepInput!) {
    rejectStep(input: $input) {
      instance {
        ...InstanceStateFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, InstanceStateFields],
);

/** The queries that change when an instance does: refresh them after every instance mutation. */
export const INSTANCE_QUERIES = ["WorkflowInstanceList", "WorkflowInstance"] as const;
