// The foot of a long list that shows its first rows: how many of how many, and a toggle for the rest.
import { Button } from "@/components/ui/button";

export function ShowAll({
  shown,
  total,
  expanded,
  onToggle,
  noun,
}: {
  shown: number;
  total: number;
  expanded: boolean;
  onToggle: () => void;
  noun: string;
}) {
  if (total <= shown && !expanded) return null;
  return (
    <div className="flex items-center justify-between border-t border-zinc-100 px-4 py-3 text-xs text-zinc-500">
      <span>{`Showing ${shown} of ${total} ${noun}`}</span>
      <Button variant="secondary" size="sm" onClick={onToggle} aria-expanded={expanded}>
        {expanded ? "Show fewer" : `Show all ${total}`}
      </Button>
    </div>
  );
}
