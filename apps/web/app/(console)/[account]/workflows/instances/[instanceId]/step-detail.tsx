// One step of an instance: its parameters, result or error, and every attempt with its status,
// duration and error (retries and timeouts show here).
"use client";

import { Badge, enumLabel } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { stepTypeLabel } from "@/components/workflows/definition-steps";
import { JsonBlock } from "@/components/workflows/json-block";
import { formatDuration, STEP_STATUS_LABELS, STEP_STATUS_TONES } from "../../workflow-model";
import { errorText, type InstanceStep } from "./instance-model";

const ATTEMPT_TONES = {
  RUNNING: "accent",
  COMPLETED: "success",
  FAILED: "danger",
  TIMEOUT: "danger",
  CANCELLED: "neutral",
} as const;

export function StepDetail({ step, onClose }: { step: InstanceStep; onClose: () => void }) {
  const attempts = [...step.executions].sort((a, b) => a.attempt - b.attempt);
  return (
    <Panel
      title={`Step ${step.name || step.stepId} (${step.stepId})`}
      actions={
        <Button size="sm" variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      <dl className="grid gap-4 p-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-zinc-500">Type</dt>
          <dd className="mt-1">{stepTypeLabel(step.type)}</dd>
        </div>
        <div>
          <dt className="text-zinc-500">Status</dt>
          <dd className="mt-1">
            <Badge tone={STEP_STATUS_TONES[step.status]}>{STEP_STATUS_LABELS[step.status]}</Badge>
            {step.skipReason ? <span className="ml-2 text-zinc-600">{step.skipReason}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500">Attempts</dt>
          <dd className="mt-1 tabular-nums">
            {step.attempts} of {step.maxAttempts}
            {step.nextRunAt ? (
              <span className="text-zinc-500"> · next {formatDateTime(step.nextRunAt)}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-zinc-500">Duration</dt>
          <dd className="mt-1">
            {formatDuration(step.durationMs)}
            {step.timeoutSeconds ? (
              <span className="text-zinc-500"> (timeout {step.timeoutSeconds} s)</span>
            ) : null}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-zinc-500">Parameters</dt>
          <dd className="mt-1">
            <JsonBlock value={step.parameters} />
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-zinc-500">{step.error ? "Error" : "Result"}</dt>
          <dd className="mt-1">
            <JsonBlock value={step.error ?? step.result} />
          </dd>
        </div>
      </dl>
      {attempts.length === 0 ? (
        <EmptyState title="Not attempted yet" />
      ) : (
        <DataTable caption={`Attempts of ${step.stepId}`}>
          <thead>
            <tr>
              <Th>Attempt</Th>
              <Th>Status</Th>
              <Th>Started</Th>
              <Th>Finished</Th>
              <Th className="text-right">Duration</Th>
              <Th>Error</Th>
              <Th>Worker</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {attempts.map((attempt) => (
              <tr key={attempt.id}>
                <Td className="tabular-nums">{attempt.attempt}</Td>
                <Td>
                  <Badge tone={ATTEMPT_TONES[attempt.status]}>{enumLabel(attempt.status)}</Badge>
                </Td>
                <Td className="whitespace-nowrap">{formatDateTime(attempt.startedAt)}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(attempt.completedAt)}</Td>
                <Td className="text-right tabular-nums">{formatDuration(attempt.durationMs)}</Td>
                <Td className="text-red-700">{errorText(attempt.error) ?? "—"}</Td>
                <Td className="font-mono text-xs">{attempt.worker ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </Panel>
  );
}
