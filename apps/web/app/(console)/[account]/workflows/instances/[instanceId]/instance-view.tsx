"use client";

import Link from "next/link";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { JsonBlock } from "@/components/workflows/json-block";
import { ProgressBar } from "@/components/workflows/progress-bar";
import { WorkflowGraph } from "@/components/workflows/workflow-graph";
import { WorkflowsTabs } from "@/components/workflows/workflows-tabs";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import {
  canApproveWorkflows,
  canWriteWorkflows,
  INSTANCE_STATUS_LABELS,
  INSTANCE_STATUS_TONES,
  isLiveInstance,
  PRIORITY_LABELS,
} from "../../workflow-model";
import { workflowDefinitionPath, workflowInstancePath, workflowInstancesPath } from "../../workflow-paths";
import { WorkflowInstanceQuery } from "../instance-operations";
import { ApprovalPanel } from "./approval-panel";
import { EventTimeline } from "./event-timeline";
import { InstanceActions } from "./instance-actions";
import { awaitsApproval, errorText, type InstanceDetail, stepState } from "./instance-model";
import { CompensationsTable, VariablesTable } from "./instance-tables";
import { StepDetail } from "./step-detail";

/** How often a running instance's page refreshes. */
const LIVE_POLL_MS = 2_000;

export function InstanceView({ instanceId }: { instanceId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(
    WorkflowInstanceQuery,
    { id: instanceId },
    {
      // Polls while the instance can still move; a finished one stays as it is.
      refetchInterval: (current) => {
        const status = current.state.data?.workflowInstance?.status;
        return status && !isLiveInstance(status) ? false : LIVE_POLL_MS;
      },
    },
  );
  const instance = query.data?.workflowInstance ?? null;

  return (
    <>
      <WorkflowsTabs />
      <Link
        href={workflowInstancesPath(accountSlug)}
        className="text-sm font-medium text-accent-700 hover:underline"
      >
        ← All instances
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading the instance…" />
      ) : !query.data && query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !instance ? (
        <Panel>
          <EmptyState title="Instance not found">
            It does not exist, was purged after the retention period, or belongs to another account.
          </EmptyState>
        </Panel>
      ) : (
        <Instance instance={instance} />
      )}
    </>
  );
}

function Instance({ instance }: { instance: InstanceDetail }) {
  const accountSlug = useAccountSlug();
  const { account } = useConsole();
  const canWrite = canWriteWorkflows(account?.viewerRole);
  const canApprove = canApproveWorkflows(account?.viewerRole);
  const [selected, setSelected] = useState<string | null>(null);
  const steps = [...instance.steps].sort((a, b) => a.executionOrder - b.executionOrder);
  const waiting = steps.filter(awaitsApproval);
  const selectedStep = steps.find((step) => step.stepId === selected) ?? null;
  const graphSteps = steps.map((step) => ({
    id: step.stepId,
    name: step.name,
    type: step.type,
    dependsOn: step.dependsOn,
    ...stepState(step),
  }));

  return (
    <>
      <div className="mt-2 mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="truncate text-xl font-semibold text-zinc-900">
              {instance.definition.name}{" "}
              <span className="text-base font-normal text-zinc-500">v{instance.definition.version}</span>
            </h1>
            <span data-testid="instance-status">
              <Badge tone={INSTANCE_STATUS_TONES[instance.status]}>
                {INSTANCE_STATUS_LABELS[instance.status]}
              </Badge>
            </span>
            <span className="text-xs text-zinc-500">
              Priority {PRIORITY_LABELS[instance.priority].toLowerCase()}
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            <Link
              href={workflowDefinitionPath(accountSlug, instance.definition.id)}
              className="text-accent-700 hover:underline"
            >
              Its definition
            </Link>
            {instance.parent ? (
              <>
                {" · started by "}
                <Link
                  href={workflowInstancePath(accountSlug, instance.parent.id)}
                  className="text-accent-700 hover:underline"
                >
                  an instance of {instance.parent.definition.name}
                </Link>
              </>
            ) : null}
            {instance.correlationId ? (
              <>
                {" · correlation id "}
                <span className="font-mono">{instance.correlationId}</span>
              </>
            ) : null}
          </p>
        </div>
        {canWrite ? <InstanceActions instance={instance} steps={steps} /> : null}
      </div>

      <dl className="mb-4 grid gap-4 rounded-lg border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-5">
        <div>
          <dt className="text-zinc-500">Progress</dt>
          <dd className="mt-1 flex items-center gap-2">
            <ProgressBar value={instance.progress} label="Progress" />
            <span className="tabular-nums" data-testid="instance-progress">
              {Math.round(instance.progress)}%
            </span>
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500">Created</dt>
          <dd className="mt-1">{formatDateTime(instance.createdAt)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">Started</dt>
          <dd className="mt-1">{formatDateTime(instance.startedAt)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">{instance.completedAt ? "Finished" : "Expected to finish"}</dt>
          <dd className="mt-1">{formatDateTime(instance.completedAt ?? instance.estimatedCompletionAt)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">Version</dt>
          <dd className="mt-1 tabular-nums">{instance.version}</dd>
        </div>
      </dl>

      {instance.error ? (
        <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800">
          Failed: {errorText(instance.error)}
        </p>
      ) : null}

      {waiting.length > 0 ? (
        <ApprovalPanel instanceId={instance.id} steps={waiting} canApprove={canApprove} />
      ) : null}

      <Panel title="Steps">
        <WorkflowGraph
          steps={graphSteps}
          label="Instance steps, coloured by state"
          selectedId={selected}
          onSelect={(stepId) => setSelected(stepId === selected ? null : stepId)}
        />
        <StepList steps={steps} selected={selected} onSelect={setSelected} />
      </Panel>
      {selectedStep ? <StepDetail step={selectedStep} onClose={() => setSelected(null)} /> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Input">
          <div className="p-4">
            <JsonBlock value={instance.input} />
          </div>
        </Panel>
        <Panel title="Result">
          <div className="p-4">
            <JsonBlock value={instance.result} />
          </div>
        </Panel>
      </div>
      <Panel title="Variables">
        <VariablesTable variables={instance.variables} />
      </Panel>
      <Panel title="Compensations">
        <CompensationsTable compensations={instance.compensations} />
      </Panel>
      <Panel title="Event history">
        <EventTimeline events={instance.events} />
      </Panel>
    </>
  );
}

/** The steps as a list too: their states in words, and a keyboard path to each step's details. */
function StepList({
  steps,
  selected,
  onSelect,
}: {
  steps: InstanceDetail["steps"];
  selected: string | null;
  onSelect: (stepId: string | null) => void;
}) {
  return (
    <ol className="divide-y divide-zinc-100 border-t border-zinc-200 text-sm" aria-label="Step states">
      {steps.map((step) => {
        const state = stepState(step);
        return (
          <li
            key={step.id}
            className="flex flex-wrap items-center justify-between gap-2 px-4 py-2"
            data-testid={`step-row-${step.stepId}`}
          >
            <span>
              <span className="font-medium text-zinc-900">{step.name || step.stepId}</span>{" "}
              <span className="font-mono text-xs text-zinc-500">{step.stepId}</span>
            </span>
            <span className="flex items-center gap-3">
              <span data-testid="step-state">{state.status}</span>
              <button
                type="button"
                className="text-xs font-medium text-accent-700 hover:underline"
                aria-expanded={selected === step.stepId}
                onClick={() => onSelect(selected === step.stepId ? null : step.stepId)}
              >
                {selected === step.stepId ? "Hide details" : "Details"}
                <span className="sr-only"> of {step.name || step.stepId}</span>
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
