// Activate/deactivate for a catalog row: the update mutation, its error, then a refresh of the list.
"use client";

import { useQueryClient } from "@tanstack/react-query";
import type { TadaDocumentNode } from "gql.tada";
import { useState } from "react";
import { useViewerMutation, viewerQueryKey } from "@/lib/graphql/use-graphql";

export type ToggleActive = {
  setActive: (id: string, active: boolean) => Promise<void>;
  isPending: boolean;
  /** The last attempt's userError or failure, shown under the table. */
  error: string | undefined;
};

export function useToggleActive<TResult>(
  document: TadaDocumentNode<TResult, { input: { id: string; active: boolean } }>,
  options: {
    /** The mutation's payload, e.g. `(result) => result.updateTokenPackage`. */
    payloadOf: (result: TResult) => { userErrors: readonly { message: string }[] };
    /** The operation name of the list to refresh afterwards. */
    listQuery: string;
    /** Shown when the request itself fails without a message. */
    failure: string;
  },
): ToggleActive {
  const update = useViewerMutation(document);
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();

  async function setActive(id: string, active: boolean) {
    setError(undefined);
    try {
      const payload = options.payloadOf(await update.mutateAsync({ input: { id, active } }));
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : options.failure);
    }
    // Refreshed either way: a refused change may mean the list is stale.
    await queryClient.invalidateQueries({ queryKey: viewerQueryKey(options.listQuery) });
  }

  return { setActive, isPending: update.isPending, error };
}
