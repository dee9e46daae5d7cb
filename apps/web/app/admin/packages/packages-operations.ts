import { graphql } from "@/lib/graphql/graphql";

export const AdminTokenPackagesQuery = graphql(`
  query AdminTokenPackages {
    tokenPackages(includeInactive: true) {
      id
      name
      description
      tokens
      bonusTokens
      priceMinor
      currency
      active
      sortOrder
    }
  }
`);

export const CreateTokenPackageMutation = graphql(`
  mutation CreateTokenPackage($input: CreateTokenPackageInput!) {
    createTokenPackage(input: $input) {
      tokenPackage {
        id
        name
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const UpdateTokenPackageMutation = graphql(`
  mutation UpdateTokenPackage($input: UpdateTokenPackageInput!) {
    updateTokenPackage(input: $input) {
      tokenPackage {
        id
        name
        active
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
