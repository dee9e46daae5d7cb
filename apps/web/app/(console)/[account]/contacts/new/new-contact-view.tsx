"use client";

import Link from "next/link";
import { browserTimeZone } from "@/components/campaigns/zoned-time";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { LoadingState } from "@/components/ui/states";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { ContactForm } from "../contact-form";
import { canEditContacts } from "../contact-model";
import { contactsPath } from "../contact-paths";
import { ContactAccountTimeZoneQuery } from "../contacts-operations";

export function NewContactView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const zone = useAccountQuery(ContactAccountTimeZoneQuery, {}, { staleTime: 5 * 60_000 });

  return (
    <>
      <Link href={contactsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All contacts
      </Link>
      <PageHeader
        title="New contact"
        description="Consent is recorded separately, on the contact's page, with where it came from."
      />
      <Panel>
        {!canEditContacts(account?.viewerRole) ? (
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members can add contacts.</p>
        ) : zone.isPending ? (
          <LoadingState label="Loading…" />
        ) : (
          <ContactForm defaultTimeZone={zone.data?.account.timeZone ?? browserTimeZone()} />
        )}
      </Panel>
    </>
  );
}
