"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import type { ConsoleUser } from "@/components/console/console-context";
import { UserMenu } from "@/components/console/user-menu";

const SECTIONS: { label: string; href: Route }[] = [
  { label: "Database health", href: "/admin/health" },
  { label: "Payments", href: "/admin/payments" },
  { label: "Packages", href: "/admin/packages" },
  { label: "Pricing", href: "/admin/pricing" },
  { label: "Promo codes", href: "/admin/promo-codes" },
];

/** The frame of the platform-admin area: installation-wide pages, outside any account. */
export function AdminShell({ user, children }: { user: ConsoleUser; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-64 shrink-0 flex-col gap-6 bg-zinc-900 px-3 py-4">
        <Link href="/" className="px-3 text-base font-semibold tracking-tight text-white">
          Markettina
        </Link>
        <p className="rounded-md bg-zinc-800 px-3 py-2 text-sm font-medium text-white">Platform admin</p>
        <nav aria-label="Admin" className="text-sm">
          <ul>
            {SECTIONS.map((section) => {
              const active = pathname.startsWith(section.href);
              return (
                <li key={section.href}>
                  <Link
                    href={section.href}
                    aria-current={active ? "page" : undefined}
                    className={`block rounded-md px-3 py-1.5 ${active ? "bg-zinc-800 font-medium text-white" : "text-zinc-300 hover:bg-zinc-800 hover:text-white"}`}
                  >
                    {section.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between border-b border-zinc-200 bg-white px-6">
          <p className="truncate text-sm text-zinc-500">Installation-wide settings</p>
          <UserMenu user={user} />
        </header>
        <main className="flex-1 px-6 py-8">
          <div className="mx-auto max-w-6xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
