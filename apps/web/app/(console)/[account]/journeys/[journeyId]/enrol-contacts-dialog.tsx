// "Enrol contacts": put chosen contacts (found by name or email), or every member of a segment,
// into the active journey. One idempotency key per submission: a retried request enrols nobody
// twice. A segment's members are enrolled 1,000 at a time (the API's limit per call).
"use client";

import { Tab, TabGroup, TabList, TabPanel, TabPanels } from "@headlessui/react";
import { type FormEvent, useState } from "react";
import { useDebouncedValue } from "@/components/campaigns/use-debounced-value";
import { Checkbox } from "@/components/filters/checkbox-group";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { requestGraphQL } from "@/lib/graphql/request-graphql";
import {
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
  useRefreshAccountQueries,
} from "@/lib/graphql/use-graphql";
import { SegmentOptionsQuery } from "../../segments/segments-operations";
import { EnrolContactOptionsQuery, EnrolContactsMutation, JOURNEY_QUERIES } from "../journeys-operations";

const BATCH = 1_000;
const PAGE = 100;
const tabClasses =
  "rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 hover:bg-zinc-100 focus:outline-none data-focus-visible:ring-2 data-focus-visible:ring-accent-600 data-selected:bg-zinc-900 data-selected:text-white";

type Chosen = Map<string, string>;

export function EnrolContactsButton({ journeyId, disabled }: { journeyId: string; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="secondary"
        onClick={() => setOpen(true)}
        disabled={disabled}
        title={disabled ? "Activate the journey to enrol contacts" : undefined}
      >
        Enrol contacts
      </Button>
      <Modal
        open={open}
        onClose={() => (pending ? undefined : setOpen(false))}
        title="Enrol contacts"
        description="They enter at the trigger now, under the journey's re-entry rule. Messages still need each contact's consent."
      >
        {open ? (
          <EnrolForm journeyId={journeyId} onDone={() => setOpen(false)} onPending={setPending} />
        ) : null}
      </Modal>
    </>
  );
}

function EnrolForm({
  journeyId,
  onDone,
  onPending,
}: {
  journeyId: string;
  onDone: () => void;
  onPending: (pending: boolean) => void;
}) {
  const accountSlug = useAccountSlug();
  const enrol = useAccountMutation(EnrolContactsMutation);
  const refresh = useRefreshAccountQueries();
  const [tab, setTab] = useState(0);
  const [chosen, setChosen] = useState<Chosen>(new Map());
  const [segmentId, setSegmentId] = useState("");
  const [progress, setProgress] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  /** Every member of the segment, a page at a time. */
  async function segmentMembers(): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof fetchPage>> = await fetchPage(after);
      ids.push(...page.contacts.nodes.map((contact) => contact.id));
      setProgress(`Finding members… ${ids.length} of ${page.contacts.totalCount}`);
      after = page.contacts.pageInfo.hasNextPage ? (page.contacts.pageInfo.endCursor ?? null) : null;
    } while (after);
    return ids;
  }
  const fetchPage = (after: string | null) =>
    requestGraphQL(
      EnrolContactOptionsQuery,
      { first: PAGE, after, filter: { segmentId, search: null, tags: null, status: null } },
      { account: accountSlug },
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (tab === 0 && chosen.size === 0) return setError("Choose at least one contact.");
    if (tab === 1 && !segmentId) return setError("Choose a segment.");
    setPending(true);
    onPending(true);
    const entryKey = `console-${crypto.randomUUID()}`;
    let enrolled = 0;
    let skipped = 0;
    try {
      const ids = tab === 0 ? [...chosen.keys()] : await segmentMembers();
      if (ids.length === 0) return setError("The segment has no members.");
      for (let start = 0; start < ids.length; start += BATCH) {
        setProgress(`Enrolling… ${Math.min(start + BATCH, ids.length)} of ${ids.length}`);
        const { enrolContacts: payload } = await enrol.mutateAsync({
          input: { journeyId, contactIds: ids.slice(start, start + BATCH), entryKey },
        });
        if (payload.userErrors.length > 0) {
          setError(payload.userErrors.map((userError) => userError.message).join(" "));
          break;
        }
        enrolled += payload.enrolled;
        skipped += payload.skipped;
      }
      setProgress(null);
      setResult(
        `Enrolled ${enrolled} ${enrolled === 1 ? "contact" : "contacts"}${skipped > 0 ? `; ${skipped} skipped (already in, or kept out by the re-entry rule)` : ""}.`,
      );
      setChosen(new Map());
      await refresh(JOURNEY_QUERIES);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "Could not enrol the contacts.");
    } finally {
      setProgress(null);
      setPending(false);
      onPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Enrol contacts" className="space-y-4">
      <TabGroup selectedIndex={tab} onChange={setTab}>
        <TabList aria-label="Who to enrol" className="mb-3 flex gap-2">
          <Tab className={tabClasses}>Pick contacts</Tab>
          <Tab className={tabClasses}>A whole segment</Tab>
        </TabList>
        <TabPanels>
          <TabPanel>
            <ContactPicker chosen={chosen} onChange={setChosen} />
          </TabPanel>
          <TabPanel>
            <SegmentPicker value={segmentId} onChange={setSegmentId} />
          </TabPanel>
        </TabPanels>
      </TabGroup>
      <FieldError message={error ?? undefined} />
      {progress ? (
        <p role="status" className="text-sm text-zinc-600">
          {progress}
        </p>
      ) : null}
      {result ? (
        <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800">
          {result}
        </p>
      ) : null}
      <div className="flex items-center justify-end gap-3">
        <Button variant="secondary" onClick={onDone} disabled={pending}>
          {result ? "Done" : "Cancel"}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending
            ? "Enrolling…"
            : tab === 0
              ? `Enrol ${chosen.size || ""} ${chosen.size === 1 ? "contact" : "contacts"}`.replace("  ", " ")
              : "Enrol the segment"}
        </Button>
      </div>
    </form>
  );
}

