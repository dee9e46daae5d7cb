// An admin action on the health page (cancel a backend, ANALYZE, reset statistics): runs the
// mutation, keeps its userError beside the control that started it, reports success to the page's
// status region, and reloads the report either way (the action changed what it shows).
"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { HEALTH_QUERIES } from "@/app/admin/health/health-operations";
import { viewerQueryKey } from "@/lib/graphql/use-graphql";

interface Payload {
  userErrors: readonly { message: string }[];
}

export type Notify = (message: string) => void;

export function useHealthAction(notify: Notify) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});

  function setError(key: string, message: string | undefined) {
    setErrors(({ [key]: _previous, ...rest }) => (message ? { ...rest, [key]: message } : rest));
  }

  /** `key` names the control (e.g. "cancel-4711"), so its error shows next to it. */
  async function run(
    key: string,
    action: () => Promise<Payload>,
    success: string,
    failureMessage: string,
  ): Promise<void> {
    setError(key, undefined);
    try {
      const { userErrors } = await action();
      if (userErrors[0]) setError(key, userErrors[0].message);
      else notify(success);
    } catch (failure) {
      setError(key, failure instanceof Error ? failure.message : failureMessage);
    }
    await Promise.all(
      HEALTH_QUERIES.map((name) => queryClient.invalidateQueries({ queryKey: viewerQueryKey(name) })),
    );
  }

  return { run, errorFor: (key: string): string | undefined => errors[key] };
}
