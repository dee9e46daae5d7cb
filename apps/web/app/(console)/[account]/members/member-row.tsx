"use client";

import { useConsole } from "@/components/console/console-context";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Td } from "@/components/ui/data-table";
import { FieldError, SelectInput } from "@/components/ui/form-field";
import { formatDate } from "@/components/ui/format";
import type { ResultOf } from "@/lib/graphql/graphql";
import { useAccountMutation } from "@/lib/graphql/use-graphql";
import { useRowAction } from "@/lib/graphql/use-row-action";
import { MEMBERSHIP_ROLES, type MembershipRole, ROLE_LABELS } from "@/lib/identity/roles";
import { type MembersQuery, RemoveMemberMutation, UpdateMembershipRoleMutation } from "./members-operations";

type Membership = ResultOf<typeof MembersQuery>["memberships"]["nodes"][number];

/** One member: role changes apply at once; removal asks first. API refusals show under the row. */
export function MemberRow({ membership }: { membership: Membership }) {
  const { canManage, user } = useConsole();
  const updateRole = useAccountMutation(UpdateMembershipRoleMutation);
  const removeMember = useAccountMutation(RemoveMemberMutation);
  const { error, run } = useRowAction(["Members", "AccountOverview"]);
  const name = membership.user.name || membership.user.email;
  const isYou = membership.user.id === user.id;
  const membershipId = membership.id;

  const changeRole = (role: MembershipRole) =>
    run(
      async () => (await updateRole.mutateAsync({ input: { membershipId, role } })).updateMembershipRole,
      "Could not change the role.",
    );
  const remove = () =>
    run(
      async () => (await removeMember.mutateAsync({ input: { membershipId } })).removeMember,
      "Could not remove the member.",
    );

  const selectId = `role-${membership.id}`;
  return (
    <tr>
      <Td className="font-medium text-zinc-900">
        {membership.user.name}
        {isYou ? <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span> : null}
      </Td>
      <Td>{membership.user.email}</Td>
      <Td>
        <SelectInput
          id={selectId}
          aria-label={`Role of ${name}`}
          className="w-36 py-1.5"
          value={membership.role}
          disabled={!canManage || updateRole.isPending}
          invalid={!!error}
          onChange={(event) => changeRole(event.target.value as MembershipRole)}
        >
          {MEMBERSHIP_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </SelectInput>
        <FieldError id={`${selectId}-error`} message={error} />
      </Td>
      <Td>{formatDate(membership.createdAt)}</Td>
      <Td className="text-right">
        {canManage ? (
          <ConfirmButton
            label="Remove"
            ariaLabel={`Remove ${name}`}
            title={`Remove ${name}?`}
            description={`${name} (${membership.user.email}) will lose access to this account at once.`}
            confirmLabel="Remove member"
            onConfirm={remove}
          />
        ) : null}
      </Td>
    </tr>
  );
}
