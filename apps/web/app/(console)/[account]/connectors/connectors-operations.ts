import { graphql } from "@/lib/graphql/graphql";
import { UserErrorFields } from "@/lib/graphql/user-error-fields";

export const ConnectorsQuery = graphql(`
  query Connectors {
    connectors(first: 100) {
      totalCount
      nodes {
        id
        kind
        name
        config
        enabled
        createdAt
        updatedAt
      }
    }
  }
`);

export const CreateConnectorMutation = graphql(
  `
  mutation CreateConnector($input: CreateConnectorInput!) {
    createConnector(input: $input) {
      connector {
        id
        name
        kind
      }
      signingSecret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const UpdateConnectorMutation = graphql(
  `
  mutation UpdateConnector($input: UpdateConnectorInput!) {
    updateConnector(input: $input) {
      connector {
        id
        name
        config
        enabled
        updatedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const RotateConnectorSecretMutation = graphql(
  `
  mutation RotateConnectorSecret($input: RotateConnectorSecretInput!) {
    rotateConnectorSecret(input: $input) {
      connector {
        id
        name
      }
      signingSecret
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);

export const DeleteConnectorMutation = graphql(
  `
  mutation DeleteConnector($input: DeleteConnectorInput!) {
    deleteConnector(input: $input) {
      deletedConnectorId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`,
  [UserErrorFields],
);
