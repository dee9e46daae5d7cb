"use client";

import { Tab, TabGroup, TabList, TabPanel, TabPanels } from "@headlessui/react";
import Link from "next/link";
import { useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { useConsole } from "@/components/console/console-context";
import { Checkbox } from "@/components/filters/checkbox-group";
import { SearchField } from "@/components/filters/filter-fields";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { canReadContent, canWriteContent } from "../content-model";
import { contentPath } from "../content-paths";
import { KIND_LABELS, TEMPLATE_KINDS, type TemplateKind } from "./template-model";
import { newTemplatePath } from "./template-paths";
import { TemplatesTable } from "./templates-table";

const tabClasses =
  "rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus:outline-none data-focus-visible:ring-2 data-focus-visible:ring-accent-600 data-selected:bg-zinc-900 data-selected:text-white";

const TABS: { kind: TemplateKind | ""; label: string }[] = [
  { kind: "", label: "All" },
  ...TEMPLATE_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind] })),
];

/** Content and email templates by kind, with a search and the archived ones a toggle away. */
export function TemplatesView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const role = account?.viewerRole;
  const canWrite = canWriteContent(role);
  const [tab, setTab] = useState(0);
  const [search, setSearch] = useState("");
  const [archived, setArchived] = useState(false);
  const settledSearch = useDebouncedValue(search);
  const filter = { kind: TABS[tab]?.kind ?? "", search: settledSearch, archived };

  return (
    <>
      <Link href={contentPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All content
      </Link>
      <PageHeader
        title="Templates"
        description="Reusable posts and emails with {{variables}}; the content editor starts from them."
      >
        {canWrite ? (
          <Link href={newTemplatePath(accountSlug)} className={buttonClasses("primary")}>
            New template
          </Link>
        ) : null}
      </PageHeader>
      {!canReadContent(role) ? (
        <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">Your role does not include content.</p>
      ) : (
        <>
          {canWrite ? null : (
            <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
              You can read templates; owners, admins and members write them.
            </p>
          )}
          <TabGroup selectedIndex={tab} onChange={setTab}>
            <TabList aria-label="Template kinds" className="mb-3 flex gap-2">
              {TABS.map(({ label }) => (
                <Tab key={label} className={tabClasses}>
                  {label}
                </Tab>
              ))}
            </TabList>
            <Panel>
              <search
                aria-label="Filter templates"
                className="flex flex-wrap items-end gap-4 border-b border-zinc-200 p-4"
              >
                <div className="min-w-64 flex-1">
                  <SearchField
                    id="template-search"
                    placeholder="Part of the name or description"
                    value={search}
                    onChange={setSearch}
                  />
                </div>
                <Checkbox label="Show archived" checked={archived} onChange={setArchived} className="pb-2" />
              </search>
              <TabPanels>
                {TABS.map(({ label }) => (
                  <TabPanel key={label}>
                    <TemplatesTable filter={filter} canWrite={canWrite} />
                  </TabPanel>
                ))}
              </TabPanels>
            </Panel>
          </TabGroup>
        </>
      )}
    </>
  );
}
