"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, enumLabel, statusTone } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import { AccountOverviewQuery } from "./overview-query";

export function AccountOverview() {
  const overview = useAccountQuery(AccountOverviewQuery, {});
  if (overview.isPending) return <LoadingState />;
  if (overview.isError) return <ErrorState error={overview.error} onRetry={() => overview.refetch()} />;

  const { account } = overview.data;
  const isAgency = account.kind === "AGENCY";
  return (
    <>
      <PageHeader
        title={account.name}
        description={`/${account.slug} · created ${formatDate(account.createdAt)}`}
      >
        <Badge tone={statusTone(account.status)}>{enumLabel(account.status)}</Badge>
      </PageHeader>
      <dl className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Kind">{isAgency ? "Agency" : "Business"}</Stat>
        <Stat label="Plan">{enumLabel(account.plan)}</Stat>
        <Stat label="Members">
          <Link className="hover:text-accent-700" href={`/${account.slug}/members`}>
            {account.memberships.totalCount}
          </Link>
        </Stat>
        {isAgency ? (
          <Stat label="Sub-accounts">
            <Link className="hover:text-accent-700" href={`/${account.slug}/sub-accounts`}>
              {account.subAccounts.totalCount}
            </Link>
          </Stat>
        ) : (
          <Stat label="Agency">
            {account.parentAccount ? (
              <Link className="hover:text-accent-700" href={`/${account.parentAccount.slug}`}>
                {account.parentAccount.name}
              </Link>
            ) : (
              "Independent"
            )}
          </Stat>
        )}
      </dl>
      <p className="mt-6 text-sm text-zinc-500">
        Time zone {account.timeZone} · locale {account.locale}
      </p>
    </>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs">
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-zinc-900">{children}</dd>
    </div>
  );
}
