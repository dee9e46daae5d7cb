"use client";

import { useState } from "react";
import { downloadTextFile } from "@/components/contacts/download-file";
import { Button } from "@/components/ui/button";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { type ContactFilterValues, toContactFilter } from "./contact-filters";
import { ContactExportQuery } from "./contacts-operations";

/** Downloads the contacts the filters match as a CSV file (the columns an import reads back). */
export function ExportContactsButton({ filter }: { filter: ContactFilterValues }) {
  const accountSlug = useAccountSlug();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function exportContacts() {
    setPending(true);
    setError(null);
    try {
      const { contactExport } = await requestGraphQL(
        ContactExportQuery,
        { filter: toContactFilter(filter) },
        { account: accountSlug },
      );
      const day = new Date().toISOString().slice(0, 10);
      downloadTextFile(contactExport.csv, `contacts-${accountSlug}-${day}.csv`);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not export the contacts.");
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <Button variant="secondary" onClick={exportContacts} disabled={pending}>
        {pending ? "Exporting…" : "Export CSV"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
