"use client";

import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { JourneyFilters, type JourneyFilterValues, NO_JOURNEY_FILTER } from "./journey-filters";
import { canEditJourneys } from "./journey-model";
import { JourneysTable } from "./journeys-table";
import { NewJourneyButton } from "./new-journey-dialog";

/** The journeys list with its filters and the "New journey" button. */
export function JourneysView() {
  const { account } = useConsole();
  const canEdit = canEditJourneys(account?.viewerRole);
  const [filter, setFilter] = useState<JourneyFilterValues>(NO_JOURNEY_FILTER);

  return (
    <>
      <PageHeader
        title="Journeys"
        description="Automated paths that take each contact through messages, waits and decisions."
      >
        {canEdit ? <NewJourneyButton /> : null}
      </PageHeader>
      {canEdit ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read journeys; owners, admins and members build and run them.
        </p>
      )}
      <Panel>
        <JourneyFilters onChange={setFilter} />
        <JourneysTable filter={filter} newJourney={canEdit ? <NewJourneyButton size="sm" /> : null} />
      </Panel>
    </>
  );
}
