// Steps waiting for a person: the question each asks, a comment, and Approve / Reject for those
// who may decide (workflows:approve); others see that it waits and for whom.
"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { TextArea } from "@/components/ui/text-area";
import { useAccountMutation } from "@/lib/graphql/use-graphql";
import { ApproveStepMutation, RejectStepMutation } from "../instance-operations";
import type { InstanceStep } from "./instance-model";
import { useInstanceAction } from "./use-instance-action";

function promptOf(step: InstanceStep): string {
  const parameters = step.parameters as { prompt?: unknown } | null;
  return typeof parameters?.prompt === "string" ? parameters.prompt : "Approve this step?";
}

export function ApprovalPanel({
  instanceId,
  steps,
  canApprove,
}: {
  instanceId: string;
  steps: readonly InstanceStep[];
  canApprove: boolean;
}) {
  return (
    <section
      aria-label="Waiting for approval"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950"
    >
      <h2 className="font-semibold">Waiting for approval</h2>
      <ul className="mt-2 space-y-4">
        {steps.map((step) => (
          <li key={step.id}>
            <ApprovalRequest instanceId={instanceId} step={step} canApprove={canApprove} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function ApprovalRequest({
  instanceId,
  step,
  canApprove,
}: {
  instanceId: string;
  step: InstanceStep;
  canApprove: boolean;
}) {
  const approve = useAccountMutation(ApproveStepMutation);
  const reject = useAccountMutation(RejectStepMutation);
  const action = useInstanceAction();
  const [comment, setComment] = useState("");
  const name = step.name || step.stepId;
  const input = { input: { instanceId, stepId: step.stepId, comment: comment.trim() || null } };
  const commentId = `approval-comment-${step.stepId}`;

  return (
    <div className="space-y-2" data-testid={`approval-${step.stepId}`}>
      <p>
        <span className="font-medium">{name}</span>: {promptOf(step)}
        {step.startedAt ? (
          <span className="text-amber-800"> · asked {formatDateTime(step.startedAt)}</span>
        ) : null}
      </p>
      {canApprove ? (
        <>
          <FormField id={commentId} label={`Comment on ${name} (optional)`}>
            <TextArea
              id={commentId}
              rows={2}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </FormField>
          <div className="flex gap-2">
            <Button
              size="sm"
              disabled={action.busy !== null}
              aria-label={`Approve ${name}`}
              onClick={() =>
                action.run(
                  "approve",
                  async () => (await approve.mutateAsync(input)).approveStep,
                  "Approved: the workflow continues.",
                )
              }
            >
              {action.busy === "approve" ? "Approving…" : "Approve"}
            </Button>
            <Button
              size="sm"
              variant="danger"
              disabled={action.busy !== null}
              aria-label={`Reject ${name}`}
              onClick={() =>
                action.run(
                  "reject",
                  async () => (await reject.mutateAsync(input)).rejectStep,
                  "Rejected: the step fails.",
                )
              }
            >
              {action.busy === "reject" ? "Rejecting…" : "Reject"}
            </Button>
          </div>
        </>
      ) : (
        <p className="text-amber-800">Owners, admins and members decide approvals.</p>
      )}
      {action.message ? (
        <p role="status" className={action.message.tone === "error" ? "text-red-700" : "text-emerald-800"}>
          {action.message.text}
        </p>
      ) : null}
    </div>
  );
}
