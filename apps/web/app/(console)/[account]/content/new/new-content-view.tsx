"use client";

import Link from "next/link";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { ContentForm } from "../content-form";
import { canWriteContent } from "../content-model";
import { contentPath } from "../content-paths";

export function NewContentView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();

  return (
    <>
      <Link href={contentPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All content
      </Link>
      <PageHeader
        title="New content"
        description="Write it, or generate a draft from your brand DNA; it starts as a draft and is brand-checked when saved."
      />
      <Panel>
        {canWriteContent(account?.viewerRole) ? (
          <ContentForm canEdit />
        ) : (
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members write content.</p>
        )}
      </Panel>
    </>
  );
}
