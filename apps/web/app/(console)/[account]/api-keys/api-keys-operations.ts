import { graphql } from "@/lib/graphql/graphql";

export const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys(first: 100) {
      totalCount
      nodes {
        id
        name
        prefix
        scopes
        status
        expiresAt
        lastUsedAt
        revokedAt
        createdAt
        createdBy {
          id
          name
        }
      }
    }
  }
`);

export const ApiScopesQuery = graphql(`
  query ApiScopes {
    apiScopes
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        id
        name
        prefix
      }
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        status
        revokedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
