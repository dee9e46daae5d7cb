import { graphql } from "@/lib/graphql/graphql";

export const AdminServicePricingQuery = graphql(`
  query AdminServicePricing {
    allServicePricing {
      id
      serviceCode
      name
      unit
      tokensPerUnit
      active
    }
  }
`);

export const CreateServicePricingMutation = graphql(`
  mutation CreateServicePricing($input: CreateServicePricingInput!) {
    createServicePricing(input: $input) {
      servicePrice {
        id
        serviceCode
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const UpdateServicePricingMutation = graphql(`
  mutation UpdateServicePricing($input: UpdateServicePricingInput!) {
    updateServicePricing(input: $input) {
      servicePrice {
        id
        serviceCode
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
