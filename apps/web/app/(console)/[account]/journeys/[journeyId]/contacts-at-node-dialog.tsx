"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { Modal } from "@/components/ui/modal";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { accountQueryKey, useAccountSlug } from "@/lib/graphql/use-graphql";
import { ContactsAtNodeQuery } from "../journeys-operations";

const PAGE_SIZE = 25;

/** Who is at one step right now (running it or held there), earliest entry first, 25 at a time. */
export function ContactsAtNodeDialog({
  journeyId,
  nodeId,
  stepName,
  live,
  onClose,
}: {
  journeyId: string;
  nodeId: string | null;
  stepName: string;
  /** Refreshes the list every few seconds while the journey runs. */
  live: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      open={nodeId !== null}
      onClose={onClose}
      title={`Contacts at ${stepName}`}
      description="Contacts running this step or held here right now. Those who have moved on are not listed."
    >
      {nodeId ? <ContactsAtNode journeyId={journeyId} nodeId={nodeId} live={live} /> : null}
      <div className="mt-4 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </Modal>
  );
}

function ContactsAtNode({ journeyId, nodeId, live }: { journeyId: string; nodeId: string; live: boolean }) {
  const accountSlug = useAccountSlug();
  const variables = { id: journeyId, nodeId, first: PAGE_SIZE };
  const pages = useInfiniteQuery({
    queryKey: accountQueryKey(accountSlug, "ContactsAtNode", variables),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      requestGraphQL(ContactsAtNodeQuery, { ...variables, after: pageParam }, { account: accountSlug }),
    getNextPageParam: (page) => {
      const info = page.journey?.contactsAtNode.pageInfo;
      return info?.hasNextPage ? (info.endCursor ?? null) : null;
    },
    refetchInterval: live ? 5_000 : false,
  });
  if (pages.isPending) return <LoadingState label="Loading contacts…" />;
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  const executions = pages.data.pages.flatMap((page) => page.journey?.contactsAtNode.nodes ?? []);
  const totalCount = pages.data.pages[0]?.journey?.contactsAtNode.totalCount ?? executions.length;
  if (executions.length === 0) return <EmptyState title="Nobody is at this step right now" />;

  return (
    <div className="max-h-[60vh] overflow-y-auto rounded-md border border-zinc-200">
      <DataTable caption="Contacts at this step">
        <thead>
          <tr>
            <Th>Contact</Th>
            <Th>State</Th>
            <Th>Entered</Th>
            <Th>Next step due</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {executions.map((execution) => (
            <tr key={execution.id}>
              <Td>
                <p className="font-medium text-zinc-900">{execution.contact.displayName}</p>
                {execution.contact.email && execution.contact.email !== execution.contact.displayName ? (
                  <p className="text-xs text-zinc-500">{execution.contact.email}</p>
                ) : null}
              </Td>
              <Td>{execution.status === "WAITING" ? "Waiting" : "Running"}</Td>
              <Td className="whitespace-nowrap">
                {formatDateTime(execution.enteredAt)}
                <span className="block text-xs text-zinc-500">version {execution.versionNumber}</span>
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(execution.nextRunAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={executions.length} totalCount={totalCount} />
    </div>
  );
}
