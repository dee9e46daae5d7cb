import type { Metadata } from "next";
import { ManageOnly } from "@/components/console/manage-only";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { InviteMemberForm } from "./invite-member-form";
import { MembersTable } from "./members-table";
import { PendingInvitations } from "./pending-invitations";

export const metadata: Metadata = { title: "Members" };

export default function MembersPage() {
  return (
    <>
      <PageHeader
        title="Members"
        description="People who can sign in to this account, and what they may do."
      />
      <Panel title="Members">
        <MembersTable />
      </Panel>
      <Panel title="Pending invitations">
        <PendingInvitations />
      </Panel>
      <Panel title="Invite a member">
        <ManageOnly what="invite members">
          <InviteMemberForm />
        </ManageOnly>
      </Panel>
    </>
  );
}
