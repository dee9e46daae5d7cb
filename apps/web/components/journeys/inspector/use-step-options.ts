// What the step fields pick from: the account's segments (for triggers and conditions) and its
// webhook connectors (for "call webhook"). A definition holds row ids, the API global ids, so the
// options carry the row id.
"use client";

import { useMemo } from "react";
import { SegmentOptionsQuery } from "@/app/(console)/[account]/segments/segments-operations";
import { graphql } from "@/lib/graphql/graphql";
import { rowIdOf } from "@/lib/graphql/row-id";
import { useAccountQuery } from "@/lib/graphql/use-graphql";

export type StepOption = { id: string; name: string; note?: string };

const WebhookConnectorOptionsQuery = graphql(`
  query WebhookConnectorOptions {
    connectors(first: 100, kind: WEBHOOK) {
      nodes {
        id
        name
        enabled
      }
    }
  }
`);

export function useSegmentOptions() {
  const query = useAccountQuery(SegmentOptionsQuery, {}, { staleTime: 60_000 });
  const options = useMemo<StepOption[]>(
    () =>
      (query.data?.segments.nodes ?? []).map((segment) => ({
        id: rowIdOf(segment.id),
        name: segment.name,
        note: segment.kind === "STATIC" ? "static" : undefined,
      })),
    [query.data],
  );
  return { options, isPending: query.isPending, isError: query.isError };
}

export function useWebhookConnectorOptions() {
  const query = useAccountQuery(WebhookConnectorOptionsQuery, {}, { staleTime: 60_000 });
  const options = useMemo<StepOption[]>(
    () =>
      (query.data?.connectors.nodes ?? []).map((connector) => ({
        id: rowIdOf(connector.id),
        name: connector.name,
        note: connector.enabled ? undefined : "disabled",
      })),
    [query.data],
  );
  return { options, isPending: query.isPending, isError: query.isError };
}
