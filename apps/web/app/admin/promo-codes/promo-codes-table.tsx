"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatDate, formatTokens } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerMutation, useViewerQuery, viewerQueryKey } from "@/lib/graphql/use-graphql";
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
  const update = useViewerMutation(UpdatePromoCodeMutation);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();

  async function setActive(promoCode: PromoCode, active: boolean) {
    setError(undefined);
    try {
      const { updatePromoCode: payload } = await update.mutateAsync({ input: { id: promoCode.id, active } });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the promo code.");
    }
    await queryClient.invalidateQueries({ queryKey: viewerQueryKey("AdminPromoCodes") });
  }

  if (promoCodes.isPending) return <LoadingState label="Loading promo codes…" />;
  if (promoCodes.isError) return <ErrorState error={promoCodes.error} onRetry={() => promoCodes.refetch()} />;
  const nodes = promoCodes.data.promoCodes;
  if (nodes.length === 0) return <EmptyState title="No promo codes yet" />;

  return (
    <>
      <DataTable caption="Promo codes">
        <thead>
          <tr>
            <Th>Code</Th>
            <Th>Gives</Th>
            <Th className="text-right">Redemptions</Th>
            <Th>Valid</Th>
            <Th>Status</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((promoCode) => (
            <tr key={promoCode.id}>
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
              <Td>
                <Badge tone={promoCode.active ? "success" : "neutral"}>
                  {promoCode.active ? "Active" : "Inactive"}
                </Badge>
              </Td>
              <Td className="text-right whitespace-nowrap">
                <div className="flex justify-end gap-2">
                  <Button
                    variant="secondary"
                    size="sm"
                    aria-label={`Edit ${promoCode.code}`}
                    onClick={() => onEdit(promoCode)}
                  >
                    Edit
                  </Button>
                  <Button
                    variant={promoCode.active ? "danger" : "ghost"}
                    size="sm"
                    aria-label={`${promoCode.active ? "Deactivate" : "Activate"} ${promoCode.code}`}
                    disabled={update.isPending}
                    onClick={() => setActive(promoCode, !promoCode.active)}
                  >
                    {promoCode.active ? "Deactivate" : "Activate"}
                  </Button>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="px-4">
        <FieldError message={error} />
      </div>
    </>
  );
}
