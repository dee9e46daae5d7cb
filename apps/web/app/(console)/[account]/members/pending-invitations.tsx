"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Button } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { FieldError } from "@/components/ui/form-field";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import {
  accountQueryKey,
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
} from "@/lib/graphql/use-graphql";
import { type MembershipRole, ROLE_LABELS } from "@/lib/identity/roles";
import { PendingInvitationsQuery, RevokeInvitationMutation } from "./members-operations";

export function PendingInvitations() {
  const { canManage } = useConsole();
  const accountSlug = useAccountSlug();
  const queryClient = useQueryClient();
  const invitations = useAccountQuery(PendingInvitationsQuery, {});
  const revokeInvitation = useAccountMutation(RevokeInvitationMutation);
  const [error, setError] = useState<string | undefined>();

  async function revoke(id: string) {
    setError(undefined);
    try {
      const { revokeInvitation: payload } = await revokeInvitation.mutateAsync({ input: { id } });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not revoke the invitation.");
    }
    await queryClient.invalidateQueries({ queryKey: accountQueryKey(accountSlug, "PendingInvitations") });
  }

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
