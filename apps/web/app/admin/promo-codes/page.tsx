import type { Metadata } from "next";
import { PromoCodesView } from "./promo-codes-view";

export const metadata: Metadata = { title: "Promo codes" };

export default function AdminPromoCodesPage() {
  return <PromoCodesView />;
}
