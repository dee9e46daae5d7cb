import { graphql } from "@/lib/graphql/graphql";

export const PendingManualPaymentsQuery = graphql(`
  query PendingManualPayments {
    pendingManualPayments {
      paymentId
      accountId
      accountName
      formattedInvoiceNumber
      amountMinor
      currency
      createdAt
    }
  }
`);

export const ConfirmManualPaymentMutation = graphql(`
  mutation ConfirmManualPayment($input: ConfirmManualPaymentInput!) {
    confirmManualPayment(input: $input) {
      payment {
        id
        status
      }
      invoice {
        id
        formattedNumber
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);
