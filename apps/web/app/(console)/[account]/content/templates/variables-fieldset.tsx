"use client";

import { type UseFormReturn, useFieldArray, useWatch } from "react-hook-form";
import { undeclaredIn } from "@/components/templates/template-variables";
import { Button } from "@/components/ui/button";
import { FieldError, TextInput } from "@/components/ui/form-field";
import type { TemplateFormInput } from "./template-form-values";

/**
 * The variables a template declares, each with an optional default (empty: a value is required
 * when it is used). The names the subject or body use without declaring them are listed, with a
 * button that declares them all: the API refuses to save a template that uses an undeclared one.
 */
export function VariablesFieldset({ form }: { form: UseFormReturn<TemplateFormInput> }) {
  const rows = useFieldArray({ control: form.control, name: "variables" });
  const [kind, subject, body, declared] = useWatch({
    control: form.control,
    name: ["kind", "subject", "body", "variables"],
  });
  const missing = undeclaredIn(
    [kind === "EMAIL" ? subject : "", body],
    declared.map((v) => v.name),
  );
  const errors = form.formState.errors.variables;
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="space-y-3" aria-describedby="template-variables-hint">
      <legend className="text-sm font-medium text-zinc-800">Variables</legend>
      <p id="template-variables-hint" className="text-xs text-zinc-500">
        Every {"{{variable}}"} the subject or body uses is declared here. Leave the default empty to require a
        value wherever the template is used.
      </p>
      {missing.length > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <span data-testid="undeclared-variables">
            Used but not declared: {missing.map((name) => `{{${name}}}`).join(", ")}
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              for (const name of missing) rows.append({ name, defaultValue: "" }, { shouldFocus: false });
              form.clearErrors(["subject", "body", "variables"]);
            }}
          >
            Declare the variables used
          </Button>
        </div>
      ) : null}
      {rows.fields.length > 0 ? (
        <ul aria-label="Declared variables" className="space-y-2">
          {rows.fields.map((row, index) => {
            const rowErrors = errors?.[index];
            const label = declared[index]?.name || `variable ${index + 1}`;
            return (
              <li key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
                <div>
                  <TextInput
                    id={`variable-${index}-name`}
                    aria-label={`Name of variable ${index + 1}`}
                    placeholder="first_name"
                    autoComplete="off"
                    className="font-mono"
                    invalid={!!rowErrors?.name}
                    {...form.register(`variables.${index}.name`)}
                  />
                  <FieldError id={`variable-${index}-name-error`} message={rowErrors?.name?.message} />
                </div>
                <div>
                  <TextInput
                    id={`variable-${index}-default`}
                    aria-label={`Default for ${label}`}
                    placeholder="No default: required"
                    autoComplete="off"
                    invalid={!!rowErrors?.defaultValue}
                    {...form.register(`variables.${index}.defaultValue`)}
                  />
                  <FieldError
                    id={`variable-${index}-default-error`}
                    message={rowErrors?.defaultValue?.message}
                  />
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
      <FieldError id="template-variables-error" message={listError} />
      <Button variant="secondary" size="sm" onClick={() => rows.append({ name: "", defaultValue: "" })}>
        Add variable
      </Button>
    </fieldset>
  );
}
