import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A list's filter bar: a row of fields ending in "Clear filters", and below it whatever else the
 * list filters by (a checkbox group). A `search` landmark named by `label`.
 */
export function FilterBar({
  label,
  onClear,
  children,
  below,
}: {
  label: string;
  onClear: () => void;
  children: ReactNode;
  below?: ReactNode;
}) {
  return (
    <search aria-label={label} className="block space-y-4 border-b border-zinc-200 p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)_auto]">
        {children}
        <div className="flex items-end">
          <Button variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      </div>
      {below}
    </search>
  );
}
