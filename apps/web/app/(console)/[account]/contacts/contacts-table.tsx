"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { TagList } from "@/components/contacts/tag-list";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { DataTable, Td, Th } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { LoadMore } from "@/components/ui/load-more";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { useAccountSlug } from "@/lib/graphql/use-graphql";
import { type ContactFilterValues, hasFilter } from "./contact-filters";
import { type ContactListItem, STATUS_LABELS, STATUS_TONES } from "./contact-model";
import { contactPath, importContactsPath, newContactPath } from "./contact-paths";
import type { useContactPages } from "./use-contact-pages";

type ContactsTableProps = {
  filter: ContactFilterValues;
  canEdit: boolean;
  list: ReturnType<typeof useContactPages>;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], selected: boolean) => void;
};

/** Contacts newest first, a page at a time, each with a check box for the bulk actions above. */
export function ContactsTable({ filter, canEdit, list, selected, onSelect }: ContactsTableProps) {
  const accountSlug = useAccountSlug();
  const { pages, contacts, totalCount } = list;

  if (pages.isPending) return <LoadingState label="Loading contacts…" />;
  // A failed "Load more" keeps the pages already shown; only a failed first page replaces the table.
  if (!pages.data) return <ErrorState error={pages.error} onRetry={() => pages.refetch()} />;
  if (contacts.length === 0) {
    if (filter.deleted) return <EmptyState title="No deleted contacts match these filters" />;
    return hasFilter(filter) ? (
      <EmptyState title="No contacts match these filters" />
    ) : (
      <EmptyState title="No contacts yet">
        {canEdit ? (
          <>
            <p>Add people one by one, or import a CSV file from your current tool.</p>
            <div className="mt-3 flex justify-center gap-2">
              <Link href={newContactPath(accountSlug)} className={buttonClasses("primary", "sm")}>
                Add a contact
              </Link>
              <Link href={importContactsPath(accountSlug)} className={buttonClasses("secondary", "sm")}>
                Import CSV
              </Link>
            </div>
          </>
        ) : (
          "Owners, admins and members can add them."
        )}
      </EmptyState>
    );
  }
  return (
    <div aria-busy={pages.isPlaceholderData || undefined}>
      <DataTable caption="Contacts">
        <thead>
          <tr>
            {canEdit ? (
              <Th className="w-10">
                <SelectAll contacts={contacts} selected={selected} onSelect={onSelect} />
              </Th>
            ) : null}
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Phone</Th>
            <Th>Status</Th>
            <Th>Tags</Th>
            <Th>Created</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {contacts.map((contact) => (
            <tr key={contact.id} className={selected.has(contact.id) ? "bg-accent-50/50" : undefined}>
              {canEdit ? (
                <Td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${contact.displayName}`}
                    className="size-4 rounded border-zinc-300 accent-accent-600"
                    checked={selected.has(contact.id)}
                    onChange={(event) => onSelect([contact.id], event.target.checked)}
                  />
                </Td>
              ) : null}
              <Td className="font-medium text-zinc-900">
                <Link
                  href={contactPath(accountSlug, contact.id)}
                  className="hover:text-accent-700 hover:underline"
                >
                  {contact.displayName}
                </Link>
              </Td>
              <Td>{contact.email ?? "—"}</Td>
              <Td className="whitespace-nowrap">{contact.phone ?? "—"}</Td>
              <Td>
                <Badge tone={STATUS_TONES[contact.status]}>{STATUS_LABELS[contact.status]}</Badge>
              </Td>
              <Td>
                <TagList tags={contact.tags} />
              </Td>
              <Td className="whitespace-nowrap">{formatDateTime(contact.createdAt)}</Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <LoadMore pages={pages} shown={contacts.length} totalCount={totalCount} />
    </div>
  );
}

/** Selects or clears every contact shown; half-checked when only some are selected. */
function SelectAll({
  contacts,
  selected,
  onSelect,
}: {
  contacts: readonly ContactListItem[];
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], selected: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = contacts.filter((contact) => selected.has(contact.id)).length;
  const all = count > 0 && count === contacts.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all contacts shown"
      className="size-4 rounded border-zinc-300 accent-accent-600"
      checked={all}
      onChange={(event) =>
        onSelect(
          contacts.map((contact) => contact.id),
          event.target.checked,
        )
      }
    />
  );
}
