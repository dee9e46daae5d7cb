"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";
import { parseJsonObject } from "@/components/workflows/parse-json";
import { userErrorsByField } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { INSTANCE_QUERIES } from "../instances/instance-operations";
import { PRIORITIES, PRIORITY_LABELS, type Priority } from "../workflow-model";
import { StartWorkflowMutation } from "../workflow-operations";
import { workflowInstancePath } from "../workflow-paths";

type Errors = { input?: string; correlationId?: string; form?: string };

/** A random UUID; randomUUID exists only in secure contexts, getRandomValues everywhere. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))]
    .map((byte) => byte.toString(16).padStart(2, "0"))
    .join("");
}

/** "Start": an instance of this (active) version with a JSON input and a priority, then its page. */
export function StartWorkflowButton({ definitionId, name }: { definitionId: string; name: string }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const start = useAccountMutation(StartWorkflowMutation);
  const refresh = useRefreshAccountQueries();
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState("{}");
  const [priority, setPriority] = useState<Priority>("NORMAL");
  const [correlationId, setCorrelationId] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  // One key per opening of the dialog: a double submit (or a retry after a lost answer) starts one
  // instance, not two.
  const [idempotencyKey, setIdempotencyKey] = useState("");

  function show() {
    setInput("{}");
    setPriority("NORMAL");
    setCorrelationId("");
    setErrors({});
    setIdempotencyKey(newKey());
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseJsonObject(input, "The input");
    if (!parsed.ok) return setErrors({ input: parsed.error });
    setErrors({});
    try {
      const { startWorkflow: payload } = await start.mutateAsync({
        input: {
          definitionId,
          input: parsed.value,
          priority,
          correlationId: correlationId.trim() || null,
          idempotencyKey,
        },
      });
      if (payload.userErrors.length > 0 || !payload.instance) {
        return setErrors(userErrorsByField(payload.userErrors, ["input", "correlationId"]));
      }
      await refresh(INSTANCE_QUERIES);
      setOpen(false);
      router.push(workflowInstancePath(accountSlug, payload.instance.id));
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : "Could not start the workflow." });
    }
  }

  return (
    <>
      <Button size="sm" onClick={show}>
        Start
      </Button>
      <Modal
        open={open}
        onClose={() => (start.isPending ? undefined : setOpen(false))}
        title={`Start ${name}`}
        description="The input becomes the instance's variables (over the definition's defaults)."
      >
        <form onSubmit={submit} noValidate aria-label="Start workflow" className="space-y-4">
          <FormField id="start-input" label="Input (JSON)" error={errors.input}>
            <TextArea
              id="start-input"
              rows={8}
              spellCheck={false}
              className="font-mono text-xs"
              value={input}
              invalid={!!errors.input}
              data-autofocus
              onChange={(event) => setInput(event.target.value)}
            />
          </FormField>
          <FormField id="start-priority" label="Priority">
            <SelectInput
              id="start-priority"
              value={priority}
              onChange={(event) => setPriority(event.target.value as Priority)}
            >
              {PRIORITIES.map((value) => (
                <option key={value} value={value}>
                  {PRIORITY_LABELS[value]}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField id="start-correlation" label="Correlation id (optional)" error={errors.correlationId}>
            <TextInput
              id="start-correlation"
              value={correlationId}
              maxLength={200}
              autoComplete="off"
              invalid={!!errors.correlationId}
              onChange={(event) => setCorrelationId(event.target.value)}
            />
          </FormField>
          <FieldError message={errors.form} />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={start.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={start.isPending}>
              {start.isPending ? "Starting…" : "Start workflow"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
