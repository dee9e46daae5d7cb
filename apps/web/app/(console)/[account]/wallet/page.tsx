import type { Metadata } from "next";
import type { CheckoutOutcome } from "./checkout-return-notice";
import { WalletView } from "./wallet-view";

export const metadata: Metadata = { title: "Wallet" };

export default async function WalletPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { checkout } = await searchParams;
  const outcome: CheckoutOutcome | null = checkout === "success" || checkout === "canceled" ? checkout : null;
  return <WalletView checkout={outcome} />;
}
