// The GraphQL documents of the workflow definitions pages (list, detail, lifecycle, start).
import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

const WorkflowProblemFields = graphql(`
  fragment WorkflowProblemFields on WorkflowProblem @_unmask {
    stepId
    field
    code
    message
  }
`);

/** One page of definitions: the newest version of each name, with its problems. */
export const WorkflowDefinitionListQuery = graphql(
  `
  query WorkflowDefinitionList($first: Int, $after: String, $filter: WorkflowDefinitionFilter) {
    workflowDefinitions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        version
        description
        status
        updatedAt
        problems {
          ...WorkflowProblemFields
        }
      }
    }
  }
`,
  [WorkflowProblemFields],
);

/** Definitions to pick from (instance filter, start a schedule): the newest version of each name. */
export const WorkflowDefinitionOptionsQuery = graphql(`
  query WorkflowDefinitionOptions {
    workflowDefinitions(first: 100) {
      nodes {
        id
        name
        version
        status
        versions {
          id
          version
          status
        }
      }
    }
  }
`);

/** A definition with its JSON, its problems and the other versions of its name. */
export const WorkflowDefinitionQuery = graphql(
  `
  query WorkflowDefinition($id: ID!) {
    workflowDefinition(id: $id) {
      id
      name
      version
      description
      status
      definition
      createdAt
      updatedAt
      activatedAt
      deprecatedAt
      problems {
        ...WorkflowProblemFields
      }
      versions {
        id
        version
        status
        createdAt
      }
    }
  }
`,
  [WorkflowProblemFields],
);

export const CreateWorkflowDefinitionMutation = graphql(
  `
  mutation CreateWorkflowDefinition($input: CreateWorkflowDefinitionInput!) {
    createWorkflowDefinition(input: $input) {
      definition {
        id
      }
      problems {
        ...WorkflowProblemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, WorkflowProblemFields],
);

export const UpdateWorkflowDefinitionMutation = graphql(
  `
  mutation UpdateWorkflowDefinition($input: UpdateWorkflowDefinitionInput!) {
    updateWorkflowDefinition(input: $input) {
      definition {
        id
        description
        definition
        updatedAt
      }
      problems {
        ...WorkflowProblemFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields, WorkflowProblemFields],
);

export const CreateWorkflowVersionMutation = graphql(
  `
  mutation CreateWorkflowVersion($input: CreateWorkflowVersionInput!) {
    createWorkflowVersion(input: $input) {
      definition {
        id
        version
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const ActivateWorkflowDefinitionMutation = graphql(
  `
  mutation ActivateWorkflowDefinition($input: ActivateWorkflowDefinitionInput!) {
    activateWorkflowDefinition(input: $input) {
      definition {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const DeprecateWorkflowDefinitionMutation = graphql(
  `
  mutation DeprecateWorkflowDefinition($input: DeprecateWorkflowDefinitionInput!) {
    deprecateWorkflowDefinition(input: $input) {
      definition {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const ArchiveWorkflowDefinitionMutation = graphql(
  `
  mutation ArchiveWorkflowDefinition($input: ArchiveWorkflowDefinitionInput!) {
    archiveWorkflowDefinition(input: $input) {
      definition {
        id
        status
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const DeleteWorkflowDefinitionMutation = graphql(
  `
  mutation DeleteWorkflowDefinition($input: DeleteWorkflowDefinitionInput!) {
    deleteWorkflowDefinition(input: $input) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const StartWorkflowMutation = graphql(
  `
  mutation StartWorkflow($input: StartWorkflowInput!) {
    startWorkflow(input: $input) {
      instance {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

/** The queries that change when a definition does: refresh them after every definition mutation. */
export const DEFINITION_QUERIES = [
  "WorkflowDefinitionList",
  "WorkflowDefinitionOptions",
  "WorkflowDefinition",
] as const;
