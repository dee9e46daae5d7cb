import { graphql } from "@/lib/graphql/graphql";

const UserErrorFields = graphql(`
  fragment ConnectorUserError on UserError @_unmask {
    field
    code
    message
  }
`);

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
        ...ConnectorUserError
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
        ...ConnectorUserError
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
        ...ConnectorUserError
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
        ...ConnectorUserError
      }
    }
  }
`,
  [UserErrorFields],
);
