"use client";

import Link from "next/link";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { canEditContacts } from "../contact-model";
import { contactsPath } from "../contact-paths";
import { ImportContactsForm } from "./import-contacts-form";
import { type ImportReport, ImportReportView } from "./import-report";

/** CSV in, a report out: valid rows are imported (or update the contact with that email), invalid ones listed. */
export function ImportContactsView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const [report, setReport] = useState<ImportReport | null>(null);

  return (
    <>
      <Link href={contactsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All contacts
      </Link>
      <PageHeader
        title="Import contacts"
        description="Contacts are matched by email: a known address updates that contact, a new one creates a contact."
      />
      {!canEditContacts(account?.viewerRole) ? (
        <Panel>
          <p className="p-4 text-sm text-zinc-500">Only owners, admins and members can import contacts.</p>
        </Panel>
      ) : (
        <>
          <Panel title="CSV">
            <ImportContactsForm onImported={setReport} />
          </Panel>
          {report ? <ImportReportView report={report} /> : null}
        </>
      )}
    </>
  );
}
