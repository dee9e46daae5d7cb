"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { canManageBilling } from "@/lib/billing/permissions";
import type { MembershipRole } from "@/lib/identity/roles";

type NavLink = { label: string; path: string; agencyOnly?: boolean; billingOnly?: boolean };

// Contexts that are planned but not built yet (no path) are listed, disabled, so the shape of the product shows.
const MARKETING: { label: string; path?: string }[] = [
  { label: "Campaigns", path: "/campaigns" },
  { label: "Content", path: "/content" },
  { label: "Contacts", path: "/contacts" },
  { label: "Segments", path: "/segments" },
  { label: "Journeys", path: "/journeys" },
  { label: "Calendar", path: "/calendar" },
  { label: "Brand DNA", path: "/brand" },
  { label: "Workflows", path: "/workflows" },
];

const BILLING: NavLink[] = [
  { label: "Wallet", path: "/wallet" },
  { label: "Invoices", path: "/invoices", billingOnly: true },
];

const SETTINGS: NavLink[] = [
  { label: "Sub-accounts", path: "/sub-accounts", agencyOnly: true },
  { label: "Members", path: "/members" },
  { label: "Connectors", path: "/connectors" },
  { label: "API keys", path: "/api-keys" },
  { label: "Audit log", path: "/audit-log" },
];

type SidebarNavProps = {
  accountSlug: string;
  isAgency: boolean;
  role: MembershipRole | null | undefined;
  isPlatformAdmin: boolean;
};

export function SidebarNav({ accountSlug, isAgency, role, isPlatformAdmin }: SidebarNavProps) {
  const pathname = usePathname();
  const base = `/${accountSlug}` as Route;
  const settings = SETTINGS.filter((link) => isAgency || !link.agencyOnly);
  const billing = BILLING.filter((link) => canManageBilling(role) || !link.billingOnly);

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
          {MARKETING.map(({ label, path }) => {
            if (path) {
              const href = `${base}${path}` as Route;
              return <NavItem key={label} href={href} label={label} active={pathname.startsWith(href)} />;
            }
            return (
              <li key={label}>
                <span
                  aria-disabled="true"
                  className="flex cursor-not-allowed items-center justify-between rounded-md px-3 py-1.5 text-zinc-500"
                >
                  {label}
                  <span className="rounded bg-zinc-800 px-1.5 py-0.5 text-[10px] text-zinc-400">Soon</span>
                </span>
              </li>
            );
          })}
        </ul>
      </div>
      <NavSection title="Billing" base={base} links={billing} pathname={pathname} />
      <NavSection title="Settings" base={base} links={settings} pathname={pathname} />
      {isPlatformAdmin ? (
        <div>
          <h2 className="px-3 pb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
            Platform
          </h2>
          <ul>
            <NavItem href="/admin" label="Admin" active={false} />
          </ul>
        </div>
      ) : null}
    </nav>
  );
}

function NavSection({
  title,
  base,
  links,
  pathname,
}: {
  title: string;
  base: Route;
  links: NavLink[];
  pathname: string;
}) {
  return (
    <div>
      <h2 className="px-3 pb-1 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">{title}</h2>
      <ul>
        {links.map((link) => {
          const href = `${base}${link.path}` as Route;
          return (
            <NavItem key={link.path} href={href} label={link.label} active={pathname.startsWith(href)} />
          );
        })}
      </ul>
    </div>
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
