import { graphql } from "@/lib/graphql/graphql";

export const AdminPromoCodesQuery = graphql(`
  query AdminPromoCodes {
    promoCodes {
      id
      code
      description
      kind
      value
      maxRedemptions
      redemptionCount
      validFrom
      validUntil
      active
      createdAt
    }
  }
`);

export const CreatePromoCodeMutation = graphql(`
  mutation CreatePromoCode($input: CreatePromoCodeInput!) {
    createPromoCode(input: $input) {
      promoCode {
        id
        code
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const UpdatePromoCodeMutation = graphql(`
  mutation UpdatePromoCode($input: UpdatePromoCodeInput!) {
    updatePromoCode(input: $input) {
      promoCode {
        id
        code
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
