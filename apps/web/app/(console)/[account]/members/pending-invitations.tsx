"use client";

import { useConsole } from "@/components/console/console-context";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountMutation, useAccountQuery } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { type MembershipRole, ROLE_LABELS } from "@/lib/identity/roles";
import { PendingInvitationsQuery, RevokeInvitationMutation } from "./members-operations";

export function PendingInvitations() {
  const { canManage } = useConsole();
  const invitations = useAccountQuery(PendingInvitationsQuery, {});
  const revokeInvitation = useAccountMutation(RevokeInvitationMutation);
  const { error, run } = useRowAction(["PendingInvitations"]);
  const revoke = (id: string) =>
    run(
      async () => (await revokeInvitation.mutateAsync({ input: { id } })).revokeInvitation,
      "Could not revoke the invitation.",
    );

  if (invitations.isPending) return <LoadingState label="Loading invitations…" />;
  if (invitations.isError)
    return <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />;

  const { nodes } = invitations.data.invitations;
  if (nodes.length === 0) return <EmptyState title="No pending invitations" />;
  return (
    <>
      <DataTable caption="Pending invitations">
        <thead>
          <tr>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Invited by</Th>
            <Th>Expires</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {nodes.map((invitation) => (
            <tr key={invitation.id}>
              <Td className="font-medium text-zinc-900">{invitation.email}</Td>
              <Td>{ROLE_LABELS[invitation.role as MembershipRole] ?? invitation.role}</Td>
              <Td>{invitation.invitedBy?.name ?? "—"}</Td>
              <Td>{formatDateTime(invitation.expiresAt)}</Td>
              <Td className="text-right">
                {canManage ? (
                  <Button
                    variant="danger"
                    size="sm"
                    aria-label={`Revoke invitation for ${invitation.email}`}
                    disabled={revokeInvitation.isPending}
                    onClick={() => revoke(invitation.id)}
                  >
                    Revoke
                  </Button>
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <div className="px-4">
        <FieldError message={error} />
      </div>
    </>
  );
}
