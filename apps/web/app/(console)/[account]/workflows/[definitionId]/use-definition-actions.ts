// The lifecycle of one definition from its page: activate, deprecate, archive, delete, and make a
// new version (a draft copy). Each shows the API's answer as a notice and refreshes the lists.
"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import type { DefinitionMove, WorkflowDefinitionDetail } from "../workflow-model";
import {
  ActivateWorkflowDefinitionMutation,
  ArchiveWorkflowDefinitionMutation,
  CreateWorkflowVersionMutation,
  DEFINITION_QUERIES,
  DeleteWorkflowDefinitionMutation,
  DeprecateWorkflowDefinitionMutation,
} from "../workflow-operations";
import { workflowDefinitionPath, workflowsPath } from "../workflow-paths";

export type Notice = { tone: "info" | "success" | "error"; text: string };

const DONE: Record<Exclude<DefinitionMove, "delete">, string> = {
  activate: "Activated: this version can be started now.",
  deprecate: "Deprecated: running instances finish, no new ones start.",
  archive: "Archived.",
};

export function useDefinitionActions(definition: WorkflowDefinitionDetail) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const refresh = useRefreshAccountQueries();
  const activate = useAccountMutation(ActivateWorkflowDefinitionMutation);
  const deprecate = useAccountMutation(DeprecateWorkflowDefinitionMutation);
  const archive = useAccountMutation(ArchiveWorkflowDefinitionMutation);
  const remove = useAccountMutation(DeleteWorkflowDefinitionMutation);
  const newVersion = useAccountMutation(CreateWorkflowVersionMutation);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  async function attempt(what: string, action: () => Promise<readonly { message: string }[]>) {
    setBusy(what);
    setNotice(null);
    try {
      const errors = await action();
      if (errors.length > 0)
        setNotice({ tone: "error", text: errors.map((error) => error.message).join(" ") });
    } catch (failure) {
      setNotice({ tone: "error", text: failure instanceof Error ? failure.message : "The request failed." });
    } finally {
      setBusy(null);
    }
  }

  const input = { input: { id: definition.id } };

  const move = (to: DefinitionMove) =>
    attempt(to, async () => {
      if (to === "delete") {
        const { deleteWorkflowDefinition: payload } = await remove.mutateAsync(input);
        if (payload.userErrors.length === 0) {
          await refresh(DEFINITION_QUERIES);
          router.push(workflowsPath(accountSlug));
        }
        return payload.userErrors;
      }
      const payload =
        to === "activate"
          ? (await activate.mutateAsync(input)).activateWorkflowDefinition
          : to === "deprecate"
            ? (await deprecate.mutateAsync(input)).deprecateWorkflowDefinition
            : (await archive.mutateAsync(input)).archiveWorkflowDefinition;
      // Refreshed either way: a refused activation names the problems the page then shows.
      await refresh(DEFINITION_QUERIES);
      if (payload.userErrors.length === 0) setNotice({ tone: "success", text: DONE[to] });
      return payload.userErrors;
    });

  const createVersion = () =>
    attempt("version", async () => {
      const { createWorkflowVersion: payload } = await newVersion.mutateAsync(input);
      if (payload.definition && payload.userErrors.length === 0) {
        await refresh(DEFINITION_QUERIES);
        router.push(workflowDefinitionPath(accountSlug, payload.definition.id));
      }
      return payload.userErrors;
    });

  return { busy, notice, setNotice, move, createVersion };
}
