// The workflow pages' own navigation: definitions, instances, schedules, performance.
"use client";

import type { Route } from "next";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useAccountSlug } from "@/lib/graphql/use-graphql";

const TABS = [
  { label: "Definitions", path: "" },
  { label: "Instances", path: "/instances" },
  { label: "Schedules", path: "/schedules" },
  { label: "Performance", path: "/performance" },
] as const;

export function WorkflowsTabs() {
  const accountSlug = useAccountSlug();
  const pathname = usePathname();
  const base = `/${accountSlug}/workflows`;
  const current = (path: string) =>
    path === ""
      ? !TABS.some((tab) => tab.path !== "" && pathname.startsWith(`${base}${tab.path}`))
      : pathname.startsWith(`${base}${path}`);

  return (
    <nav aria-label="Workflows" className="mb-6 border-b border-zinc-200">
      <ul className="-mb-px flex flex-wrap gap-4 text-sm">
        {TABS.map((tab) => {
          const active = current(tab.path);
          return (
            <li key={tab.label}>
              <Link
                href={`${base}${tab.path}` as Route}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-1 pb-2 font-medium ${active ? "border-accent-600 text-accent-700" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
