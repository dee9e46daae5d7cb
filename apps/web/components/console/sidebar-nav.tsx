"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";

type NavLink = { label: string; path: string; agencyOnly?: boolean };

// Contexts that are planned but not built yet are listed, disabled, so the shape of the product shows.
const COMING_SOON = ["Campaigns", "Journeys", "Calendar", "Brand DNA", "Wallet", "Workflows"];

const SETTINGS: NavLink[] = [
  { label: "Sub-accounts", path: "/sub-accounts", agencyOnly: true },
  { label: "Members", path: "/members" },
  { label: "API keys", path: "/api-keys" },
  { label: "Audit log", path: "/audit-log" },
];

export function SidebarNav({ accountSlug, isAgency }: { accountSlug: string; isAgency: boolean }) {
  const pathname = usePathname();
  const base = `/${accountSlug}` as Route;
  const settings = SETTINGS.filter((link) => isAgency || !link.agencyOnly);

  return (
    <nav aria-label="Console" className="space-y-6 text-sm">
      <ul>
        <NavItem href={base} label="Overview" active={pathname === base} />
      </ul>
      <div>
        <h2 className="px-3 pb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
          Marketing
        </h2>
        <ul>
          {COMING_SOON.map((label) => (
            <li key={label}>
              <span
                aria-disabled="true"
                className="flex cursor-not-allowed items-center justify-between rounded-md px-3 py-1.5 text-zinc-500"
              >
                {label}
                <span className="rounded bg-zinc-800 px-1.5 py-0.5 text-[10px] text-zinc-400">Soon</span>
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div>
        <h2 className="px-3 pb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
          Settings
        </h2>
        <ul>
          {settings.map((link) => {
            const href = `${base}${link.path}` as Route;
            return (
              <NavItem key={link.path} href={href} label={link.label} active={pathname.startsWith(href)} />
            );
          })}
        </ul>
      </div>
    </nav>
  );
}

function NavItem({ href, label, active }: { href: Route; label: string; active: boolean }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`block rounded-md px-3 py-1.5 ${active ? "bg-zinc-800 font-medium text-white" : "text-zinc-300 hover:bg-zinc-800 hover:text-white"}`}
      >
        {label}
      </Link>
    </li>
  );
}
