"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";
import { userErrorsByField } from "@/lib/forms/apply-user-errors";
import { useAccountMutation, useAccountSlug, useRefreshAccountQueries } from "@/lib/graphql/use-graphql";
import { CampaignSelect } from "../content/campaign-select";
import { journeyPath } from "./journey-paths";
import { CreateJourneyMutation, JOURNEY_QUERIES } from "./journeys-operations";

type Errors = { name?: string; description?: string; campaignId?: string; form?: string };

/** "New journey": a name (and optionally a description and campaign), then straight into the builder. */
export function NewJourneyButton({ size = "md" }: { size?: "sm" | "md" }) {
  const accountSlug = useAccountSlug();
  const router = useRouter();
  const create = useAccountMutation(CreateJourneyMutation);
  const refresh = useRefreshAccountQueries();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [campaignId, setCampaignId] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  function show() {
    setName("");
    setDescription("");
    setCampaignId("");
    setErrors({});
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setErrors({ name: "Name the journey." });
    setErrors({});
    try {
      const { createJourney: payload } = await create.mutateAsync({
        input: { name: name.trim(), description: description.trim() || null, campaignId: campaignId || null },
      });
      if (payload.userErrors.length > 0 || !payload.journey) {
        return setErrors(userErrorsByField(payload.userErrors, ["name", "description", "campaignId"]));
      }
      await refresh(JOURNEY_QUERIES);
      // Closed before leaving: the router may keep this page mounted (hidden) for going back, and
      // an open modal would stay over the builder.
      setOpen(false);
      router.push(journeyPath(accountSlug, payload.journey.id));
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : "Could not create the journey." });
    }
  }

  return (
    <>
      <Button size={size} onClick={show}>
        New journey
      </Button>
      <Modal
        open={open}
        onClose={() => (create.isPending ? undefined : setOpen(false))}
        title="New journey"
        description="It starts as a draft with a manual trigger; build it on the canvas, then publish and activate it."
      >
        <form onSubmit={submit} noValidate aria-label="New journey" className="space-y-4">
          <FormField id="journey-name" label="Name" error={errors.name}>
            <TextInput
              id="journey-name"
              value={name}
              maxLength={160}
              autoComplete="off"
              invalid={!!errors.name}
              data-autofocus
              onChange={(event) => setName(event.target.value)}
            />
          </FormField>
          <FormField id="journey-description" label="Description (optional)" error={errors.description}>
            <TextArea
              id="journey-description"
              rows={2}
              value={description}
              invalid={!!errors.description}
              onChange={(event) => setDescription(event.target.value)}
            />
          </FormField>
          <FormField id="journey-campaign" label="Campaign (optional)" error={errors.campaignId}>
            <CampaignSelect
              id="journey-campaign"
              value={campaignId}
              invalid={!!errors.campaignId}
              onChange={(event) => setCampaignId(event.target.value)}
            />
          </FormField>
          <FieldError message={errors.form} />
          <div className="flex justify-end gap-3">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create and open the builder"}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
