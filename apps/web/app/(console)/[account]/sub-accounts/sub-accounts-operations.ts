import { graphql } from "@/lib/graphql/graphql";

export const SubAccountsQuery = graphql(`
  query SubAccounts {
    subAccounts(first: 100) {
      totalCount
      nodes {
        id
        name
        slug
        plan
        status
        createdAt
      }
    }
  }
`);

export const CreateSubAccountMutation = graphql(`
  mutation CreateSubAccount($input: CreateSubAccountInput!) {
    createSubAccount(input: $input) {
      account {
        id
        name
        slug
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

/** Each sub-account's wallet as the agency sees it: balance, this month's spend, markup. */
export const SubAccountWalletsQuery = graphql(`
  query SubAccountWallets {
    subAccountWallets {
      accountId
      name
      slug
      balance
      reserved
      available
      lowBalance
      spentThisMonth
      markupBps
    }
  }
`);

/** What the agency itself can transfer now. */
export const AgencyWalletQuery = graphql(`
  query AgencyWallet {
    wallet {
      id
      available
    }
  }
`);

export const TransferTokensMutation = graphql(`
  mutation TransferTokens($input: TransferTokensInput!) {
    transferTokens(input: $input) {
      outgoing {
        id
        amount
        balanceAfter
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`);

export const SetSubAccountMarkupMutation = graphql(`
  mutation SetSubAccountMarkup($input: SetSubAccountMarkupInput!) {
    setSubAccountMarkup(input: $input) {
      markup {
        id
        markupBps
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

/** Everything a transfer changes: both wallets, the roll-up and the agency's own wallet page. */
export const TRANSFER_QUERIES = [
  "SubAccountWallets",
  "AgencyWallet",
  "Wallet",
  "WalletSpend",
  "WalletTransactions",
] as const;
