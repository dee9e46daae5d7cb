"use client";

import { Button } from "@/components/ui/button";

/** Last-resort boundary for errors thrown while rendering (data errors have their own states). */
export default function RootError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main role="alert" className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-lg font-semibold text-zinc-900">Something went wrong</h1>
      <p className="mt-2 text-sm text-zinc-500">
        {error.digest ? `Reference ${error.digest}` : error.message}
      </p>
      <Button variant="secondary" className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
