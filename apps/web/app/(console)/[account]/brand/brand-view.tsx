"use client";

import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { BrandForm } from "./brand-form";
import { BrandHistory } from "./brand-history";
import { BrandDnaQuery } from "./brand-operations";
import { canEditBrand } from "./brand-profile";

export function BrandView() {
  const { account } = useConsole();
  const canEdit = canEditBrand(account?.viewerRole);
  const brand = useAccountQuery(BrandDnaQuery, {});
  // Remounting the form loads the profile's current values and version into it.
  const [formLoad, setFormLoad] = useState(0);

  async function reload() {
    await brand.refetch();
    setFormLoad((n) => n + 1);
  }

  return (
    <>
      <PageHeader
        title="Brand DNA"
        description="Who the brand is and how it speaks: every campaign and post starts from this profile."
      />
      {brand.isPending ? (
        <LoadingState label="Loading brand DNA…" />
      ) : brand.isError ? (
        <ErrorState error={brand.error} onRetry={() => brand.refetch()} />
      ) : (
        <>
          <Panel title="Profile">
            <BrandForm key={formLoad} brand={brand.data.brandDna} canEdit={canEdit} onReload={reload} />
          </Panel>
          <Panel title="History">
            <BrandHistory brand={brand.data.brandDna} canEdit={canEdit} onRestored={reload} />
          </Panel>
        </>
      )}
    </>
  );
}
