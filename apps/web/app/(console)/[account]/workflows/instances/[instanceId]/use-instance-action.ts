// Runs one instance mutation from the page: shows its first userError (or the failure), then
// refreshes the instance and the list either way (a refused action often means it moved on).
"use client";

import { useState } from "react";
import { useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { INSTANCE_QUERIES } from "../instance-operations";

type Payload = { userErrors: readonly { code: string; message: string }[] };

export function useInstanceAction() {
  const refresh = useRefreshAccountQueries();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  async function run(what: string, action: () => Promise<Payload>, done: string): Promise<boolean> {
    setBusy(what);
    setMessage(null);
    let ok = false;
    try {
      const { userErrors } = await action();
      if (userErrors[0]) {
        setMessage({
          tone: "error",
          text:
            userErrors[0].code === "CONFLICT"
              ? "The instance changed meanwhile: look at its new state and try again."
              : userErrors[0].message,
        });
      } else {
        setMessage({ tone: "success", text: done });
        ok = true;
      }
    } catch (failure) {
      setMessage({ tone: "error", text: failure instanceof Error ? failure.message : "The request failed." });
    } finally {
      setBusy(null);
    }
    await refresh(INSTANCE_QUERIES);
    return ok;
  }

  return { busy, message, run };
}
