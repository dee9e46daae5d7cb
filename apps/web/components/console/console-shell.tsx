"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { AccountSwitcher } from "./account-switcher";
import { ConsoleProvider, type ConsoleUser } from "./console-context";
import { CurrentAccountQuery } from "./console-queries";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/** The console frame around every `/[account]` page: sidebar, switcher, user menu. */
export function ConsoleShell({
  accountSlug,
  user,
  children,
}: {
  accountSlug: string;
  user: ConsoleUser;
  children: ReactNode;
}) {
  const current = useAccountQuery(CurrentAccountQuery, {});
  const account = current.data?.account;

  return (
    <ConsoleProvider value={{ user, account }}>
      {/* Printing (an invoice) shows the page's content only, without the console around it. */}
      <div className="flex min-h-screen print:block print:min-h-0">
        <aside className="flex w-64 shrink-0 flex-col gap-6 bg-zinc-900 px-3 py-4 print:hidden">
          <Link href="/" className="px-3 text-base font-semibold tracking-tight text-white">
            Markettina
          </Link>
          <AccountSwitcher currentSlug={accountSlug} currentName={account?.name} />
          <SidebarNav
            accountSlug={accountSlug}
            isAgency={account?.kind === "AGENCY"}
            role={account?.viewerRole}
            isPlatformAdmin={user.isPlatformAdmin}
          />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center justify-between border-b border-zinc-200 bg-white px-6 print:hidden">
            <p className="truncate text-sm text-zinc-500">{account ? account.name : accountSlug}</p>
            <UserMenu user={user} />
          </header>
          <main className="flex-1 px-6 py-8 print:p-0">
            <div className="mx-auto max-w-6xl print:max-w-none">
              {current.isPending ? (
                <LoadingState label="Loading account…" />
              ) : current.isError ? (
                <>
                  <ErrorState error={current.error} onRetry={() => current.refetch()} />
                  <Link href="/" className="ml-4 text-sm text-accent-700 hover:underline">
                    Go to your accounts
                  </Link>
                </>
              ) : (
                children
              )}
            </div>
          </main>
        </div>
      </div>
    </ConsoleProvider>
  );
}
