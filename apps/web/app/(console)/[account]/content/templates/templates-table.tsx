"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { KIND_LABELS, type TemplateFilterValues } from "./template-model";
import { newTemplatePath, templatePath } from "./template-paths";
import { useTemplatePages } from "./use-template-pages";

/** Templates by name, 25 at a time: live ones, or the archived ones when asked. */
export function TemplatesTable({ filter, canWrite }: { filter: TemplateFilterValues; canWrite: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, templates, totalCount } = useTemplatePages(filter);

  if (pages.isPending) return <LoadingState label="Loading templates…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (templates.length === 0) {
    if (filter.search.trim() !== "") return <EmptyState title="No template matches this search" />;
    if (filter.archived) return <EmptyState title="No archived templates" />;
    return (
      <EmptyState title="No templates yet">
        {canWrite ? (
          <>
            <p>
              Save the posts and emails you write again and again, with {"{{variables}}"} for what changes.
            </p>
            <Link href={newTemplatePath(accountSlug)} className={`${buttonClasses("primary", "sm")} mt-3`}>
              Write a template
            </Link>
          </>
        ) : (
          "Owners, admins and members write them."
        )}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Templates">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Kind</Th>
            <Th>Variables</Th>
            <Th>{filter.archived ? "Archived" : "Updated"}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {templates.map((template) => (
            <tr key={template.id}>
              <Td>
                <Link
                  href={templatePath(accountSlug, template.id)}
                  className="font-medium text-zinc-900 hover:text-accent-700 hover:underline"
                >
                  {template.name}
                </Link>
                {template.description ? (
                  <p className="mt-0.5 line-clamp-1 text-xs text-zinc-500">{template.description}</p>
                ) : null}
              </Td>
              <Td>
                <Badge tone={template.kind === "EMAIL" ? "accent" : "neutral"}>
                  {KIND_LABELS[template.kind]}
                </Badge>
              </Td>
              <Td className="font-mono text-xs">
                {template.variables.length > 0 ? (
                  template.variables.map((v) => `{{${v.name}}}`).join(" ")
                ) : (
                  <span className="font-sans text-zinc-400">None</span>
                )}
              </Td>
              <Td className="whitespace-nowrap">
                {formatDateTime(filter.archived ? template.archivedAt : template.updatedAt)}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={templates.length} totalCount={totalCount} />
    </div>
  );
}
