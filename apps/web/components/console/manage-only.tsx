"use client";

import type { ReactNode } from "react";
import { useConsole } from "./console-context";

/** Renders management forms for owners and admins; others see why they are missing. */
export function ManageOnly({ what, children }: { what: string; children: ReactNode }) {
  const { canManage } = useConsole();
  if (canManage) return children;
  return <p className="p-4 text-sm text-zinc-500">Only owners and admins can {what}.</p>;
}
