import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";

type Option = { value: string; label: string };

type TextProps = {
  id: string;
  placeholder?: string;
  autoComplete?: string;
  value: string;
  onChange: (value: string) => void;
};

/** A labelled text box of a filter bar; the caller debounces the value it queries with. */
export function FilterText({ id, label, type, ...input }: TextProps & { label: string; type?: "search" }) {
  return (
    <FormField id={id} label={label}>
      <TextInput id={id} type={type} {...input} onChange={(event) => input.onChange(event.target.value)} />
    </FormField>
  );
}

/** The "Search" box of a filter bar. */
export function SearchField(props: TextProps) {
  return <FilterText label="Search" type="search" {...props} />;
}

/** A labelled select of a filter bar; `anyLabel` names the first, empty option (no filter). */
export function FilterSelect<T extends string>({
  id,
  label,
  anyLabel,
  options,
  value,
  onChange,
}: {
  id: string;
  label: string;
  anyLabel?: string;
  options: readonly Option[];
  value: T | "";
  onChange: (value: T | "") => void;
}) {
  return (
    <FormField id={id} label={label}>
      <SelectInput id={id} value={value} onChange={(event) => onChange(event.target.value as T | "")}>
        {anyLabel === undefined ? null : <option value="">{anyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectInput>
    </FormField>
  );
}
