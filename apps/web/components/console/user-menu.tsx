"use client";

import { Menu, MenuButton, MenuHeading, MenuItem, MenuItems, MenuSection } from "@headlessui/react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import type { ConsoleUser } from "./console-context";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

export function UserMenu({ user }: { user: ConsoleUser }) {
  return (
    <Menu as="div" className="relative">
      <MenuButton className="flex items-center gap-2 rounded-full py-1 pr-3 pl-1 text-sm text-zinc-700 hover:bg-zinc-100">
        <span
          aria-hidden="true"
          className="flex size-7 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white"
        >
          {initials(user.name || user.email)}
        </span>
        <span className="font-medium">{user.name || user.email}</span>
      </MenuButton>
      <MenuItems
        anchor="bottom end"
        className="z-40 mt-1 w-56 rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 focus:outline-none"
      >
        <MenuSection>
          <MenuHeading className="px-3 py-2 text-xs text-zinc-500">Signed in as {user.email}</MenuHeading>
          {user.isPlatformAdmin ? (
            <MenuItem>
              <Link
                href="/admin"
                className="block rounded px-3 py-2 text-sm text-zinc-800 data-focus:bg-accent-50 data-focus:text-accent-700"
              >
                Platform admin
              </Link>
            </MenuItem>
          ) : null}
          <MenuItem>
            <button
              type="button"
              onClick={() => signOut({ callbackUrl: "/login" })}
              className="w-full rounded px-3 py-2 text-left text-sm text-zinc-800 data-focus:bg-accent-50 data-focus:text-accent-700"
            >
              Sign out
            </button>
          </MenuItem>
        </MenuSection>
      </MenuItems>
    </Menu>
  );
}
