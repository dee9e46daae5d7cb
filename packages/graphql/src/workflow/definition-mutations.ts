// Workflow definition mutations: each parses its input, calls one domain operation and answers
// the definition (drafts also their problems, by step). A draft with problems is saved; only
// activation refuses one (INVALID_DEFINITION, with the problems).

import type { schema } from "@markettina/db";
import {
  activateWorkflowDefinition,
  archiveWorkflowDefinition,
  createWorkflowDefinition,
  createWorkflowVersion,
  deleteWorkflowDefinition,
  deprecateWorkflowDefinition,
  InvalidWorkflowDefinitionError,
  type OperationContext,
  updateWorkflowDefinition,
  type WorkflowProblem,
} from "@markettina/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../builder.ts";
import { type MutationResult, runMutation, UserErrorRef } from "../platform/user-errors.ts";
import { definitionProblems, WorkflowDefinitionRef, WorkflowProblemRef } from "./definition-types.ts";

type DefinitionRow = typeof schema.workflowDefinitions.$inferSelect;
type Result = MutationResult<{ definition: DefinitionRow }>;
type WithProblems = Result & { problems: WorkflowProblem[] };

const payload = (name: string) =>
  builder.objectRef<Result>(name).implement({
    fields: (t) => ({
      definition: t.field({ type: WorkflowDefinitionRef, nullable: true, resolve: (p) => p.definition }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const payloadWithProblems = (name: string, description: string) =>
  builder.objectRef<WithProblems>(name).implement({
    fields: (t) => ({
      definition: t.field({ type: WorkflowDefinitionRef, nullable: true, resolve: (p) => p.definition }),
      problems: t.field({ type: [WorkflowProblemRef], description, resolve: (p) => p.problems }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

const DeleteWorkflowDefinitionPayload = builder
  .objectRef<MutationResult<{ deletedId: string }>>("DeleteWorkflowDefinitionPayload")
  .implement({
    fields: (t) => ({
      deletedId: t.id({
        nullable: true,
        description: "The deleted draft's id.",
        resolve: (p) => p.deletedId,
      }),
      userErrors: t.field({ type: [UserErrorRef], resolve: (p) => p.userErrors }),
    }),
  });

type Builder = Parameters<Parameters<typeof builder.mutationFields>[0]>[0];

/** A lifecycle move: { id } in, the definition out. */
const move = (
  t: Builder,
  name: string,
  description: string,
  op: (ctx: OperationContext, input: { id: string }) => Promise<DefinitionRow>,
) =>
  t.fieldWithInput({
    type: payload(name),
    description,
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: WorkflowDefinitionRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(ctx, async (o) => ({ definition: await op(o, { id: input.id.id }) }), { definition: null }),
  });

const withProblems = (result: Result): WithProblems => ({
  ...result,
  problems: result.definition ? definitionProblems(result.definition.definition) : [],
});

builder.mutationFields((t) => ({
  createWorkflowDefinition: t.fieldWithInput({
    type: payloadWithProblems("CreateWorkflowDefinitionPayload", "The new draft's problems, by step."),
    description:
      "Saves a new workflow as version 1, a draft (problems and all). CONFLICT if the name is taken.",
    authScopes: { authenticated: true },
    input: {
      name: t.input.string({ required: true }),
      description: t.input.string(),
      definition: t.input.field({ type: "JSON", required: true, description: "{ steps, variables }" }),
    },
    resolve: async (_root, { input }, ctx) =>
      withProblems(
        await runMutation(
          ctx,
          async (op) => ({
            definition: await createWorkflowDefinition(op, {
              name: input.name,
              description: input.description ?? undefined,
              // Not an object: the operation refuses it (INVALID, field definition).
              definition: input.definition as Record<string, unknown>,
            }),
          }),
          { definition: null },
        ),
      ),
  }),
  updateWorkflowDefinition: t.fieldWithInput({
    type: payloadWithProblems("UpdateWorkflowDefinitionPayload", "The saved draft's problems, by step."),
    description: "Changes a draft (INVALID_TRANSITION for any other status: make a new version).",
    authScopes: { authenticated: true },
    input: {
      id: t.input.globalID({ required: true, for: WorkflowDefinitionRef }),
      description: t.input.string(),
      definition: t.input.field({ type: "JSON", description: "The whole definition: { steps, variables }." }),
    },
    resolve: async (_root, { input }, ctx) =>
      withProblems(
        await runMutation(
          ctx,
          async (op) => ({
            definition: await updateWorkflowDefinition(op, {
              id: input.id.id,
              description: input.description ?? undefined,
              definition: (input.definition ?? undefined) as Record<string, unknown> | undefined,
            }),
          }),
          { definition: null },
        ),
      ),
  }),
  createWorkflowVersion: move(
    t,
    "CreateWorkflowVersionPayload",
    "A new draft version (the newest number + 1) copying this version's definition.",
    createWorkflowVersion,
  ),
  activateWorkflowDefinition: t.fieldWithInput({
    type: payloadWithProblems(
      "ActivateWorkflowDefinitionPayload",
      "Why activation was refused (INVALID_DEFINITION), by step; empty when activated.",
    ),
    description:
      "Makes a draft the version new instances and schedules start. Refused with INVALID_DEFINITION and the problems while it has any.",
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: WorkflowDefinitionRef }) },
    resolve: async (_root, { input }, ctx) => {
      let problems: WorkflowProblem[] = [];
      const result = await runMutation(
        ctx,
        async (op) => {
          try {
            return { definition: await activateWorkflowDefinition(op, { id: input.id.id }) };
          } catch (error) {
            if (error instanceof InvalidWorkflowDefinitionError) problems = error.problems;
            throw error;
          }
        },
        { definition: null },
      );
      return { ...result, problems };
    },
  }),
  deprecateWorkflowDefinition: move(
    t,
    "DeprecateWorkflowDefinitionPayload",
    "Stops new instances of an active version (running ones finish).",
    deprecateWorkflowDefinition,
  ),
  archiveWorkflowDefinition: move(
    t,
    "ArchiveWorkflowDefinitionPayload",
    "Retires a version for good.",
    archiveWorkflowDefinition,
  ),
  deleteWorkflowDefinition: t.fieldWithInput({
    type: DeleteWorkflowDefinitionPayload,
    description: "Deletes a draft version (INVALID_TRANSITION for any other status).",
    authScopes: { authenticated: true },
    input: { id: t.input.globalID({ required: true, for: WorkflowDefinitionRef }) },
    resolve: (_root, { input }, ctx) =>
      runMutation(
        ctx,
        async (op) => {
          await deleteWorkflowDefinition(op, { id: input.id.id });
          return { deletedId: encodeGlobalID("WorkflowDefinition", input.id.id) };
        },
        { deletedId: null },
      ),
  }),
}));
