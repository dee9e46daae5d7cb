"use client";

import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader, Panel } from "@/components/ui/page-header";
import { useAccountQuery, useAccountSlug } from "@/lib/graphql/use-graphql";
import { SegmentOptionsQuery } from "../segments/segments-operations";
import { ContactBulkActions } from "./contact-bulk-actions";
import { ContactFilters, type ContactFilterValues, NO_CONTACT_FILTER } from "./contact-filters";
import { canEditContacts } from "./contact-model";
import { importContactsPath, newContactPath } from "./contact-paths";
import { ContactsTable } from "./contacts-table";
import { ExportContactsButton } from "./export-contacts-button";
import { useContactPages } from "./use-contact-pages";

/** The contacts list with its filters, bulk actions on a selection, import and export. */
export function ContactsView() {
  const { account } = useConsole();
  const accountSlug = useAccountSlug();
  const canEdit = canEditContacts(account?.viewerRole);
  const [filter, setFilter] = useState<ContactFilterValues>(NO_CONTACT_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const list = useContactPages(filter);
  const segments = useAccountQuery(SegmentOptionsQuery, {}, { staleTime: 60_000 });
  const filterSegment = useMemo(() => {
    const segment = segments.data?.segments.nodes.find((candidate) => candidate.id === filter.segmentId);
    return segment?.kind === "STATIC" ? { id: segment.id, name: segment.name } : null;
  }, [segments.data, filter.segmentId]);

  // A new filter shows other contacts: a selection of ones no longer listed would act unseen.
  const changeFilter = useCallback((values: ContactFilterValues) => {
    setFilter(values);
    setSelected(new Set());
  }, []);

  function select(ids: readonly string[], checked: boolean) {
    setSelected((previous) => {
      const next = new Set(previous);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  const shown = new Set(list.contacts.map((contact) => contact.id));
  const selectedIds = [...selected].filter((id) => shown.has(id));

  return (
    <>
      <PageHeader title="Contacts" description="The people you market to, with their consent, tags and data.">
        <div className="flex flex-wrap items-start gap-2">
          <ExportContactsButton filter={filter} />
          {canEdit ? (
            <>
              <Link href={importContactsPath(accountSlug)} className={buttonClasses("secondary")}>
                Import CSV
              </Link>
              <Link href={newContactPath(accountSlug)} className={buttonClasses("primary")}>
                New contact
              </Link>
            </>
          ) : null}
        </div>
      </PageHeader>
      {canEdit ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read contacts; owners, admins and members add and change them.
        </p>
      )}
      <Panel>
        <ContactFilters onChange={changeFilter} />
        {canEdit && !filter.deleted && list.contacts.length > 0 ? (
          <ContactBulkActions
            ids={selectedIds}
            filterSegment={filterSegment}
            onDone={() => setSelected(new Set())}
          />
        ) : null}
        <ContactsTable
          filter={filter}
          canEdit={canEdit && !filter.deleted}
          list={list}
          selected={selected}
          onSelect={select}
        />
      </Panel>
    </>
  );
}
