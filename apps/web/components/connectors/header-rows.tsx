"use client";

import { type UseFormReturn, useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FieldError, TextInput } from "@/components/ui/form-field";
import { type ConnectorFormValues, HIDDEN_VALUE, MAX_HEADERS } from "./connector-form-input";

/** A webhook's custom headers as name/value rows. Stored values come back hidden (••••••):
 * left as they are, they keep what is stored; typed over, they replace it. */
export function HeaderRows({ form }: { form: UseFormReturn<ConnectorFormValues> }) {
  const rows = useFieldArray({ control: form.control, name: "headers" });
  const errors = form.formState.errors.headers;
  const anyHidden = rows.fields.some((row) => row.value === HIDDEN_VALUE);

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-800">Custom headers (optional)</legend>
      <p className="text-xs text-zinc-500">
        Sent with every delivery, for example an API key the receiver expects.
        {anyHidden ? ` Stored values show as ${HIDDEN_VALUE}: leave them to keep them.` : ""}
      </p>
      {rows.fields.map((row, i) => (
        <div key={row.id} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <div>
            <TextInput
              id={`connector-header-${i}-name`}
              aria-label={`Header ${i + 1} name`}
              placeholder="X-Api-Key"
              autoComplete="off"
              invalid={!!errors?.[i]?.name}
              {...form.register(`headers.${i}.name`)}
            />
            <FieldError id={`connector-header-${i}-name-error`} message={errors?.[i]?.name?.message} />
          </div>
          <div>
            <TextInput
              id={`connector-header-${i}-value`}
              aria-label={`Header ${i + 1} value`}
              autoComplete="off"
              invalid={!!errors?.[i]?.value}
              {...form.register(`headers.${i}.value`)}
            />
            <FieldError id={`connector-header-${i}-value-error`} message={errors?.[i]?.value?.message} />
          </div>
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Remove header ${i + 1}`}
            onClick={() => rows.remove(i)}
          >
            Remove
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        size="sm"
        disabled={rows.fields.length >= MAX_HEADERS}
        onClick={() => rows.append({ name: "", value: "" })}
      >
        Add header
      </Button>
    </fieldset>
  );
}
