"use client";

import { CatalogView } from "@/components/admin/catalog-view";
import { PromoCodeForm } from "./promo-code-form";
import { type PromoCode, PromoCodesTable } from "./promo-codes-table";

export function PromoCodesView() {
  return (
    <CatalogView<PromoCode>
      title="Promo codes"
      description="Bonus-token codes are redeemed on the wallet page; percent-off codes apply when buying a package. Deactivate a code to stop it."
      noun="promo code"
      panelTitle="Promo codes"
      nameOf={(promoCode) => promoCode.code}
      table={(onEdit) => <PromoCodesTable onEdit={onEdit} />}
      form={(promoCode, done) => <PromoCodeForm promoCode={promoCode} {...done} />}
    />
  );
}
