"use client";

import { Button } from "@/components/ui/button";
import { formatTokens } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import { BrandCheckBadge } from "./content-badges";
import type { GenerateContentMutation } from "./generation-operations";

export type Generation = NonNullable<
  ResultOf<typeof GenerateContentMutation>["generateContent"]["generation"]
>;

/**
 * The drafts of a generation, each with its own brand check, and what it cost. Draft text is
 * shown as text (React escapes it): whatever markup a provider writes is never rendered.
 */
export function GeneratedVariants({
  generation,
  useLabel,
  using,
  onUse,
}: {
  generation: Generation;
  useLabel: string;
  using: boolean;
  onUse: (text: string) => void;
}) {
  if (generation.status === "FAILED") {
    return (
      <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800">
        <p className="font-medium">The drafts could not be written.</p>
        {generation.error ? <p className="mt-1">{generation.error}</p> : null}
        <p className="mt-1">
          Nothing was charged: the {formatTokens(generation.tokensReserved)} tokens held were released.
        </p>
      </div>
    );
  }
  return (
    <section aria-label="Generated drafts" className="space-y-3">
      <p role="status" className="text-sm text-zinc-700">
        {generation.variants.length === 1 ? "1 draft" : `${generation.variants.length} drafts`} written
        {generation.offline ? " offline (no AI)" : ""}: charged {formatTokens(generation.tokensCharged)} of
        the {formatTokens(generation.tokensReserved)} tokens held.
      </p>
      <ol className="space-y-3">
        {generation.variants.map((variant, index) => (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: drafts have no id of their own; the index is their order.
            key={index}
            aria-label={`Draft ${index + 1}`}
            className="space-y-2 rounded-md p-3 ring-1 ring-zinc-200"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-sm font-semibold text-zinc-900">Draft {index + 1}</h3>
              <BrandCheckBadge check={variant.brandCheck} />
            </div>
            <p className="max-h-48 overflow-y-auto text-sm whitespace-pre-wrap text-zinc-800">
              {variant.text}
            </p>
            {variant.brandCheck && variant.brandCheck.issues.length > 0 ? (
              <ul className="list-inside list-disc text-xs text-red-700">
                {variant.brandCheck.issues.map((issue) => (
                  <li key={`${issue.code}-${issue.message}`}>{issue.message}</li>
                ))}
              </ul>
            ) : null}
            <Button
              size="sm"
              variant="secondary"
              disabled={using}
              aria-label={`${useLabel}: draft ${index + 1}`}
              onClick={() => onUse(variant.text)}
            >
              {useLabel}
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}
