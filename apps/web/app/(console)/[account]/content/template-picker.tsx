"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput } from "@/components/ui/form-field";
import { graphql, type ResultOf } from "@/lib/graphql/graphql";
import { useAccountQuery } from "@/lib/graphql/use-graphql";

export const ContentTemplateOptionsQuery = graphql(`
  query ContentTemplateOptions {
    templates(first: 100, filter: { archived: false }) {
      nodes {
        id
        name
        kind
        subject
        body
      }
    }
  }
`);

export type TemplateOption = ResultOf<typeof ContentTemplateOptionsQuery>["templates"]["nodes"][number];

/**
 * Starts the text from a saved template: its body (with its {{variables}} as they are, filled in
 * when it is sent) goes into the editor. Hidden when the account has no templates.
 */
export function TemplatePicker({
  onInsert,
  disabled,
}: {
  onInsert: (template: TemplateOption) => void;
  disabled?: boolean;
}) {
  const templates = useAccountQuery(ContentTemplateOptionsQuery, {}, { staleTime: 60_000 });
  const [chosen, setChosen] = useState("");
  const options = templates.data?.templates.nodes ?? [];
  if (options.length === 0) return null;
  const template = options.find((option) => option.id === chosen);

  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-48 flex-1">
        <FormField id="content-template" label="Template">
          <SelectInput
            id="content-template"
            value={chosen}
            disabled={disabled}
            onChange={(event) => setChosen(event.target.value)}
          >
            <option value="">Choose a template…</option>
            {options.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name} ({option.kind === "EMAIL" ? "email" : "content"})
              </option>
            ))}
          </SelectInput>
        </FormField>
      </div>
      <Button
        variant="secondary"
        disabled={disabled || !template}
        onClick={() => {
          if (template) onInsert(template);
          setChosen("");
        }}
      >
        Insert template
      </Button>
    </div>
  );
}
