import { graphql } from "@/lib/graphql/graphql";
import { BrandCheckFields } from "./content-operations";

/** Who writes the drafts here, named as the API says (offline: no AI). */
export const GenerationProviderQuery = graphql(`
  query GenerationProvider {
    generationProvider {
      name
      label
      offline
      model
    }
  }
`);

/** What a generation will reserve, shown before it is confirmed; null when the service is off. */
export const ContentGenerationQuoteQuery = graphql(`
  query ContentGenerationQuote($contentType: ContentType!, $channel: PostChannel, $variants: Int) {
    contentGenerationQuote(contentType: $contentType, channel: $channel, variants: $variants) {
      tokens
      baseTokens
      markupTokens
      units
      wordsPerUnit
      maxWords
      variants
      channel
      provider {
        name
        label
        offline
        model
      }
    }
  }
`);

/** The tokens the account can spend now (balance minus what work in flight holds). */
export const ContentWalletQuery = graphql(`
  query ContentWallet {
    wallet {
      id
      balance
      available
    }
  }
`);

export const GenerateContentMutation = graphql(
  `
    mutation GenerateContent($input: GenerateContentInput!) {
      generateContent(input: $input) {
        generation {
          id
          status
          contentType
          channel
          brief
          provider
          offline
          model
          error
          tokensReserved
          tokensCharged
          variants {
            text
            brandCheck {
              ...ContentBrandCheck
            }
          }
          contentItem {
            id
          }
        }
        userErrors {
          field
          code
          message
        }
      }
    }
  `,
  [BrandCheckFields],
);

/** A generation moves tokens: the wallet and the ledger change with it. */
export const GENERATION_QUERIES = ["ContentWallet", "Wallet", "WalletTransactions", "WalletSpend"] as const;
