/** A check box with its label, styled like the console's other filters. */
export function Checkbox({
  label,
  checked,
  onChange,
  className = "",
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  className?: string;
}) {
  return (
    <label className={`flex items-center gap-2 text-sm text-zinc-700 ${className}`}>
      <input
        type="checkbox"
        className="size-4 rounded border-zinc-300 accent-accent-600"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}

/**
 * Several values picked by check boxes under a legend. The chosen values stay in `all`'s order
 * whatever order they were ticked in, so the same choice is always the same filter (and query key).
 */
export function CheckboxGroup<T extends string>({
  legend,
  all,
  labels,
  value,
  onChange,
}: {
  legend: string;
  all: readonly T[];
  labels: Record<T, string>;
  value: readonly T[];
  onChange: (value: T[]) => void;
}) {
  function toggle(item: T, checked: boolean) {
    onChange(checked ? all.filter((v) => v === item || value.includes(v)) : value.filter((v) => v !== item));
  }
  return (
    <fieldset>
      <legend className="text-sm font-medium text-zinc-800">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {all.map((item) => (
          <Checkbox
            key={item}
            label={labels[item]}
            checked={value.includes(item)}
            onChange={(checked) => toggle(item, checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}
