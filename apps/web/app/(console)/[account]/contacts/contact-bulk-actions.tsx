"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { commaList } from "@/lib/forms/comma-list";
import { useAccountMutation, useAccountQuery, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import {
  AddSegmentMembersMutation,
  RemoveSegmentMembersMutation,
  SEGMENT_QUERIES,
  SegmentOptionsQuery,
} from "../segments/segments-operations";
import { CONTACT_QUERIES, DeleteContactsMutation, TagContactsMutation } from "./contacts-operations";

type Payload = { userErrors: readonly { message: string }[] };

type BulkActionsProps = {
  ids: readonly string[];
  /** The static segment the list is filtered by, whose members can be taken out. */
  filterSegment: { id: string; name: string } | null;
  onDone: () => void;
};

/**
 * What can be done to the selected contacts at once: tag and untag them, add them to a static
 * segment (or take them out of the one the list shows), delete them.
 */
export function ContactBulkActions({ ids, filterSegment, onDone }: BulkActionsProps) {
  const tag = useAccountMutation(TagContactsMutation);
  const remove = useAccountMutation(DeleteContactsMutation);
  const removeMembers = useAccountMutation(RemoveSegmentMembersMutation);
  const refresh = useRefreshAccountQueries();
  const [message, setMessage] = useState<{ tone: "status" | "alert"; text: string } | null>(null);
  const count = ids.length;
  const contacts = `${count} contact${count === 1 ? "" : "s"}`;

  /** Runs one bulk mutation; answers its first problem, or null once done. */
  async function run(action: () => Promise<Payload>, done: string): Promise<string | null> {
    setMessage(null);
    let problem: string | null = null;
    try {
      const { userErrors } = await action();
      problem = userErrors[0]?.message ?? null;
    } catch (failure) {
      problem = failure instanceof Error ? failure.message : "The change could not be made.";
    }
    await refresh([...CONTACT_QUERIES, ...SEGMENT_QUERIES]);
    if (problem) {
      setMessage({ tone: "alert", text: problem });
      return problem;
    }
    setMessage({ tone: "status", text: done });
    onDone();
    return null;
  }

  return (
    <section
      aria-label="Selected contacts"
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-accent-50/60 px-4 py-2.5 text-sm"
    >
      {count > 0 ? (
        <>
          <span className="font-medium text-zinc-800">{contacts} selected</span>
          <TagsDialog
            label="Add tags"
            description={`The tags are added to ${contacts}; tags they already have stay.`}
            onSubmit={(tags) =>
              run(
                async () =>
                  (await tag.mutateAsync({ input: { ids: [...ids], add: tags, remove: [] } })).tagContacts,
                `Tagged ${contacts}.`,
              )
            }
          />
          <TagsDialog
            label="Remove tags"
            description={`The tags are taken off ${contacts}.`}
            onSubmit={(tags) =>
              run(
                async () =>
                  (await tag.mutateAsync({ input: { ids: [...ids], add: [], remove: tags } })).tagContacts,
                `Removed the tags from ${contacts}.`,
              )
            }
          />
          <AddToSegmentDialog ids={ids} run={run} contacts={contacts} />
          {filterSegment ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={removeMembers.isPending}
              onClick={() =>
                run(
                  async () =>
                    (
                      await removeMembers.mutateAsync({
                        input: { id: filterSegment.id, contactIds: [...ids] },
                      })
                    ).removeSegmentMembers,
                  `Took ${contacts} out of ${filterSegment.name}.`,
                )
              }
            >
              Remove from {filterSegment.name}
            </Button>
          ) : null}
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete ${contacts}`}
            title={`Delete ${contacts}?`}
            description="They leave every list, segment and journey. Importing them again restores them."
            confirmLabel="Delete contacts"
            onConfirm={async () => {
              await run(
                async () => (await remove.mutateAsync({ input: { ids: [...ids] } })).deleteContacts,
                `Deleted ${contacts}.`,
              );
            }}
          />
          <Button variant="ghost" size="sm" onClick={onDone}>
            Clear selection
          </Button>
        </>
      ) : (
        <span className="text-zinc-600">Select contacts to tag, segment or delete them together.</span>
      )}
      {message ? (
        <p
          role={message.tone}
          className={`basis-full text-sm ${message.tone === "alert" ? "text-red-700" : "text-zinc-600"}`}
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
}

function TagsDialog({
  label,
  description,
  onSubmit,
}: {
  label: string;
  description: string;
  onSubmit: (tags: string[]) => Promise<string | null>;
}) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `bulk-${label.toLowerCase().replaceAll(" ", "-")}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const tags = commaList(text);
    if (tags.length === 0) return setError("Enter at least one tag.");
    if (tags.some((tag) => tag.length > 64)) return setError("A tag has at most 64 characters.");
    setPending(true);
    const problem = await onSubmit(tags);
    setPending(false);
    if (problem) setError(problem);
    else setOpen(false);
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          setText("");
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </Button>
      <Modal
        open={open}
        onClose={() => (pending ? undefined : setOpen(false))}
        title={label}
        description={description}
      >
        <form onSubmit={submit} noValidate aria-label={label} className="space-y-4">
          <FormField id={id} label="Tags" hint="Comma-separated." error={error ?? undefined}>
            <TextInput
              id={id}
              autoComplete="off"
              invalid={!!error}
              value={text}
              onChange={(event) => setText(event.target.value)}
            />
          </FormField>
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Working…" : label}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}

function AddToSegmentDialog({
  ids,
  contacts,
  run,
}: {
  ids: readonly string[];
  contacts: string;
  run: (action: () => Promise<Payload>, done: string) => Promise<string | null>;
}) {
  const add = useAccountMutation(AddSegmentMembersMutation);
  const options = useAccountQuery(SegmentOptionsQuery, {}, { staleTime: 60_000 });
  const staticSegments = (options.data?.segments.nodes ?? []).filter((segment) => segment.kind === "STATIC");
  const [open, setOpen] = useState(false);
  const [segmentId, setSegmentId] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const segment = staticSegments.find((candidate) => candidate.id === segmentId);
    if (!segment) return setError("Choose a static segment.");
    const problem = await run(
      async () =>
        (await add.mutateAsync({ input: { id: segmentId, contactIds: [...ids] } })).addSegmentMembers,
      `Added ${contacts} to ${segment.name}.`,
    );
    if (problem) setError(problem);
    else setOpen(false);
  }

  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        Add to segment
      </Button>
      <Modal
        open={open}
        onClose={() => (add.isPending ? undefined : setOpen(false))}
        title="Add to segment"
        description={`Adds ${contacts} to a static segment (dynamic segments follow their conditions).`}
      >
        <form onSubmit={submit} noValidate aria-label="Add to segment" className="space-y-4">
          {options.isPending ? (
            <p className="text-sm text-zinc-500">Loading segments…</p>
          ) : staticSegments.length === 0 ? (
            <p className="text-sm text-zinc-600">
              There is no static segment yet: create one on the Segments page.
            </p>
          ) : (
            <FormField id="bulk-segment" label="Static segment" error={error ?? undefined}>
              <SelectInput
                id="bulk-segment"
                invalid={!!error}
                value={segmentId}
                onChange={(event) => setSegmentId(event.target.value)}
              >
                <option value="">Choose…</option>
                {staticSegments.map((segment) => (
                  <option key={segment.id} value={segment.id}>
                    {segment.name}
                  </option>
                ))}
              </SelectInput>
            </FormField>
          )}
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={add.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={add.isPending || staticSegments.length === 0}>
              {add.isPending ? "Adding…" : "Add to segment"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
