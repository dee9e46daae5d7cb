"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";
import { commaList } from "@/lib/forms/comma-list";
import { useAccountMutation, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { MEDIA_QUERIES, UpdateMediaAssetMutation } from "./media-operations";
import type { MediaAsset } from "./use-media-pages";

type Props = { asset: MediaAsset; onClose: () => void };

/** Alt text and tags of one asset (the file itself never changes); mounted while it is open. */
export function MediaEditDialog({ asset, onClose }: Props) {
  const update = useAccountMutation(UpdateMediaAssetMutation);
  const refresh = useRefreshAccountQueries();
  const [altText, setAltText] = useState(asset.altText);
  const [tags, setTags] = useState(asset.tags.join(", "));
  const [errors, setErrors] = useState<{ altText?: string; tags?: string; other?: string }>({});
  const [pending, setPending] = useState(false);

  function close() {
    if (!pending) onClose();
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setPending(true);
    try {
      const { updateMediaAsset: payload } = await update.mutateAsync({
        input: { id: asset.id, altText: altText.trim(), tags: commaList(tags) },
      });
      if (payload.userErrors.length > 0) {
        const found: typeof errors = {};
        for (const e of payload.userErrors) {
          const field = e.field?.split(".")[0];
          if (field === "altText" || field === "tags") found[field] ??= e.message;
          else found.other ??= e.message;
        }
        setErrors(found);
        return;
      }
      await refresh(MEDIA_QUERIES);
      onClose();
    } catch (failure) {
      setErrors({ other: failure instanceof Error ? failure.message : "Could not save." });
    } finally {
      setPending(false);
    }
  }

  return (
    <Modal open onClose={close} title="Edit media details" description={asset.fileName}>
      <form onSubmit={save} noValidate aria-label="Media details" className="space-y-4">
        <FormField
          id="media-alt-text"
          label="Alt text"
          hint="What the image shows, for people who cannot see it."
          error={errors.altText}
        >
          <TextArea
            id="media-alt-text"
            rows={3}
            maxLength={1000}
            invalid={!!errors.altText}
            value={altText}
            onChange={(event) => setAltText(event.target.value)}
          />
        </FormField>
        <FormField id="media-tags" label="Tags" hint="Comma-separated." error={errors.tags}>
          <TextInput
            id="media-tags"
            autoComplete="off"
            invalid={!!errors.tags}
            value={tags}
            onChange={(event) => setTags(event.target.value)}
          />
        </FormField>
        <FieldError message={errors.other} />
        <div className="flex justify-end gap-3">
          <Button variant="secondary" onClick={close} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
