// The last cell of a catalog row: Edit, and Activate or Deactivate; `name` labels both for assistive tech.
import { Button } from "@/components/ui/button";
import { Td } from "@/components/ui/data-table";

export function CatalogRowActions({
  name,
  active,
  disabled,
  onEdit,
  onToggle,
}: {
  name: string;
  active: boolean;
  disabled: boolean;
  onEdit: () => void;
  onToggle: () => void;
}) {
  return (
    <Td className="text-right whitespace-nowrap">
      <div className="flex justify-end gap-2">
        <Button variant="secondary" size="sm" aria-label={`Edit ${name}`} onClick={onEdit}>
          Edit
        </Button>
        <Button
          variant={active ? "danger" : "ghost"}
          size="sm"
          aria-label={`${active ? "Deactivate" : "Activate"} ${name}`}
          disabled={disabled}
          onClick={onToggle}
        >
          {active ? "Deactivate" : "Activate"}
        </Button>
      </div>
    </Td>
  );
}
