"use client";

import Link from "next/link";
import { formatTokens } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { walletPath } from "./content-paths";
import type {
  ContentGenerationQuoteQuery,
  ContentWalletQuery,
  GenerationProviderQuery,
} from "./generation-operations";

type Quote = ResultOf<typeof ContentGenerationQuoteQuery>["contentGenerationQuote"];
type Wallet = ResultOf<typeof ContentWalletQuery>["wallet"];
type Provider = ResultOf<typeof GenerationProviderQuery>["generationProvider"];

/**
 * Who writes the drafts, what they may cost and what the wallet holds, shown before the
 * generation is confirmed. The offline provider is named as what it is: templates, not an AI.
 */
export function GenerationCost({
  provider,
  quote,
  wallet,
  failed,
}: {
  provider: Provider | undefined;
  quote: Quote | undefined;
  wallet: Wallet | undefined;
  /** The cost or the wallet could not be loaded: nothing can be confirmed. */
  failed?: boolean;
}) {
  const accountSlug = useAccountSlug();
  const short = quote && wallet ? wallet.available < quote.tokens : false;
  return (
    <section aria-label="Cost" className="space-y-2 rounded-md bg-zinc-50 p-3 text-sm text-zinc-700">
      <p>
        <span className="font-medium text-zinc-900">Written by: </span>
        <span data-testid="generation-provider">{provider?.label ?? "…"}</span>
        {provider && !provider.offline && provider.model ? (
          <span className="text-zinc-500"> ({provider.model})</span>
        ) : null}
      </p>
      {provider?.offline ? (
        <p className="text-xs text-zinc-500">
          No AI is involved: drafts are composed from templates and your brand DNA.
        </p>
      ) : null}
      {failed ? (
        <p role="alert" className="text-red-700">
          Could not load the cost or the wallet. Close the dialog and try again.
        </p>
      ) : null}
      {quote === null ? (
        <p role="alert" className="text-red-700">
          Content generation is not offered to this account right now.
        </p>
      ) : (
        <p>
          <span className="font-medium text-zinc-900">Cost: </span>
          <span data-testid="generation-cost">
            {quote ? `up to ${formatTokens(quote.tokens)} tokens` : "…"}
          </span>
          {quote ? (
            <span className="block text-xs text-zinc-500">
              {quote.units} {quote.units === 1 ? "unit" : "units"} of {formatTokens(quote.wordsPerUnit)} words
              {quote.markupTokens > 0
                ? `, ${formatTokens(quote.markupTokens)} tokens of it agency markup`
                : ""}
              . These tokens are held while the drafts are written; you pay for what is written and the rest
              is released.
            </span>
          ) : null}
        </p>
      )}
      <p>
        <span className="font-medium text-zinc-900">Wallet: </span>
        <span data-testid="wallet-available">
          {wallet ? `${formatTokens(wallet.available)} tokens available` : "…"}
        </span>
      </p>
      {short ? (
        <p role="alert" className="text-red-700">
          Not enough tokens for these drafts.{" "}
          <Link href={walletPath(accountSlug)} className="font-medium underline">
            Top up the wallet
          </Link>
        </p>
      ) : null}
    </section>
  );
}
