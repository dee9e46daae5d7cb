import { graphql } from "@/lib/graphql/graphql";

export const InvoiceQuery = graphql(`
  query Invoice($id: ID!) {
    invoice(id: $id) {
      id
      formattedNumber
      status
      currency
      subtotalMinor
      discountMinor
      promoCode
      taxMinor
      totalMinor
      billedName
      issuedAt
      paidAt
      voidedAt
      items {
        description
        quantity
        unitPriceMinor
        amountMinor
        tokens
        bonusTokens
      }
      payments {
        id
        provider
        status
        amountMinor
        currency
        confirmedAt
        createdAt
      }
    }
  }
`);
