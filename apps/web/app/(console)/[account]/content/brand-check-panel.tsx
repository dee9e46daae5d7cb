import { formatDateTime } from "@/components/ui/format";
import { BrandCheckBadge } from "./content-badges";
import type { BrandCheck } from "./content-model";

/**
 * The brand check of the saved version: words the brand avoids and the channel's length. It runs
 * on every save, so unsaved edits are not in it yet (and the page says so).
 */
export function BrandCheckPanel({ check, unsaved }: { check: BrandCheck | null; unsaved: boolean }) {
  return (
    <div data-testid="brand-check" className="space-y-3 p-4 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <BrandCheckBadge check={check} />
        {check ? (
          <span className="text-xs text-zinc-500">
            Against brand DNA version {check.brandDnaVersion}, {formatDateTime(check.checkedAt)}
          </span>
        ) : null}
      </div>
      {check && check.issues.length > 0 ? (
        <ul aria-label="Brand issues" className="list-inside list-disc space-y-1 text-red-700">
          {check.issues.map((issue) => (
            <li key={`${issue.code}-${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : check ? (
        <p className="text-zinc-600">No words the brand avoids, and within the channel's length.</p>
      ) : (
        <p className="text-zinc-600">Save the item to check it against the brand DNA.</p>
      )}
      {unsaved ? (
        <p className="text-xs text-amber-800">
          You have unsaved changes: the check above is of the saved version.
        </p>
      ) : null}
    </div>
  );
}
