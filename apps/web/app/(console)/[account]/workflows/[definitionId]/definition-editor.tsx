// A definition's graph, its problems per step and its JSON. A draft's JSON is edited here; the
// graph follows the text as it parses, and "Save" answers the problems found in what was saved,
// shown on the steps they belong to and listed below.
"use client";

import { type FormEvent, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, TextInput } from "@/components/ui/form-field";
import { Panel } from "@/components/ui/page-header";
import { TextArea } from "@/components/ui/text-area";
import { definitionSteps } from "@/components/workflows/definition-steps";
import { parseJsonObject } from "@/components/workflows/parse-json";
import { type GraphStep, WorkflowGraph } from "@/components/workflows/workflow-graph";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import type { WorkflowDefinitionDetail, WorkflowProblem } from "../workflow-model";
import { UpdateWorkflowDefinitionMutation } from "../workflow-operations";

type Status = { tone: "success" | "info" | "error"; text: string };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function DefinitionEditor({
  definition,
  canEdit,
}: {
  definition: WorkflowDefinitionDetail;
  canEdit: boolean;
}) {
  const update = useAccountMutation(UpdateWorkflowDefinitionMutation);
  const refresh = useRefreshAccountQueries();
  const [text, setText] = useState(() => JSON.stringify(definition.definition, null, 2));
  const [description, setDescription] = useState(definition.description ?? "");
  const [problems, setProblems] = useState<readonly WorkflowProblem[]>(definition.problems);
  const [status, setStatus] = useState<Status | null>(null);
  const [jsonError, setJsonError] = useState<string | undefined>();
  const [selected, setSelected] = useState<string | null>(null);

  const parsed = useMemo(() => parseJsonObject(text, "The definition"), [text]);
  const [lastGood, setLastGood] = useState<unknown>(definition.definition);
  const drawn = parsed.ok ? parsed.value : lastGood;

  const steps: GraphStep[] = useMemo(
    () =>
      definitionSteps(drawn).map((step) => {
        const own = problems.filter((problem) => problem.stepId === step.id);
        return {
          ...step,
          tone: own.length > 0 ? "danger" : "neutral",
          note:
            own.length > 0 ? `${plural(own.length, "problem", "problems")}: ${own[0]?.message}` : undefined,
        };
      }),
    [drawn, problems],
  );
  const shownProblems = selected ? problems.filter((problem) => problem.stepId === selected) : problems;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!parsed.ok) return setJsonError(parsed.error);
    setJsonError(undefined);
    setStatus(null);
    try {
      const { updateWorkflowDefinition: payload } = await update.mutateAsync({
        input: { id: definition.id, description: description.trim() || null, definition: parsed.value },
      });
      if (payload.userErrors.length > 0 || !payload.definition) {
        if (payload.problems.length > 0) setProblems(payload.problems);
        return setStatus({
          tone: "error",
          text: `Not saved: ${payload.userErrors.map((error) => error.message).join(" ")}`,
        });
      }
      setLastGood(parsed.value);
      setProblems(payload.problems);
      setStatus(
        payload.problems.length > 0
          ? {
              tone: "info",
              text: `Saved. ${plural(payload.problems.length, "problem", "problems")} to fix before activating.`,
            }
          : { tone: "success", text: "Saved. No problems: it can be activated." },
      );
      await refresh(["WorkflowDefinitionList"]);
    } catch (failure) {
      setStatus({ tone: "error", text: failure instanceof Error ? failure.message : "Could not save." });
    }
  }

  return (
    <>
      <Panel
        title="Steps"
        actions={
          selected ? (
            <Button size="sm" variant="ghost" onClick={() => setSelected(null)}>
              Show all problems
            </Button>
          ) : null
        }
      >
        <WorkflowGraph
          steps={steps}
          label="Workflow steps"
          selectedId={selected}
          onSelect={(stepId) => setSelected(stepId === selected ? null : stepId)}
        />
      </Panel>
      <Panel title={selected ? `Problems of ${selected}` : "Problems"}>
        {shownProblems.length === 0 ? (
          <p className="p-4 text-sm text-zinc-500" data-testid="workflow-no-problems">
            {selected ? "This step has no problems." : "No problems: the definition is valid."}
          </p>
        ) : (
          <ul
            className="divide-y divide-zinc-100 text-sm"
            aria-label="Problems"
            data-testid="workflow-problems"
          >
            {shownProblems.map((problem) => (
              <li
                key={`${problem.stepId ?? ""}:${problem.field}:${problem.code}:${problem.message}`}
                className="px-4 py-2"
              >
                <span className="font-semibold text-red-800">{problem.stepId ?? "Definition"}</span>
                <span className="text-zinc-500"> · {problem.field}</span>
                <span className="text-zinc-800">: {problem.message}</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel title="Definition">
        <form onSubmit={save} aria-label="Workflow definition" className="space-y-4 p-4">
          {canEdit ? null : (
            <p className="text-sm text-zinc-500">Only drafts change: make a new version to edit this one.</p>
          )}
          <FormField id="definition-description" label="Description">
            <TextInput
              id="definition-description"
              value={description}
              readOnly={!canEdit}
              onChange={(event) => setDescription(event.target.value)}
            />
          </FormField>
          <FormField
            id="definition-json"
            label="Definition (JSON)"
            error={jsonError}
            hint={parsed.ok ? undefined : parsed.error}
          >
            <TextArea
              id="definition-json"
              rows={20}
              spellCheck={false}
              className="font-mono text-xs"
              value={text}
              readOnly={!canEdit}
              invalid={!!jsonError}
              onChange={(event) => setText(event.target.value)}
            />
          </FormField>
          {status ? (
            <p
              role="status"
              data-testid="definition-save-status"
              className={`text-sm ${status.tone === "error" ? "text-red-700" : status.tone === "success" ? "text-emerald-700" : "text-zinc-700"}`}
            >
              {status.text}
            </p>
          ) : null}
          {canEdit ? (
            <div className="flex justify-end">
              <Button type="submit" disabled={update.isPending}>
                {update.isPending ? "Saving…" : "Save"}
              </Button>
            </div>
          ) : null}
        </form>
      </Panel>
    </>
  );
}
