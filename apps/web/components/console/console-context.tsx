"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { ResultOf } from "@/lib/graphql/graphql";
import { canManageAccount } from "@/lib/identity/roles";
import type { CurrentAccountQuery } from "./console-queries";

export type ConsoleUser = { id: string; name: string; email: string; isPlatformAdmin: boolean };
export type CurrentAccount = ResultOf<typeof CurrentAccountQuery>["account"];

type ConsoleContextValue = { user: ConsoleUser; account: CurrentAccount | undefined };

const ConsoleContext = createContext<ConsoleContextValue | null>(null);

export function ConsoleProvider({ value, children }: { value: ConsoleContextValue; children: ReactNode }) {
  return <ConsoleContext value={value}>{children}</ConsoleContext>;
}

export function useConsole(): ConsoleContextValue & { canManage: boolean } {
  const value = useContext(ConsoleContext);
  if (!value) throw new Error("useConsole() must be used inside the console layout");
  return { ...value, canManage: canManageAccount(value.account?.viewerRole, value.user.isPlatformAdmin) };
}
