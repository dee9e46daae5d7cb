// Cancel a running instance; retry a failed or cancelled one, from its failed step or a chosen one.
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SelectInput } from "@/components/ui/form-field";
import { useAccountMutation } from "@/lib/graphql/use-graphql";
import { CancelWorkflowMutation, RetryWorkflowMutation } from "../instance-operations";
import type { InstanceDetail, InstanceStep } from "./instance-model";
import { useInstanceAction } from "./use-instance-action";

export function InstanceActions({
  instance,
  steps,
}: {
  instance: InstanceDetail;
  steps: readonly InstanceStep[];
}) {
  const cancel = useAccountMutation(CancelWorkflowMutation);
  const retry = useAccountMutation(RetryWorkflowMutation);
  const action = useInstanceAction();
  const [fromStep, setFromStep] = useState("");
  const cancellable = instance.status === "PENDING" || instance.status === "RUNNING";
  const retryable = instance.status === "FAILED" || instance.status === "CANCELLED";

  if (!cancellable && !retryable) return null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-end gap-2">
        {cancellable ? (
          <ConfirmButton
            label="Cancel instance"
            title="Cancel this instance?"
            description="No new steps start; steps already running finish but release nothing after them."
            confirmLabel="Cancel instance"
            disabled={action.busy !== null}
            onConfirm={async () => {
              // No version: cancelling is meant whatever step the instance reached meanwhile.
              await action.run(
                "cancel",
                async () =>
                  (await cancel.mutateAsync({ input: { id: instance.id, version: null, reason: null } }))
                    .cancelWorkflow,
                "Cancelled.",
              );
            }}
          />
        ) : null}
        {retryable ? (
          <>
            <div>
              <label htmlFor="retry-from" className="block text-xs font-medium text-zinc-600">
                Retry from
              </label>
              <SelectInput
                id="retry-from"
                className="py-1.5"
                value={fromStep}
                onChange={(event) => setFromStep(event.target.value)}
              >
                <option value="">The failed steps</option>
                {steps.map((step) => (
                  <option key={step.id} value={step.stepId}>
                    {step.name || step.stepId} ({step.stepId})
                  </option>
                ))}
              </SelectInput>
            </div>
            <Button
              size="sm"
              disabled={action.busy !== null}
              onClick={() =>
                action.run(
                  "retry",
                  async () =>
                    (
                      await retry.mutateAsync({
                        // The version read: a retry is decided on the state shown, not a newer one.
                        input: { id: instance.id, fromStepId: fromStep || null, version: instance.version },
                      })
                    ).retryWorkflow,
                  "Retrying: the steps run again.",
                )
              }
            >
              {action.busy === "retry" ? "Retrying…" : "Retry"}
            </Button>
          </>
        ) : null}
      </div>
      {action.message ? (
        <p
          role="status"
          className={`text-sm ${action.message.tone === "error" ? "text-red-700" : "text-emerald-700"}`}
        >
          {action.message.text}
        </p>
      ) : null}
    </div>
  );
}
