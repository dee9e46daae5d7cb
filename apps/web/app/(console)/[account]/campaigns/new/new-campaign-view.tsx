"use client";

import Link from "next/link";
import { browserTimeZone } from "@/components/campaigns/zoned-time";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/states";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { CampaignForm } from "../campaign-form";
import { canEditCampaigns } from "../campaign-model";
import { campaignsPath } from "../campaign-paths";
import { CampaignAccountTimeZoneQuery } from "../campaigns-operations";

export function NewCampaignView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const zone = useAccountQuery(CampaignAccountTimeZoneQuery, {}, { staleTime: 5 * 60_000 });

  return (
    <>
      <Link href={campaignsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All campaigns
      </Link>
      <PageHeader title="New campaign" description="It starts as a draft; schedule it when it is ready." />
      <Panel>
        {!canEditCampaigns(account?.viewerRole) ? (
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members can create campaigns.</p>
        ) : zone.isPending ? (
          <LoadingState label="Loading…" />
        ) : (
          // The account's zone when known, else the browser's: dates are planned on a real clock.
          <CampaignForm defaultTimeZone={zone.data?.account.timeZone ?? browserTimeZone()} />
        )}
      </Panel>
    </>
  );
}
