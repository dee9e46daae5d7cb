"use client";

import { Field, Label, Listbox, ListboxButton, ListboxOption, ListboxOptions } from "@headlessui/react";

export type MultiSelectOption = { value: string; label: string; color?: string };

/** A labelled drop-down where several options may be ticked; none ticked reads as `emptyLabel`. */
export function MultiSelect({
  label,
  options,
  value,
  onChange,
  emptyLabel,
}: {
  label: string;
  options: readonly MultiSelectOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  emptyLabel: string;
}) {
  const chosen = options.filter((option) => value.includes(option.value));
  const summary =
    chosen.length === 0
      ? emptyLabel
      : chosen.length <= 2
        ? chosen.map((option) => option.label).join(", ")
        : `${chosen.length} chosen`;

  return (
    <Field className="min-w-0 space-y-1.5">
      <Label className="block text-sm font-medium text-zinc-800">{label}</Label>
      <Listbox value={[...value]} onChange={onChange} multiple>
        <ListboxButton className="flex w-full items-center justify-between gap-2 rounded-md bg-white px-3 py-2 text-left text-sm text-zinc-900 shadow-sm ring-1 ring-zinc-300 ring-inset focus:ring-2 focus:ring-accent-600 focus:outline-none">
          <span className="truncate">{summary}</span>
          <span aria-hidden="true" className="text-zinc-400">
            ▾
          </span>
        </ListboxButton>
        <ListboxOptions
          anchor="bottom start"
          className="z-40 mt-1 max-h-72 w-(--button-width) min-w-56 overflow-y-auto rounded-md bg-white p-1 shadow-lg ring-1 ring-zinc-200 focus:outline-none"
        >
          {options.length === 0 ? (
            <div className="px-3 py-2 text-sm text-zinc-500">Nothing to choose</div>
          ) : null}
          {options.map((option) => (
            <ListboxOption
              key={option.value}
              value={option.value}
              className="group flex cursor-pointer items-center gap-2 rounded px-3 py-2 text-sm text-zinc-800 data-focus:bg-accent-50"
            >
              <span
                aria-hidden="true"
                className="flex size-4 shrink-0 items-center justify-center rounded border border-zinc-300 text-[10px] text-white group-data-selected:border-accent-600 group-data-selected:bg-accent-600"
              >
                <span className="invisible group-data-selected:visible">✓</span>
              </span>
              {option.color ? (
                <span
                  aria-hidden="true"
                  className="size-3 shrink-0 rounded-sm"
                  style={{ backgroundColor: option.color }}
                />
              ) : null}
              <span className="truncate">{option.label}</span>
            </ListboxOption>
          ))}
        </ListboxOptions>
      </Listbox>
    </Field>
  );
}
