"use client";

import { DataTable, Th } from "@/components/ui/data-table";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { MemberRow } from "./member-row";
import { MembersQuery } from "./members-operations";

export function MembersTable() {
  const members = useAccountQuery(MembersQuery, {});
  if (members.isPending) return <LoadingState label="Loading members…" />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => members.refetch()} />;

  const { nodes } = members.data.memberships;
  if (nodes.length === 0) return <EmptyState title="No members yet">Invite someone below.</EmptyState>;
  return (
    <DataTable caption="Members">
      <thead>
        <tr>
          <Th>Name</Th>
          <Th>Email</Th>
          <Th>Role</Th>
          <Th>Member since</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {nodes.map((membership) => (
          <MemberRow key={membership.id} membership={membership} />
        ))}
      </tbody>
    </DataTable>
  );
}
