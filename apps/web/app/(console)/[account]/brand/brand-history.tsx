"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError, FormField, SelectInput } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountQuery } from "@/lib/graphql/use-graphql";
import { BrandDnaDiffQuery, RestoreBrandDnaVersionMutation } from "./brand-operations";
import { type BrandDna, FIELD_LABELS } from "./brand-profile";

/** Versions newest first, a diff between any two, and restoring an earlier one (as a new version). */
export function BrandHistory({
  brand,
  canEdit,
  onRestored,
}: {
  brand: BrandDna;
  canEdit: boolean;
  onRestored: () => Promise<void>;
}) {
  const restore = useAccountMutation(RestoreBrandDnaVersionMutation);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const versions = brand.versions;

  async function restoreVersion(restoreVersion: number) {
    setRestoreError(null);
    try {
      const { restoreBrandDnaVersion: payload } = await restore.mutateAsync({
        input: { version: brand.version, restoreVersion },
      });
      if (payload.userErrors.length > 0) {
        setRestoreError(
          payload.userErrors.some((error) => error.code === "CONFLICT")
            ? "Changed by someone else — reload the page and try again."
            : payload.userErrors.map((error) => error.message).join(" "),
        );
        return;
      }
      await onRestored();
    } catch (error) {
      setRestoreError(error instanceof Error ? error.message : "Could not restore.");
    }
  }

  return (
    <div className="grid gap-6 p-4 lg:grid-cols-2">
      <div>
        <FieldError message={restoreError ?? undefined} />
        <ol aria-label="Versions" className="divide-y divide-zinc-100">
          {versions.map((entry) => (
            <li
              key={entry.version}
              aria-label={`Version ${entry.version}`}
              className="flex flex-wrap items-center justify-between gap-3 py-3"
            >
              <div className="space-y-0.5">
                <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
                  Version {entry.version}
                  {entry.version === brand.version ? <Badge tone="success">Current</Badge> : null}
                  {entry.restoredFromVersion ? (
                    <Badge tone="accent">restored from v{entry.restoredFromVersion}</Badge>
                  ) : null}
                </p>
                <p className="text-xs text-zinc-500">
                  {entry.createdBy?.name ?? "System"} · {formatDateTime(entry.createdAt)}
                </p>
              </div>
              {canEdit && entry.version !== brand.version ? (
                <ConfirmButton
                  label="Restore this version"
                  ariaLabel={`Restore version ${entry.version}`}
                  title={`Restore version ${entry.version}?`}
                  description={`The brand DNA becomes what it was at version ${entry.version}, saved as a new version. The history keeps every version.`}
                  confirmLabel="Restore"
                  onConfirm={() => restoreVersion(entry.version)}
                />
              ) : null}
            </li>
          ))}
        </ol>
      </div>
      {/* A new version resets the comparison to the two newest. */}
      <VersionDiff key={brand.version} versions={versions.map((entry) => entry.version)} />
    </div>
  );
}

function VersionDiff({ versions }: { versions: number[] }) {
  const [from, setFrom] = useState(versions[1] ?? versions[0] ?? 1);
  const [to, setTo] = useState(versions[0] ?? 1);
  const diff = useAccountQuery(BrandDnaDiffQuery, { from, to }, { enabled: from !== to });

  return (
    <section aria-label="Compare versions" className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <FormField id="brand-diff-from" label="From version">
          <SelectInput
            id="brand-diff-from"
            value={from}
            onChange={(event) => setFrom(Number(event.target.value))}
          >
            {versions.map((version) => (
              <option key={version} value={version}>
                Version {version}
              </option>
            ))}
          </SelectInput>
        </FormField>
        <FormField id="brand-diff-to" label="To version">
          <SelectInput id="brand-diff-to" value={to} onChange={(event) => setTo(Number(event.target.value))}>
            {versions.map((version) => (
              <option key={version} value={version}>
                Version {version}
              </option>
            ))}
          </SelectInput>
        </FormField>
      </div>
      {from === to ? (
        <EmptyState title="Choose two different versions to compare." />
      ) : diff.isPending ? (
        <LoadingState label="Comparing…" />
      ) : diff.isError ? (
        <ErrorState error={diff.error} onRetry={() => diff.refetch()} />
      ) : diff.data.brandDnaDiff.length === 0 ? (
        <EmptyState title="No differences." />
      ) : (
        <table aria-label="Differences" className="w-full text-left text-sm">
          <thead className="text-xs text-zinc-500">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Field
              </th>
              <th scope="col" className="py-1 font-medium">
                Change
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 align-top">
            {diff.data.brandDnaDiff.map((change) => (
              <tr key={change.field}>
                <th scope="row" className="py-2 pr-3 font-medium text-zinc-800">
                  {FIELD_LABELS[change.field] ?? change.field}
                </th>
                <td className="py-2">
                  {Array.isArray(change.added) || Array.isArray(change.removed) ? (
                    <ul className="space-y-0.5">
                      {asList(change.removed).map((entry) => (
                        <li key={`removed-${entry}`} className="text-red-700">
                          <span aria-hidden="true">− </span>
                          <span className="sr-only">Removed: </span>
                          {entry}
                        </li>
                      ))}
                      {asList(change.added).map((entry) => (
                        <li key={`added-${entry}`} className="text-emerald-700">
                          <span aria-hidden="true">+ </span>
                          <span className="sr-only">Added: </span>
                          {entry}
                        </li>
                      ))}
                      {asList(change.removed).length + asList(change.added).length === 0 ? (
                        <li className="text-zinc-500">Reordered</li>
                      ) : null}
                    </ul>
                  ) : (
                    <p>
                      <span className="text-red-700">{describe(change.before)}</span>
                      <span className="text-zinc-400"> → </span>
                      <span className="text-emerald-700">{describe(change.after)}</span>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(describe) : [];
}

/** A diff value in words: strings as they are, colours as "Name #HEX", fonts as "heading / body". */
function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value)) return value.map(describe).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.hex === "string") return `${String(record.name ?? "")} ${record.hex}`.trim();
    if (typeof record.heading === "string") return `${record.heading} / ${String(record.body ?? "")}`;
    if (typeof record.name === "string") return `${record.name}: ${String(record.description ?? "")}`;
  }
  return JSON.stringify(value);
}
