"use client";

import { type UseFormReturn, useFieldArray, useWatch } from "react-hook-form";
import { ATTRIBUTE_TYPE_LABELS, ATTRIBUTE_TYPES } from "@/components/contacts/attribute-values";
import { Button } from "@/components/ui/button";
import { FieldError, SelectInput, TextInput } from "@/components/ui/form-field";
import type { ContactFormInput } from "./contact-form-values";

/**
 * The contact's own data beyond its fields (plan, city, birthday…): key, type and value per row.
 * Segment conditions and journey conditions read these keys.
 */
export function AttributesFieldset({ form }: { form: UseFormReturn<ContactFormInput> }) {
  const rows = useFieldArray({ control: form.control, name: "attributes" });
  const values = useWatch({ control: form.control, name: "attributes" });
  const errors = form.formState.errors.attributes;

  return (
    <fieldset className="space-y-3" aria-describedby="contact-attributes-hint">
      <legend className="text-sm font-medium text-zinc-800">Attributes</legend>
      <p id="contact-attributes-hint" className="text-xs text-zinc-500">
        Keys are letters, digits, _ . and -; segments and journeys compare them.
      </p>
      {rows.fields.length > 0 ? (
        <ul aria-label="Attributes" className="space-y-2">
          {rows.fields.map((row, index) => {
            const rowErrors = errors?.[index];
            const label = values[index]?.key || `attribute ${index + 1}`;
            const type = values[index]?.type ?? "text";
            return (
              <li key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_8rem_minmax(0,1.5fr)_auto]">
                <div>
                  <TextInput
                    id={`attribute-${index}-key`}
                    aria-label={`Key of attribute ${index + 1}`}
                    placeholder="plan"
                    autoComplete="off"
                    className="font-mono"
                    invalid={!!rowErrors?.key}
                    {...form.register(`attributes.${index}.key`)}
                  />
                  <FieldError id={`attribute-${index}-key-error`} message={rowErrors?.key?.message} />
                </div>
                <SelectInput
                  id={`attribute-${index}-type`}
                  aria-label={`Type of ${label}`}
                  {...form.register(`attributes.${index}.type`, {
                    // A yes/no select shows Yes or No: the value it holds must be one of them.
                    onChange: (event: { target: { value: string } }) => {
                      const current = form.getValues(`attributes.${index}.value`);
                      if (event.target.value === "boolean" && current !== "true" && current !== "false") {
                        form.setValue(`attributes.${index}.value`, "true");
                      }
                    },
                  })}
                >
                  {ATTRIBUTE_TYPES.map((value) => (
                    <option key={value} value={value}>
                      {ATTRIBUTE_TYPE_LABELS[value]}
                    </option>
                  ))}
                </SelectInput>
                <div>
                  {type === "boolean" ? (
                    <SelectInput
                      id={`attribute-${index}-value`}
                      aria-label={`Value of ${label}`}
                      {...form.register(`attributes.${index}.value`)}
                    >
                      <option value="true">Yes</option>
                      <option value="false">No</option>
                    </SelectInput>
                  ) : (
                    <TextInput
                      id={`attribute-${index}-value`}
                      aria-label={`Value of ${label}`}
                      autoComplete="off"
                      inputMode={type === "number" ? "decimal" : undefined}
                      invalid={!!rowErrors?.value}
                      {...form.register(`attributes.${index}.value`)}
                    />
                  )}
                  <FieldError id={`attribute-${index}-value-error`} message={rowErrors?.value?.message} />
                </div>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${label}`}
                  onClick={() => rows.remove(index)}
                >
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <FieldError id="contact-attributes-error" message={errors?.message ?? errors?.root?.message} />
      <Button variant="secondary" size="sm" onClick={() => rows.append({ key: "", type: "text", value: "" })}>
        Add attribute
      </Button>
    </fieldset>
  );
}
