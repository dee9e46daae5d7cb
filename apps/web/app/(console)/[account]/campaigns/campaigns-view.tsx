"use client";

import { Tab, TabGroup, TabList, TabPanel, TabPanels } from "@headlessui/react";
import Link from "next/link";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { CampaignFilters, type CampaignFilterValues, NO_CAMPAIGN_FILTER } from "./campaign-filters";
import { canEditCampaigns } from "./campaign-model";
import { newCampaignPath } from "./campaign-paths";
import { CampaignsTable } from "./campaigns-table";
import { TrashTable } from "./trash-table";

const tabClasses =
  "rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus:outline-none data-focus-visible:ring-2 data-focus-visible:ring-accent-600 data-selected:bg-zinc-900 data-selected:text-white";

/** The campaigns list with its filters, and the trash beside it (same filters, deleted campaigns). */
export function CampaignsView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const canEdit = canEditCampaigns(account?.viewerRole);
  const [filter, setFilter] = useState<CampaignFilterValues>(NO_CAMPAIGN_FILTER);

  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Marketing pushes with their goals, budget and dates; their content and posts hang off them."
      >
        {canEdit ? (
          <Link href={newCampaignPath(accountSlug)} className={buttonClasses("primary")}>
            New campaign
          </Link>
        ) : null}
      </PageHeader>
      {canEdit ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read campaigns; owners, admins and members create and change them.
        </p>
      )}
      <TabGroup>
        <TabList aria-label="Campaign views" className="mb-3 flex gap-2">
          <Tab className={tabClasses}>Campaigns</Tab>
          <Tab className={tabClasses}>Trash</Tab>
        </TabList>
        <Panel>
          <CampaignFilters onChange={setFilter} />
          <TabPanels>
            <TabPanel>
              <CampaignsTable filter={filter} canEdit={canEdit} />
            </TabPanel>
            <TabPanel>
              <TrashTable filter={filter} canEdit={canEdit} />
            </TabPanel>
          </TabPanels>
        </Panel>
      </TabGroup>
    </>
  );
}
