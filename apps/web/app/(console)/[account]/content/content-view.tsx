"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { ContentFilters, type ContentFilterValues, NO_CONTENT_FILTER } from "./content-filters";
import { canReadContent, canWriteContent } from "./content-model";
import { CONTENT_QUERIES, CreateContentItemMutation } from "./content-operations";
import { contentItemPath, newContentPath } from "./content-paths";
import { ContentTable } from "./content-table";
import type { GeneratedDraft } from "./draft-from-variant";
import { GenerateButton } from "./generate-dialog";
import { mediaPath } from "./media/media-paths";
import { templatesPath } from "./templates/template-paths";

/** The content list with its filters; new items are written or generated from here. */
export function ContentView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateContentItemMutation);
  const refresh = useRefreshAccountQueries();
  const role = account?.viewerRole;
  const canWrite = canWriteContent(role);
  const [filter, setFilter] = useState<ContentFilterValues>(NO_CONTENT_FILTER);

  /** "Use this draft" from the list: the chosen draft becomes a new item, opened in the editor. */
  async function saveDraft(draft: GeneratedDraft): Promise<string | null> {
    try {
      const { createContentItem: payload } = await create.mutateAsync({
        input: {
          fields: { type: draft.type, title: draft.title, subject: draft.subject, body: draft.body },
          generationId: draft.generationId,
        },
      });
      if (!payload.contentItem) {
        return (
          payload.userErrors.map((userError) => userError.message).join(" ") || "Could not save the draft."
        );
      }
      await refresh(CONTENT_QUERIES);
      router.push(contentItemPath(accountSlug, payload.contentItem.id));
      return null;
    } catch (failure) {
      return failure instanceof Error ? failure.message : "Could not save the draft.";
    }
  }

  if (!canReadContent(role)) {
    return (
      <>
        <PageHeader title="Content" />
        <p className="rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">Your role does not include content.</p>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Content"
        description="Posts, emails, ads and articles: written or generated, checked against the brand, reviewed, then scheduled."
      >
        <div className="flex flex-wrap items-center gap-2">
          <Link href={templatesPath(accountSlug)} className={buttonClasses("ghost")}>
            Templates
          </Link>
          <Link href={mediaPath(accountSlug)} className={buttonClasses("ghost")}>
            Media library
          </Link>
          {canWrite ? (
            <>
              <GenerateButton
                defaults={{ contentType: "SOCIAL_POST", campaignId: "" }}
                useLabel="Save as new draft"
                onUse={saveDraft}
              />
              <Link href={newContentPath(accountSlug)} className={buttonClasses("primary")}>
                New content
              </Link>
            </>
          ) : null}
        </div>
      </PageHeader>
      {canWrite ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read content; owners, admins and members write it.
        </p>
      )}
      <Panel>
        <ContentFilters onChange={setFilter} />
        <ContentTable filter={filter} canWrite={canWrite} />
      </Panel>
    </>
  );
}
