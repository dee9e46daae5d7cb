"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { type CampaignDetail, type StatusAction, statusActions } from "../campaign-model";
import { CAMPAIGN_QUERIES, ChangeCampaignStatusMutation } from "../campaigns-operations";

const CONFIRMATIONS: Partial<
  Record<StatusAction["to"], { title: string; description: string; confirm: string }>
> = {
  COMPLETED: {
    title: "Complete this campaign?",
    description: "A completed campaign is finished: it cannot be resumed or edited afterwards.",
    confirm: "Complete campaign",
  },
  CANCELLED: {
    title: "Cancel this campaign?",
    description: "A cancelled campaign is finished: it cannot be resumed or edited afterwards.",
    confirm: "Cancel campaign",
  },
};

/**
 * Only the moves the lifecycle allows from the current status; finishing moves ask first. Each
 * move names the version shown, so a campaign someone else just moved is not moved twice.
 */
export function CampaignStatusActions({ campaign }: { campaign: CampaignDetail }) {
  const change = useAccountMutation(ChangeCampaignStatusMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);
  const actions = statusActions(campaign.status);

  async function move(to: StatusAction["to"]) {
    setError(null);
    try {
      const { changeCampaignStatus: payload } = await change.mutateAsync({
        input: { id: campaign.id, version: campaign.version, status: to },
      });
      const [first] = payload.userErrors;
      if (first) {
        setError(
          first.code === "CONFLICT"
            ? "Someone else changed this campaign meanwhile. It now shows its current state: check it and try again."
            : first.message,
        );
      }
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not change the status.");
    }
    // Either way the page should show the campaign as it now is.
    await refresh(CAMPAIGN_QUERIES);
  }

  if (actions.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        {actions.map((action) => {
          const confirmation = CONFIRMATIONS[action.to];
          return action.confirm && confirmation ? (
            <ConfirmButton
              key={action.to}
              label={action.label}
              title={confirmation.title}
              description={confirmation.description}
              confirmLabel={confirmation.confirm}
              disabled={change.isPending}
              onConfirm={() => move(action.to)}
            />
          ) : (
            <Button
              key={action.to}
              variant={action.to === "PAUSED" ? "secondary" : "primary"}
              size="sm"
              disabled={change.isPending}
              onClick={() => move(action.to)}
            >
              {action.label}
            </Button>
          );
        })}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
