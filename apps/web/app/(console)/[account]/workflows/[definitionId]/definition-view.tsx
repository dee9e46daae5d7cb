"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useConsole } from "@/components/console/console-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectInput } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { WorkflowsTabs } from "@/components/workflows/workflows-tabs";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import {
  canWriteWorkflows,
  DEFINITION_STATUS_LABELS,
  DEFINITION_STATUS_TONES,
  definitionMoves,
  type WorkflowDefinitionDetail,
} from "../workflow-model";
import { WorkflowDefinitionQuery } from "../workflow-operations";
import { workflowDefinitionPath, workflowsPath } from "../workflow-paths";
import { DefinitionEditor } from "./definition-editor";
import { StartWorkflowButton } from "./start-workflow-dialog";
import { type Notice, useDefinitionActions } from "./use-definition-actions";

export function DefinitionView({ definitionId }: { definitionId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(WorkflowDefinitionQuery, { id: definitionId });
  const definition = query.data?.workflowDefinition ?? null;

  return (
    <>
      <WorkflowsTabs />
      <Link href={workflowsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All workflows
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading the workflow…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !definition ? (
        <Panel>
          <EmptyState title="Workflow not found">
            It does not exist, was deleted, or belongs to another account.
          </EmptyState>
        </Panel>
      ) : (
        <Definition key={definition.id} definition={definition} />
      )}
    </>
  );
}

const NOTICE_TONES: Record<Notice["tone"], string> = {
  info: "bg-zinc-50 text-zinc-700",
  success: "bg-emerald-50 text-emerald-800",
  error: "bg-red-50 text-red-800",
};

function Definition({ definition }: { definition: WorkflowDefinitionDetail }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const { account } = useConsole();
  const canWrite = canWriteWorkflows(account?.viewerRole);
  const actions = useDefinitionActions(definition);
  const moves = canWrite ? definitionMoves(definition.status) : [];
  const busy = actions.busy !== null;
  const versions = [...definition.versions].sort((a, b) => b.version - a.version);

  return (
    <>
      <div className="mt-2 mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="truncate text-xl font-semibold text-zinc-900">{definition.name}</h1>
            <span data-testid="workflow-status">
              <Badge tone={DEFINITION_STATUS_TONES[definition.status]}>
                {DEFINITION_STATUS_LABELS[definition.status]}
              </Badge>
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            {definition.description ? `${definition.description} · ` : ""}
            Created {formatDateTime(definition.createdAt)}
            {definition.activatedAt ? ` · activated ${formatDateTime(definition.activatedAt)}` : ""}
            {definition.deprecatedAt ? ` · deprecated ${formatDateTime(definition.deprecatedAt)}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="workflow-version" className="block text-xs font-medium text-zinc-600">
              Version
            </label>
            <SelectInput
              id="workflow-version"
              className="py-1.5"
              value={definition.id}
              onChange={(event) => router.push(workflowDefinitionPath(accountSlug, event.target.value))}
            >
              {versions.map((version) => (
                <option key={version.id} value={version.id}>
                  v{version.version} · {DEFINITION_STATUS_LABELS[version.status]}
                </option>
              ))}
            </SelectInput>
          </div>
          {canWrite && definition.status === "ACTIVE" ? (
            <StartWorkflowButton
              definitionId={definition.id}
              name={`${definition.name} v${definition.version}`}
            />
          ) : null}
          {moves.includes("activate") ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => actions.move("activate")}>
              {actions.busy === "activate" ? "Activating…" : "Activate"}
            </Button>
          ) : null}
          {moves.includes("deprecate") ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={() => actions.move("deprecate")}>
              {actions.busy === "deprecate" ? "Deprecating…" : "Deprecate"}
            </Button>
          ) : null}
          {canWrite ? (
            <Button size="sm" variant="secondary" disabled={busy} onClick={actions.createVersion}>
              {actions.busy === "version" ? "Creating…" : "New version"}
            </Button>
          ) : null}
          {moves.includes("archive") ? (
            <ConfirmButton
              label="Archive"
              ariaLabel={`Archive ${definition.name} v${definition.version}`}
              title="Archive this version?"
              description="It can no longer be started or activated; its instances and history stay."
              confirmLabel="Archive"
              disabled={busy}
              onConfirm={() => actions.move("archive")}
            />
          ) : null}
          {moves.includes("delete") ? (
            <ConfirmButton
              label="Delete draft"
              ariaLabel={`Delete draft ${definition.name} v${definition.version}`}
              title="Delete this draft?"
              description="The draft version and its definition are removed for good."
              confirmLabel="Delete"
              disabled={busy}
              onConfirm={() => actions.move("delete")}
            />
          ) : null}
        </div>
      </div>
      {actions.notice ? (
        <p
          role="status"
          data-testid="workflow-notice"
          className={`mb-4 rounded-md p-3 text-sm ${NOTICE_TONES[actions.notice.tone]}`}
        >
          {actions.notice.text}
        </p>
      ) : null}
      {/* Keyed by the update time: a change saved elsewhere (or a status move) reloads the editor. */}
      <DefinitionEditor
        key={definition.updatedAt}
        definition={definition}
        canEdit={canWrite && definition.status === "DRAFT"}
      />
    </>
  );
}
