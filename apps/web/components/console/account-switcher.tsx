"use client";

import { Menu, MenuButton, MenuItem, MenuItems } from "@headlessui/react";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { orderAccountsForSwitcher } from "@/lib/identity/order-accounts";
import { SWITCHER_ACCOUNTS_KEY, SwitcherAccountsQuery } from "./console-queries";

/** Lists every account the user may act in; choosing one opens its overview. */
export function AccountSwitcher({ currentSlug, currentName }: { currentSlug: string; currentName?: string }) {
  const accounts = useQuery({
    queryKey: SWITCHER_ACCOUNTS_KEY,
    queryFn: () => requestGraphQL(SwitcherAccountsQuery, {}, "viewer"),
  });
  const entries = orderAccountsForSwitcher(accounts.data?.accounts ?? []);

  return (
    <Menu as="div" className="relative">
      <MenuButton className="flex w-full items-center justify-between gap-2 rounded-md bg-zinc-800 px-3 py-2 text-left text-sm text-white hover:bg-zinc-700">
        <span className="min-w-0">
          <span className="block text-[11px] font-medium tracking-wide text-zinc-400 uppercase">
            Switch account
          </span>
          <span className="block truncate font-medium">{currentName ?? currentSlug}</span>
        </span>
        <span aria-hidden="true" className="text-zinc-400">
          ▾
        </span>
      </MenuButton>
      <MenuItems
        anchor="bottom start"
        className="z-40 mt-1 w-64 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 focus:outline-none"
      >
        {accounts.isPending ? (
          <div className="px-3 py-2 text-sm text-zinc-500">Loading accounts…</div>
        ) : accounts.isError ? (
          <div className="px-3 py-2 text-sm text-red-700">Could not load accounts.</div>
        ) : (
          entries.map(({ account, depth }) => (
            <MenuItem key={account.id}>
              <Link
                href={`/${account.slug}`}
                aria-current={account.slug === currentSlug ? "true" : undefined}
                className={`flex items-center justify-between gap-2 rounded px-3 py-2 text-sm text-zinc-800 data-focus:bg-accent-50 data-focus:text-accent-700 ${depth === 1 ? "pl-7" : "font-medium"}`}
              >
                <span className="truncate">{account.name}</span>
                {account.slug === currentSlug ? (
                  <span aria-hidden="true" className="text-accent-600">
                    ✓
                  </span>
                ) : null}
              </Link>
            </MenuItem>
          ))
        )}
      </MenuItems>
    </Menu>
  );
}
