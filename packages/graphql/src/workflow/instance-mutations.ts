// Workflow instance mutations: start, cancel, retry, and a person's decision on an approval step.
// Each calls one engine operation with the request's engine ports (ctx.workflows: the job queue,
// written in the request's transaction, so a step's job exists if and only if the mutation commits).
import {
  cancelWorkflow,
  decideApproval,
  type InstanceRow,
  retryWorkflow,
  startWorkflow,
} from "@markettina/domain";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { WorkflowDefinitionRef, WorkflowPriorityEnum } from "./definition-types.ts";
import { WorkflowInstanceRef } from "./instance-types.ts";

type Result = MutationResult<{ instance: InstanceRow }>;

const payload = (name: string) =>
  builder.objectRef<Result>(name).implement({
    fields: (t) => ({
      instance: t.field({ type: WorkflowInstanceRef, nullable: true, resolve: (p) => p.instance }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const StartWorkflowPayload = builder
  .objectRef<MutationResult<{ instance: InstanceRow; created: boolean }>>("StartWorkflowPayload")
  .implement({
    fields: (t) => ({
      instance: t.field({ type: WorkflowInstanceRef, nullable: true, resolve: (p) => p.instance }),
      created: t.boolean({
        description: "False when the idempotency key had already started this instance.",
        resolve: (p) => p.created ?? false,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type Builder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

/** approveStep / rejectStep: the same input, one decision each. */
const decide = (t: Builder, decision: "approve" | "reject", name: string, description: string) =>
  t.fieldWithInput({
    type: payload(name),
    description,
    authScopes: { authenticated: true },
    input: {
      instanceId: t.input.globalID({ required: true, for: WorkflowInstanceRef }),
      stepId: t.input.string({ required: true, description: "The approval step's id in the definition." }),
      comment: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          instance: await decideApproval(
            op,
            {
              instanceId: input.instanceId.id,
              stepId: input.stepId,
              decision,
              comment: input.comment ?? null,
            },
            ctx.workflows ?? {},
          ),
        }),
        { instance: null },
      ),
  });

builder.mutationFields((t) => ({
  startWorkflow: t.fieldWithInput({
    type: StartWorkflowPayload,
    description:
      "Starts an instance of an ACTIVE definition (INVALID_TRANSITION for drafts, deprecated and archived ones). The same idempotencyKey answers the instance it started first (created: false).",
    authScopes: { authenticated: true },
    input: {
      definitionId: t.input.globalID({ required: true, for: WorkflowDefinitionRef }),
      input: t.input.field({
        type: "JSON",
        description: "An object: its keys override the definition's variables of the same name.",
      }),
      priority: t.input.field({ type: WorkflowPriorityEnum, description: "Default NORMAL." }),
      correlationId: t.input.string({ description: "Your reference, to find the instance by." }),
      idempotencyKey: t.input.string({
        description: "A new key (a UUID) per start: sent again, it starts nothing.",
      }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        (op) =>
          startWorkflow(
            op,
            {
              definitionId: input.definitionId.id,
              // Not an object: the operation refuses it (INVALID, field input).
              input: (input.input ?? undefined) as Record<string, unknown> | undefined,
              priority: input.priority ?? undefined,
              correlationId: input.correlationId ?? null,
              idempotencyKey: input.idempotencyKey ?? null,
            },
            ctx.workflows ?? {},
          ),
        { instance: null, created: null },
      ),
  }),
  cancelWorkflow: t.fieldWithInput({
    type: payload("CancelWorkflowPayload"),
    description:
      "Cancels an instance: pending steps are cancelled and no new step starts (running ones finish). With version, CONFLICT when it moved on meanwhile.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: WorkflowInstanceRef }),
      version: t.input.int({ description: "The instance version you read." }),
      reason: t.input.string(),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          instance: await cancelWorkflow(
            op,
            { id: input.id.id, version: input.version ?? null, reason: input.reason ?? null },
            ctx.workflows ?? {},
          ),
        }),
        { instance: null },
      ),
  }),
  retryWorkflow: t.fieldWithInput({
    type: payload("RetryWorkflowPayload"),
    description:
      "Runs a failed or cancelled instance again: the step fromStepId and its dependants, and every step not completed or skipped, go back to pending (attempt numbers go on; earlier attempts stay as history). With version, CONFLICT when it moved on meanwhile.",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: WorkflowInstanceRef }),
      fromStepId: t.input.string({ description: "A step id of the definition." }),
      version: t.input.int({ description: "The instance version you read." }),
    },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => ({
          instance: await retryWorkflow(
            op,
            { id: input.id.id, fromStepId: input.fromStepId ?? null, version: input.version ?? null },
            ctx.workflows ?? {},
          ),
        }),
        { instance: null },
      ),
  }),
  approveStep: decide(
    t,
    "approve",
    "ApproveStepPayload",
    "Approves an approval step that is waiting (INVALID_TRANSITION otherwise); the instance goes on.",
  ),
  rejectStep: decide(
    t,
    "reject",
    "RejectStepPayload",
    "Rejects an approval step that is waiting (INVALID_TRANSITION otherwise): the step fails.",
  ),
}));
