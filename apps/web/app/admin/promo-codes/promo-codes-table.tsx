"use client";

import { CatalogTable } from "@/components/admin/catalog-table";
import { useToggleActive } from "@/components/admin/use-toggle-active";
import { Td, Th } from "@/components/ui/data-table";
import { formatDate, formatTokens } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerQuery } from "@/lib/graphql/use-graphql";
import { AdminPromoCodesQuery, UpdatePromoCodeMutation } from "./promo-codes-operations";

export type PromoCode = ResultOf<typeof AdminPromoCodesQuery>["promoCodes"][number];

function valueLabel(promoCode: PromoCode): string {
  return promoCode.kind === "BONUS_TOKENS"
    ? `${formatTokens(promoCode.value)} tokens`
    : `${promoCode.value} % off`;
}

function validity(promoCode: PromoCode): string {
  if (!promoCode.validFrom && !promoCode.validUntil) return "Always";
  if (!promoCode.validUntil) return `From ${formatDate(promoCode.validFrom)}`;
  if (!promoCode.validFrom) return `Until ${formatDate(promoCode.validUntil)}`;
  return `${formatDate(promoCode.validFrom)} – ${formatDate(promoCode.validUntil)}`;
}

export function PromoCodesTable({ onEdit }: { onEdit: (promoCode: PromoCode) => void }) {
  const promoCodes = useViewerQuery(AdminPromoCodesQuery, {});
  const toggle = useToggleActive(UpdatePromoCodeMutation, {
    payloadOf: (result) => result.updatePromoCode,
    listQuery: "AdminPromoCodes",
    failure: "Could not change the promo code.",
  });

  return (
    <CatalogTable
      query={promoCodes}
      items={(data) => data.promoCodes}
      loadingLabel="Loading promo codes…"
      empty={<EmptyState title="No promo codes yet" />}
      caption="Promo codes"
      columns={
        <>
          <Th>Code</Th>
          <Th>Gives</Th>
          <Th className="text-right">Redemptions</Th>
          <Th>Valid</Th>
        </>
      }
      cells={(promoCode) => (
        <>
          <Td className="font-mono text-xs font-medium text-zinc-900">
            {promoCode.code}
            {promoCode.description ? (
              <span className="block font-sans font-normal text-zinc-500">{promoCode.description}</span>
            ) : null}
          </Td>
          <Td>{valueLabel(promoCode)}</Td>
          <Td className="text-right tabular-nums">
            {promoCode.redemptionCount}
            {promoCode.maxRedemptions === null ? "" : ` / ${promoCode.maxRedemptions}`}
          </Td>
          <Td>{validity(promoCode)}</Td>
        </>
      )}
      nameOf={(promoCode) => promoCode.code}
      onEdit={onEdit}
      toggle={toggle}
    />
  );
}
