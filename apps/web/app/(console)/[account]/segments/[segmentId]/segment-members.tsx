"use client";

import Link from "next/link";
import { Badge, enumLabel } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { LoadMore } from "@/components/ui/load-more";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountSlug } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { contactPath, contactsPath } from "../../contacts/contact-paths";
import type { SegmentDetail } from "../segment-model";
import { RemoveSegmentMembersMutation, SEGMENT_QUERIES } from "../segments-operations";
import { useSegmentMembers } from "./use-segment-members";

/** The segment's current members; a static segment's can be taken out one by one. */
export function SegmentMembers({ segment, canEdit }: { segment: SegmentDetail; canEdit: boolean }) {
  const accountSlug = useAccountSlug();
  const { pages, members, totalCount } = useSegmentMembers(segment.id);
  const remove = useAccountMutation(RemoveSegmentMembersMutation);
  const action = useRowAction(SEGMENT_QUERIES);
  const removable = canEdit && segment.kind === "STATIC";

  return (
    <Panel title="Members">
      {action.error ? (
        <p role="alert" className="px-4 pt-3 text-sm text-red-700">
          {action.error}
        </p>
      ) : null}
      {pages.isPending ? (
        <LoadingState label="Loading members…" />
      ) : !pages.data ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : members.length === 0 ? (
        <EmptyState title="No members yet">
          {segment.kind === "STATIC" ? (
            <>
              Select contacts in the{" "}
              <Link href={contactsPath(accountSlug)} className="text-accent-700 hover:underline">
                contacts list
              </Link>{" "}
              and add them to this segment.
            </>
          ) : (
            "Nobody matches the conditions yet."
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable caption="Segment members">
            <thead>
              <tr>
                <Th>Contact</Th>
                <Th>Email</Th>
                <Th>Phone</Th>
                <Th>Status</Th>
                {removable ? <Th className="sr-only">Actions</Th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {members.map((contact) => (
                <tr key={contact.id}>
                  <Td className="font-medium text-zinc-900">
                    <Link href={contactPath(accountSlug, contact.id)} className="hover:underline">
                      {contact.displayName}
                    </Link>
                  </Td>
                  <Td>{contact.email ?? "—"}</Td>
                  <Td>{contact.phone ?? "—"}</Td>
                  <Td>
                    <Badge tone={contact.status === "ACTIVE" ? "success" : "warning"}>
                      {enumLabel(contact.status)}
                    </Badge>
                  </Td>
                  {removable ? (
                    <Td className="text-right">
                      <Button
                        variant="ghost"
                        size="sm"
                        aria-label={`Remove ${contact.displayName} from the segment`}
                        disabled={remove.isPending}
                        onClick={() =>
                          action.run(
                            async () =>
                              (
                                await remove.mutateAsync({
                                  input: { id: segment.id, contactIds: [contact.id] },
                                })
                              ).removeSegmentMembers,
                            "Could not remove the contact.",
                          )
                        }
                      >
                        Remove
                      </Button>
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
          <LoadMore pages={pages} shown={members.length} totalCount={totalCount} />
        </>
      )}
    </Panel>
  );
}
