"use client";

import Link from "next/link";
import { formatTokens } from "@/components/ui/format";
import { ErrorState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { contactPath } from "../contacts/contact-paths";
import type { useSegmentPreview } from "./use-segment-preview";

type Preview = ReturnType<typeof useSegmentPreview>;

/**
 * Who the conditions match right now: the count (announced politely to screen readers as it
 * changes) and a few of the contacts, each linking to its page.
 */
export function SegmentPreviewPanel({ preview }: { preview: Preview }) {
  const accountSlug = useAccountSlug();
  const result = preview.preview;
  const problemCount = result?.problems.length ?? 0;

  return (
    <aside aria-label="Live count" className="border-t border-zinc-200 p-4 lg:border-t-0 lg:border-l">
      {/* Stays in view while a long tree scrolls past it. */}
      <div className="space-y-3 lg:sticky lg:top-4">
        <h2 className="text-sm font-semibold text-zinc-900">Who matches now</h2>
        <div role="status" aria-live="polite" aria-busy={preview.updating || undefined} className="space-y-1">
          {preview.empty ? (
            <p className="text-sm text-zinc-500">Add a condition to see who matches.</p>
          ) : preview.hasLocalProblems ? (
            <p className="text-sm text-zinc-500">Fix the conditions marked in red to see who matches.</p>
          ) : preview.error ? null : !result ? (
            <p className="text-sm text-zinc-500">Counting…</p>
          ) : problemCount > 0 ? (
            <p className="text-sm text-red-700">
              {problemCount === 1 ? "One problem" : `${problemCount} problems`} in the conditions: see the
              rows marked in red.
            </p>
          ) : (
            <p className="text-sm text-zinc-700">
              <span
                data-testid="segment-live-count"
                className="text-2xl font-semibold text-zinc-900 tabular-nums"
              >
                {formatTokens(result.count)}
              </span>{" "}
              {result.count === 1 ? "contact matches" : "contacts match"}
            </p>
          )}
          {preview.updating ? <p className="text-xs text-zinc-500">Updating…</p> : null}
        </div>
        {preview.error ? <ErrorState error={preview.error} onRetry={preview.retry} /> : null}
        {preview.unplacedProblems.length > 0 ? (
          <ul className="space-y-0.5 text-sm text-red-700">
            {preview.unplacedProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        {result &&
        problemCount === 0 &&
        result.sample.length > 0 &&
        !preview.empty &&
        !preview.hasLocalProblems ? (
          <div>
            <h3 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">For example</h3>
            <ul aria-label="Matching contacts" className="mt-1 divide-y divide-zinc-100 text-sm">
              {result.sample.map((contact) => (
                <li key={contact.id} className="py-1.5">
                  <Link
                    href={contactPath(accountSlug, contact.id)}
                    className="font-medium text-zinc-900 hover:underline"
                  >
                    {contact.displayName}
                  </Link>
                  {contact.email && contact.email !== contact.displayName ? (
                    <span className="block text-xs text-zinc-500">{contact.email}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </aside>
  );
}
