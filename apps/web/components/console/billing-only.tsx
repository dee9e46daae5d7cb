"use client";

import type { ReactNode } from "react";
import { canManageBilling } from "@/lib/billing/permissions";
import { useConsole } from "./console-context";

/** Renders billing controls for owners, admins and the billing role; others see why they are missing. */
export function BillingOnly({ what, children }: { what: string; children: ReactNode }) {
  const { account } = useConsole();
  if (canManageBilling(account?.viewerRole)) return children;
  return <p className="p-4 text-sm text-zinc-500">Only owners, admins and billing members can {what}.</p>;
}
