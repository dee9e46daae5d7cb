// A one-click action on a listed row (revoke, remove, change role): runs the mutation, shows its
// first userError or the failure, then refreshes the named account queries either way.
"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { accountQueryKey, useAccountSlug } from "./use-graphql";

interface Payload {
  userErrors: readonly { message: string }[];
}

export function useRowAction(refreshQueries: readonly string[]) {
  const accountSlug = useAccountSlug();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | undefined>();

  async function run(action: () => Promise<Payload>, failureMessage: string): Promise<void> {
    setError(undefined);
    try {
      const { userErrors } = await action();
      if (userErrors[0]) setError(userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : failureMessage);
    }
    await Promise.all(
      refreshQueries.map((name) =>
        queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, name) }),
      ),
    );
  }

  return { error, run };
}
