"use client";

import Link from "next/link";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { canWriteContent } from "../../content-model";
import { TemplateForm } from "../template-form";
import { templatesPath } from "../template-paths";

export function NewTemplateView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();

  return (
    <>
      <Link href={templatesPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All templates
      </Link>
      <PageHeader
        title="New template"
        description="A content or email template; every {{variable}} it uses is declared, with a default or as required."
      />
      <Panel>
        {canWriteContent(account?.viewerRole) ? (
          <TemplateForm canEdit />
        ) : (
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members write templates.</p>
        )}
      </Panel>
    </>
  );
}