function ContactPicker({ chosen, onChange }: { chosen: Chosen; onChange: (chosen: Chosen) => void }) {
  const [search, setSearch] = useState("");
  const settled = useDebouncedValue(search);
  const contacts = useAccountQuery(
    EnrolContactOptionsQuery,
    {
      first: 25,
      after: null,
      filter: { search: settled.trim() || null, tags: null, status: null, segmentId: null },
    },
    { placeholderData: (previous) => previous },
  );
  const shown = contacts.data?.contacts.nodes ?? [];
  const toggle = (id: string, name: string, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(id, name);
    else next.delete(id);
    onChange(next);
  };

  return (
    <div className="space-y-3">
      <FormField id="enrol-search" label="Find contacts">
        <TextInput
          id="enrol-search"
          type="search"
          value={search}
          placeholder="Name or email"
          autoComplete="off"
          onChange={(event) => setSearch(event.target.value)}
        />
      </FormField>
      {contacts.isPending ? (
        <LoadingState label="Loading contacts…" />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => contacts.refetch()} />
      ) : shown.length === 0 ? (
        <p className="text-sm text-zinc-500">No contacts match.</p>
      ) : (
        <fieldset className="max-h-64 space-y-1.5 overflow-y-auto rounded-md border border-zinc-200 p-3">
          <legend className="sr-only">Contacts found</legend>
          {shown.map((contact) => {
            const name =
              contact.email && contact.displayName !== contact.email
                ? `${contact.displayName} <${contact.email}>`
                : contact.displayName;
            return (
              <Checkbox
                key={contact.id}
                label={contact.status === "ACTIVE" ? name : `${name} (${contact.status.toLowerCase()})`}
                checked={chosen.has(contact.id)}
                onChange={(on) => toggle(contact.id, name, on)}
              />
            );
          })}
        </fieldset>
      )}
      <p className="text-xs text-zinc-500" aria-live="polite">
        {chosen.size === 0
          ? "Nobody chosen yet."
          : `${chosen.size} chosen: ${[...chosen.values()].slice(0, 3).join(", ")}${chosen.size > 3 ? "…" : ""}`}
        {contacts.data && contacts.data.contacts.totalCount > shown.length
          ? ` Showing ${shown.length} of ${contacts.data.contacts.totalCount}: search to narrow.`
          : ""}
      </p>
    </div>
  );
}

function SegmentPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const segments = useAccountQuery(SegmentOptionsQuery, {}, { staleTime: 60_000 });
  const options = segments.data?.segments.nodes ?? [];
  return (
    <FormField
      id="enrol-segment"
      label="Segment"
      hint={
        segments.isSuccess && options.length === 0
          ? "No segments yet: create one under Segments."
          : "Everyone in it now is enrolled."
      }
    >
      <SelectInput
        id="enrol-segment"
        value={value}
        disabled={segments.isPending}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{segments.isPending ? "Loading…" : "Choose a segment"}</option>
        {options.map((segment) => (
          <option key={segment.id} value={segment.id}>
            {segment.name}
          </option>
        ))}
      </SelectInput>
    </FormField>
  );
}
