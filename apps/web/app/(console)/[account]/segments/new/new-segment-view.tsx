"use client";

import Link from "next/link";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { SegmentEditor } from "../segment-editor";
import { canEditSegments } from "../segment-model";
import { segmentsPath } from "../segment-paths";

export function NewSegmentView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();

  return (
    <>
      <Link href={segmentsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All segments
      </Link>
      <PageHeader
        title="New segment"
        description="Draw the conditions; the count on the right follows them."
      />
      <Panel>
        {canEditSegments(account?.viewerRole) ? (
          <SegmentEditor canEdit />
        ) : (
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members can create segments.</p>
        )}
      </Panel>
    </>
  );
}
