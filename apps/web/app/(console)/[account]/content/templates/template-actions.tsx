"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import type { TemplateDetail } from "./template-model";
import { templatesPath } from "./template-paths";
import {
  ArchiveTemplateMutation,
  DeleteTemplateMutation,
  TEMPLATE_QUERIES,
  UnarchiveTemplateMutation,
} from "./templates-operations";

type Payload = { userErrors: readonly { code: string; message: string }[] };

/**
 * Archive (hides it from pickers, keeps it), unarchive, and delete. Deleting is only offered for
 * an archived template: it is a second, deliberate step, and the API refuses it for a template
 * content was started from. Each sends the version shown, so a stale page gets a CONFLICT.
 */
export function TemplateActions({
  template,
  onChanged,
}: {
  template: TemplateDetail;
  onChanged: () => void;
}) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const refresh = useRefreshAccountQueries();
  const archive = useAccountMutation(ArchiveTemplateMutation);
  const unarchive = useAccountMutation(UnarchiveTemplateMutation);
  const remove = useAccountMutation(DeleteTemplateMutation);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = { id: template.id, version: template.version };

  async function run(action: () => Promise<Payload>, after?: () => void) {
    setError(null);
    setPending(true);
    try {
      const { userErrors } = await action();
      if (userErrors[0]) setError(userErrors[0].message);
      else after?.();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The action failed.");
    } finally {
      setPending(false);
    }
    await refresh(TEMPLATE_QUERIES);
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-center gap-2">
        {template.archivedAt ? (
          <>
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() =>
                run(async () => (await unarchive.mutateAsync({ input })).unarchiveTemplate, onChanged)
              }
            >
              Unarchive
            </Button>
            <ConfirmButton
              label="Delete"
              ariaLabel={`Delete ${template.name}`}
              title="Delete this template?"
              description="It is removed for good and its name becomes free. A template content was started from cannot be deleted: it stays archived."
              confirmLabel="Delete"
              onConfirm={() =>
                run(
                  async () => (await remove.mutateAsync({ input })).deleteTemplate,
                  () => router.push(templatesPath(accountSlug)),
                )
              }
            />
          </>
        ) : (
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => run(async () => (await archive.mutateAsync({ input })).archiveTemplate, onChanged)}
          >
            Archive
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="max-w-sm text-right text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
