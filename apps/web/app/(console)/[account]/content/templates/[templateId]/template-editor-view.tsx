"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { canWriteContent } from "../../content-model";
import { TemplateActions } from "../template-actions";
import { TemplateForm } from "../template-form";
import { KIND_LABELS, type TemplateDetail } from "../template-model";
import { templatesPath } from "../template-paths";
import { TemplateDetailQuery } from "../templates-operations";

export function TemplateEditorView({ templateId }: { templateId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(TemplateDetailQuery, { id: templateId });
  const template = query.data?.template ?? null;

  return (
    <>
      <Link href={templatesPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All templates
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading template…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !template ? (
        <Panel>
          <EmptyState title="Template not found">
            It does not exist, was deleted, or belongs to another account.
          </EmptyState>
        </Panel>
      ) : (
        <TemplateEditor template={template} refetch={async () => void (await query.refetch())} />
      )}
    </>
  );
}

function TemplateEditor({ template, refetch }: { template: TemplateDetail; refetch: () => Promise<void> }) {
  const { account } = useConsole();
  const canWrite = canWriteContent(account?.viewerRole);
  // Remounting the form loads the template's current values and version into it (after a
  // CONFLICT, or when it is archived or unarchived).
  const [formLoad, setFormLoad] = useState(0);
  const reload = useCallback(async () => {
    await refetch();
    setFormLoad((n) => n + 1);
  }, [refetch]);

  return (
    <>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-xl font-semibold text-zinc-900">{template.name}</h1>
            <Badge tone={template.kind === "EMAIL" ? "accent" : "neutral"}>
              {KIND_LABELS[template.kind]}
            </Badge>
            {template.archivedAt ? (
              <span data-testid="template-archived">
                <Badge tone="warning">Archived</Badge>
              </span>
            ) : null}
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            Version {template.version}
            {template.createdBy ? `, created by ${template.createdBy.name}` : ""} · last changed{" "}
            {formatDateTime(template.updatedAt)}
          </p>
        </div>
        {canWrite ? <TemplateActions template={template} onChanged={reload} /> : null}
      </div>
      {!canWrite ? (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read this template; owners, admins and members change it.
        </p>
      ) : template.archivedAt ? (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          This template is archived ({formatDateTime(template.archivedAt)}): pickers no longer offer it.
          Unarchive it to edit it, or delete it for good.
        </p>
      ) : null}
      <Panel title="Template">
        <TemplateForm
          key={`${formLoad}:${template.archivedAt ?? ""}`}
          template={template}
          canEdit={canWrite}
          onReload={reload}
        />
      </Panel>
    </>
  );
}
