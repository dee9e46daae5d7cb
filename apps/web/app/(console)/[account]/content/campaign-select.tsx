"use client";

import type { ComponentProps } from "react";
import { SelectInput } from "@/components/ui/form-field";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { ContentCampaignOptionsQuery } from "./content-operations";

type CampaignSelectProps = ComponentProps<typeof SelectInput> & {
  /** The campaign the item is filed under now: listed even once deleted, so the form keeps it. */
  current?: { id: string; name: string } | null;
};

/** The account's live campaigns to file an item under, or none. */
export function CampaignSelect({ current, ...props }: CampaignSelectProps) {
  const campaigns = useAccountQuery(ContentCampaignOptionsQuery, {});
  const options = campaigns.data?.campaigns.nodes ?? [];
  return (
    <SelectInput {...props}>
      <option value="">No campaign</option>
      {current && !options.some((campaign) => campaign.id === current.id) ? (
        <option value={current.id}>{current.name}</option>
      ) : null}
      {options.map((campaign) => (
        <option key={campaign.id} value={campaign.id}>
          {campaign.name}
        </option>
      ))}
    </SelectInput>
  );
}
