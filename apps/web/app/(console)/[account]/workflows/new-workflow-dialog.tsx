"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";
import { EXAMPLE_DEFINITION } from "@/components/workflows/definition-steps";
import { parseJsonObject } from "@/components/workflows/parse-json";
import { userErrorsByField } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { CreateWorkflowDefinitionMutation, DEFINITION_QUERIES } from "./workflow-operations";
import { workflowDefinitionPath } from "./workflow-paths";

type Errors = { name?: string; description?: string; definition?: string; form?: string };

const EXAMPLE = JSON.stringify(EXAMPLE_DEFINITION, null, 2);

/** "New workflow": a name and a definition (an example to start from), then its page as a draft. */
export function NewWorkflowButton({ size = "md" }: { size?: "sm" | "md" }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateWorkflowDefinitionMutation);
  const refresh = useRefreshAccountQueries();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [definition, setDefinition] = useState(EXAMPLE);
  const [errors, setErrors] = useState<Errors>({});

  function show() {
    setName("");
    setDescription("");
    setDefinition(EXAMPLE);
    setErrors({});
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: "Name the workflow." });
    const parsed = parseJsonObject(definition, "The definition");
    if (!parsed.ok) return setErrors({ definition: parsed.error });
    setErrors({});
    try {
      const { createWorkflowDefinition: payload } = await create.mutateAsync({
        input: { name: name.trim(), description: description.trim() || null, definition: parsed.value },
      });
      if (payload.userErrors.length > 0 || !payload.definition) {
        return setErrors(userErrorsByField(payload.userErrors, ["name", "description", "definition"]));
      }
      await refresh(DEFINITION_QUERIES);
      // Closed before leaving: the router may keep this page mounted (hidden) for going back.
      setOpen(false);
      router.push(workflowDefinitionPath(accountSlug, payload.definition.id));
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : "Could not create the workflow." });
    }
  }

  return (
    <>
      <Button size={size} onClick={show}>
        New workflow
      </Button>
      <Modal
        open={open}
        onClose={() => (create.isPending ? undefined : setOpen(false))}
        title="New workflow"
        description="It starts as draft version 1; fix any problems on its page, then activate it to run it."
      >
        <form onSubmit={submit} noValidate aria-label="New workflow" className="space-y-4">
          <FormField id="workflow-name" label="Name" error={errors.name}>
            <TextInput
              id="workflow-name"
              value={name}
              maxLength={200}
              autoComplete="off"
              invalid={!!errors.name}
              data-autofocus
              onChange={(event) => setName(event.target.value)}
            />
          </FormField>
          <FormField id="workflow-description" label="Description (optional)" error={errors.description}>
            <TextInput
              id="workflow-description"
              value={description}
              invalid={!!errors.description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </FormField>
          <FormField
            id="workflow-definition"
            label="Definition (JSON)"
            hint="Steps with id, type, parameters and dependsOn; see the example."
            error={errors.definition}
          >
            <TextArea
              id="workflow-definition"
              rows={12}
              spellCheck={false}
              className="font-mono text-xs"
              value={definition}
              invalid={!!errors.definition}
              onChange={(event) => setDefinition(event.target.value)}
            />
          </FormField>
          <FieldError message={errors.form} />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create workflow"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
