"use client";

import { CatalogView } from "@/components/admin/catalog-view";
import { PackagesTable, type TokenPackage } from "./packages-table";
import { TokenPackageForm } from "./token-package-form";

export function PackagesView() {
  return (
    <CatalogView<TokenPackage>
      title="Packages"
      description="The token packages every account can buy. Withdraw a package by deactivating it: invoices keep referring to it."
      noun="package"
      panelTitle="Packages"
      nameOf={(tokenPackage) => tokenPackage.name}
      table={(onEdit) => <PackagesTable onEdit={onEdit} />}
      form={(tokenPackage, done) => <TokenPackageForm tokenPackage={tokenPackage} {...done} />}
    />
  );
}
