"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useConsole } from "@/components/console/console-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDateTime } from "@/components/ui/format";
import { Panel } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import {
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
  useRefreshAccountQueries,
} from "@/lib/graphql/use-graphql";
import { ContactForm } from "../contact-form";
import { type ContactDetail, canEditContacts, STATUS_LABELS, STATUS_TONES } from "../contact-model";
import { contactsPath } from "../contact-paths";
import {
  CONTACT_QUERIES,
  ContactDetailQuery,
  DeleteContactsMutation,
  RestoreContactMutation,
} from "../contacts-operations";
import { ContactConsents } from "./contact-consents";
import { ContactSegments } from "./contact-segments";
import { ContactTimeline } from "./contact-timeline";

export function ContactDetailView({ contactId }: { contactId: string }) {
  const accountSlug = useAccountSlug();
  const query = useAccountQuery(ContactDetailQuery, { id: contactId });
  const contact = query.data?.contact ?? null;

  return (
    <>
      <Link href={contactsPath(accountSlug)} className="text-sm font-medium text-accent-700 hover:underline">
        ← All contacts
      </Link>
      {query.isPending ? (
        <LoadingState label="Loading contact…" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : !contact ? (
        <Panel>
          <EmptyState title="Contact not found">
            It does not exist, was deleted, or belongs to another account.
          </EmptyState>
        </Panel>
      ) : (
        <ContactPage contact={contact} reload={() => query.refetch()} />
      )}
    </>
  );
}

function ContactPage({ contact, reload }: { contact: ContactDetail; reload: () => Promise<unknown> }) {
  const { account } = useConsole();
  const deleted = contact.deletedAt !== null;
  const canEdit = canEditContacts(account?.viewerRole) && !deleted;
  // Remounting the form loads the contact's current values and version into it (after a CONFLICT).
  const [formLoad, setFormLoad] = useState(0);

  async function reloadForm() {
    await reload();
    setFormLoad((n) => n + 1);
  }

  return (
    <>
      <div className="mt-2 mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <div className="flex items-center gap-3">
            <h1 className="text-xl font-semibold text-zinc-900">{contact.displayName}</h1>
            <span data-testid="contact-status">
              <Badge tone={STATUS_TONES[contact.status]}>{STATUS_LABELS[contact.status]}</Badge>
            </span>
          </div>
          <p className="mt-1 text-sm text-zinc-500">
            Added {formatDateTime(contact.createdAt)} · updated {formatDateTime(contact.updatedAt)} · version{" "}
            {contact.version}
            {contact.externalId ? ` · external id ${contact.externalId}` : ""}
          </p>
        </div>
        {canEdit ? <DeleteContactButton contact={contact} /> : null}
      </div>
      {deleted ? (
        <TrashNotice contact={contact} canRestore={canEditContacts(account?.viewerRole)} />
      ) : canEdit ? null : (
        <p className="mb-4 rounded-md bg-zinc-50 p-3 text-sm text-zinc-600">
          You can read this contact; owners, admins and members change it.
        </p>
      )}
      <Panel title="Details">
        <ContactForm key={formLoad} contact={contact} canEdit={canEdit} onReload={reloadForm} />
      </Panel>
      <div className="grid gap-x-6 lg:grid-cols-2">
        <ContactConsents contact={contact} canEdit={canEdit} />
        <ContactSegments contact={contact} />
      </div>
      <ContactTimeline contactId={contact.id} />
    </>
  );
}

function DeleteContactButton({ contact }: { contact: ContactDetail }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const remove = useAccountMutation(DeleteContactsMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);

  async function deleteContact() {
    setError(null);
    try {
      const { deleteContacts: payload } = await remove.mutateAsync({ input: { ids: [contact.id] } });
      if (payload.userErrors[0]) {
        setError(payload.userErrors[0].message);
        return;
      }
      await refresh(CONTACT_QUERIES);
      router.push(contactsPath(accountSlug));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not delete the contact.");
    }
  }

  return (
    <div>
      <ConfirmButton
        label="Delete"
        ariaLabel={`Delete ${contact.displayName}`}
        title="Delete this contact?"
        description="They leave every list, segment and journey. Importing them again restores them."
        confirmLabel="Delete contact"
        onConfirm={deleteContact}
      />
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function TrashNotice({ contact, canRestore }: { contact: ContactDetail; canRestore: boolean }) {
  const restore = useAccountMutation(RestoreContactMutation);
  const refresh = useRefreshAccountQueries();
  const [error, setError] = useState<string | null>(null);

  async function restoreContact() {
    setError(null);
    try {
      const { restoreContact: payload } = await restore.mutateAsync({ input: { id: contact.id } });
      if (payload.userErrors[0]) setError(payload.userErrors[0].message);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not restore the contact.");
    }
    await refresh(CONTACT_QUERIES);
  }

  return (
    <div role="status" className="mb-6 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
      <div className="flex flex-wrap items-center gap-3">
        <span>
          This contact is deleted ({formatDateTime(contact.deletedAt)}): it is in no list, segment or journey.
        </span>
        {canRestore ? (
          <Button variant="secondary" size="sm" disabled={restore.isPending} onClick={restoreContact}>
            Restore
          </Button>
        ) : null}
      </div>
      {error ? <p className="mt-1 text-red-700">{error}</p> : null}
    </div>
  );
}
