"use client";

import { useConsole } from "@/components/console/console-context";
import { ManageOnly } from "@/components/console/manage-only";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/states";
import { AgencyAvailable } from "./agency-available";
import { CreateSubAccountForm } from "./create-sub-account-form";
import { SubAccountsTable } from "./sub-accounts-table";

export function SubAccountsView() {
  const { account } = useConsole();
  if (account && account.kind !== "AGENCY") {
    return (
      <>
        <PageHeader title="Sub-accounts" />
        <Panel>
          <EmptyState title="Only agency accounts have sub-accounts" />
        </Panel>
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Sub-accounts"
        description={`Client businesses managed by ${account?.name ?? "this agency"}. Agency staff can work in each of them.`}
      />
      <Panel title="Sub-accounts" actions={<AgencyAvailable />}>
        <SubAccountsTable />
      </Panel>
      <Panel title="New sub-account">
        <ManageOnly what="create sub-accounts">
          <CreateSubAccountForm />
        </ManageOnly>
      </Panel>
    </>
  );
}
