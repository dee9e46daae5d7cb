import type { ReactNode } from "react";
import { formatInZone } from "@/components/campaigns/zoned-time";
import { formatDateTime, formatMoney, formatTokens } from "@/components/ui/format";
import { type CampaignDetail, TYPE_LABELS } from "../campaign-model";
import { CampaignTags } from "../campaign-tags";

/** What the campaign is: its fields, dates on its own clock. */
export function CampaignFacts({ campaign }: { campaign: CampaignDetail }) {
  const zone = campaign.timeZone;
  return (
    <dl className="grid gap-x-6 gap-y-4 p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Fact label="Type">{TYPE_LABELS[campaign.type]}</Fact>
      <Fact label="Starts">{campaign.startsAt ? formatInZone(campaign.startsAt, zone) : "Not planned"}</Fact>
      <Fact label="Ends">{campaign.endsAt ? formatInZone(campaign.endsAt, zone) : "Not planned"}</Fact>
      <Fact label="Time zone">{zone}</Fact>
      <Fact label="Token budget">
        {campaign.budgetTokens === null ? "None" : `${formatTokens(campaign.budgetTokens)} tokens`}
      </Fact>
      <Fact label="Money budget">
        {campaign.budgetMinor === null || !campaign.budgetCurrency
          ? "None"
          : formatMoney(campaign.budgetMinor, campaign.budgetCurrency)}
      </Fact>
      <Fact label="Tags">
        <CampaignTags tags={campaign.tags} />
      </Fact>
      <Fact label="Created">
        {formatDateTime(campaign.createdAt)}
        {campaign.createdBy ? ` by ${campaign.createdBy.name}` : ""}
      </Fact>
      <Fact label="Updated">
        {formatDateTime(campaign.updatedAt)} (version {campaign.version})
      </Fact>
      <Fact label="Description" wide>
        {campaign.description ? (
          <p className="whitespace-pre-line">{campaign.description}</p>
        ) : (
          <span className="text-zinc-400">No description.</span>
        )}
      </Fact>
      <Fact label="Objectives" wide>
        {campaign.objectives.length > 0 ? (
          <ul className="list-disc space-y-0.5 pl-5">
            {campaign.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        ) : (
          <span className="text-zinc-400">No objectives yet.</span>
        )}
      </Fact>
    </dl>
  );
}

function Fact({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-1 text-zinc-800">{children}</dd>
    </div>
  );
}
