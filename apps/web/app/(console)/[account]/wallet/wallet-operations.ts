import { graphql } from "@/lib/graphql/graphql";

export const WalletQuery = graphql(`
  query Wallet {
    wallet {
      id
      balance
      reserved
      available
      currency
      lowBalanceThreshold
      lowBalanceSince
      autoRechargeEnabled
      autoRechargePackageId
      version
    }
  }
`);

export const WalletSpendQuery = graphql(`
  query WalletSpend($days: Int) {
    walletSpend(days: $days) {
      day
      spent
      credited
    }
  }
`);

export const WalletTransactionsQuery = graphql(`
  query WalletTransactions($first: Int, $after: String, $filter: TokenTransactionFilter) {
    transactions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        seq
        type
        amount
        balanceAfter
        serviceCode
        units
        description
        createdAt
      }
    }
  }
`);

export const ServicePricingQuery = graphql(`
  query ServicePricing {
    servicePricing {
      id
      serviceCode
      name
      unit
    }
  }
`);

export const TokenPackagesQuery = graphql(`
  query TokenPackages {
    tokenPackages {
      id
      name
      description
      tokens
      bonusTokens
      priceMinor
      currency
    }
  }
`);

/** Recent invoices, to show purchases still waiting for their payment (billing:manage only). */
export const WalletOpenInvoicesQuery = graphql(`
  query WalletOpenInvoices {
    invoices(first: 20) {
      nodes {
        id
        formattedNumber
        status
        totalMinor
        currency
        issuedAt
        payments {
          id
          provider
          status
          checkoutUrl
        }
      }
    }
  }
`);

export const PurchaseTokenPackageMutation = graphql(`
  mutation PurchaseTokenPackage($input: PurchaseTokenPackageInput!) {
    purchaseTokenPackage(input: $input) {
      checkoutUrl
      invoice {
        id
        formattedNumber
        status
        totalMinor
        currency
      }
      payment {
        id
        provider
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

export const RedeemPromoCodeMutation = graphql(`
  mutation RedeemPromoCode($input: RedeemPromoCodeInput!) {
    redeemPromoCode(input: $input) {
      bonusTokens
      transactionId
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const UpdateWalletSettingsMutation = graphql(`
  mutation UpdateWalletSettings($input: UpdateWalletSettingsInput!) {
    updateWalletSettings(input: $input) {
      wallet {
        id
        lowBalanceThreshold
        lowBalanceSince
        autoRechargeEnabled
        autoRechargePackageId
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** The queries that change when tokens move: refresh them after a purchase, redemption or transfer. */
export const WALLET_QUERIES = ["Wallet", "WalletSpend", "WalletTransactions", "WalletOpenInvoices"] as const;
