// EXPLAIN of a statement from the top-queries list. The server picks the statement by its queryId
// (never text from the browser); ANALYZE runs it only when the operator ticks the box, and then
// read-only, rolled back and under a statement timeout.
"use client";

import { type FormEvent, useId, useState } from "react";
import { ExplainQueryMutation, type TopQuery } from "@/app/admin/health/health-operations";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useViewerMutation } from "@/lib/graphql/use-graphql";

type Plan = NonNullable<ResultOf<typeof ExplainQueryMutation>["explainQuery"]["plan"]>;

function ExplainForm({ query, onClose }: { query: TopQuery; onClose: () => void }) {
  const explain = useViewerMutation(ExplainQueryMutation);
  const analyzeId = useId();
  const [analyze, setAnalyze] = useState(false);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [error, setError] = useState<string | undefined>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      const { explainQuery: payload } = await explain.mutateAsync({
        input: { queryId: query.queryId, analyze },
      });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
      setPlan(payload.plan ?? null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not explain the statement.");
    }
  }

  return (
    <form onSubmit={submit} aria-label="Explain the statement" className="space-y-4">
      <pre className="max-h-32 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-xs whitespace-pre-wrap text-zinc-800">
        {query.query}
      </pre>
      <div className="flex items-start gap-2">
        <input
          id={analyzeId}
          type="checkbox"
          checked={analyze}
          onChange={(event) => setAnalyze(event.target.checked)}
          className="mt-0.5 size-4 rounded border-zinc-300 text-accent-600 focus:ring-accent-600"
        />
        <label htmlFor={analyzeId} className="text-sm text-zinc-800">
          Run with ANALYZE (executes the statement read-only, rolled back, under a timeout)
        </label>
      </div>
      <FieldError message={error} />
      {plan ? (
        <section aria-label="Plan" className="space-y-1">
          <p className="text-xs text-zinc-500">
            {plan.analyzed ? "Executed (ANALYZE): actual times and rows." : "Estimated plan, not executed."}
            {plan.generic ? " Generic plan: the statement's parameters were left unbound." : ""}
          </p>
          <pre className="max-h-96 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs text-zinc-100">
            {plan.plan}
          </pre>
        </section>
      ) : null}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onClose} disabled={explain.isPending}>
          Close
        </Button>
        <Button type="submit" disabled={explain.isPending} data-autofocus>
          {explain.isPending ? "Explaining…" : plan ? "Explain again" : "Explain"}
        </Button>
      </div>
    </form>
  );
}

export function ExplainDialog({ query, onClose }: { query: TopQuery | null; onClose: () => void }) {
  return (
    <Modal
      open={query !== null}
      onClose={onClose}
      title="Explain statement"
      description="The plan PostgreSQL chooses for this statement. EXPLAIN alone does not run it."
    >
      {query ? <ExplainForm key={query.queryId} query={query} onClose={onClose} /> : null}
    </Modal>
  );
}
