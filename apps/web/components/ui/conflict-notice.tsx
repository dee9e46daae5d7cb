// What a form shows when its save named a stale version (CONFLICT): someone else saved first, so
// the user reloads to see their change before making theirs again — never a silent overwrite.
import type { ReactNode } from "react";
import { Button } from "./button";

export function ConflictNotice({
  children,
  onReload,
  reloadLabel = "Reload",
}: {
  children: ReactNode;
  onReload?: () => void;
  reloadLabel?: string;
}) {
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900"
    >
      <span>{children}</span>
      {onReload ? (
        <Button variant="secondary" size="sm" onClick={onReload}>
          {reloadLabel}
        </Button>
      ) : null}
    </div>
  );
}
