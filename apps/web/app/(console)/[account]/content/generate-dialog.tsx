"use client";

import Link from "next/link";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField, SelectInput } from "@/components/ui/form-field";
import { formatTokens } from "@/components/ui/format";
import { Modal } from "@/components/ui/modal";
import { TextArea } from "@/components/ui/text-area";
import { useIdempotencyKey } from "@/lib/billing/idempotency-key";
import {
  useAccountMutation,
  useAccountQuery,
  useAccountSlug,
  useRefreshAccountQueries,
} from "@/lib/graphql/use-graphql";
import {
  CHANNEL_RULES,
  CHANNELS,
  type Channel,
  CONTENT_TYPES,
  type ContentType,
  DEFAULT_CHANNEL,
  TYPE_LABELS,
} from "./content-model";
import { ContentCampaignOptionsQuery } from "./content-operations";
import { walletPath } from "./content-paths";
import { draftFromVariant, type GeneratedDraft } from "./draft-from-variant";
import { GeneratedVariants, type Generation } from "./generated-variants";
import { GenerationCost } from "./generation-cost";
import {
  ContentGenerationQuoteQuery,
  ContentWalletQuery,
  GENERATION_QUERIES,
  GenerateContentMutation,
  GenerationProviderQuery,
} from "./generation-operations";

export type GenerateDefaults = { contentType: ContentType; campaignId: string; contentItemId?: string };

type GenerateDialogProps = {
  defaults: GenerateDefaults;
  /** What "Use this draft" does with the chosen draft (fill the editor, or save a new item);
   * answers an error message to keep the dialog open with, or nothing when done. */
  onUse: (draft: GeneratedDraft) => Promise<string | null> | string | null;
  useLabel: string;
};

/** "Generate with AI": a brief, the cost and the wallet before confirming, then the drafts. */
export function GenerateButton(props: GenerateDialogProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Generate with AI
      </Button>
      <Modal
        open={open}
        onClose={() => (busy ? undefined : setOpen(false))}
        title="Generate with AI"
        description="Drafts written from your brand DNA and a brief, checked against the brand before you use them."
      >
        {open ? (
          <GenerateForm
            {...props}
            onBusy={setBusy}
            onClose={() => setOpen(false)}
            onUse={async (draft) => {
              const problem = await props.onUse(draft);
              if (!problem) setOpen(false);
              return problem;
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

type UserError = { field: string | null; code: string; message: string };

function GenerateForm({
  defaults,
  onUse,
  useLabel,
  onBusy,
  onClose,
}: GenerateDialogProps & { onBusy: (busy: boolean) => void; onClose: () => void }) {
  const accountSlug = useAccountSlug();
  const [contentType, setContentType] = useState<ContentType>(defaults.contentType);
  const [channel, setChannel] = useState<Channel>(DEFAULT_CHANNEL[defaults.contentType]);
  const [brief, setBrief] = useState("");
  const [variants, setVariants] = useState(1);
  const [campaignId, setCampaignId] = useState(defaults.campaignId);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [generation, setGeneration] = useState<Generation | null>(null);
  const [using, setUsing] = useState(false);

  const provider = useAccountQuery(GenerationProviderQuery, {}, { staleTime: 5 * 60_000 });
  const quote = useAccountQuery(ContentGenerationQuoteQuery, { contentType, channel, variants });
  const wallet = useAccountQuery(ContentWalletQuery, {}, { staleTime: 0 });
  const campaigns = useAccountQuery(ContentCampaignOptionsQuery, {});
  const generate = useAccountMutation(GenerateContentMutation);
  const refresh = useRefreshAccountQueries();
  // The form mounts when the dialog opens: a fresh intent. The same request sent again (a retry
  // after a network error, a double click) reuses its key, so it is generated and charged once.
  const intent = useIdempotencyKey();

  const cost = quote.data?.contentGenerationQuote;
  const available = wallet.data?.wallet.available;
  const short = cost != null && available !== undefined && available < cost.tokens;
  const fieldError = (field: string) =>
    errors.find((error) => error.field?.split(".").at(-1) === field)?.message;
  const formErrors = errors.filter(
    (error) =>
      !["brief", "variants", "contentType", "channel", "campaignId"].includes(
        error.field?.split(".").at(-1) ?? "",
      ),
  );

  function changeType(next: ContentType) {
    setContentType(next);
    setChannel(DEFAULT_CHANNEL[next]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (brief.trim() === "") {
      setErrors([{ field: "brief", code: "INVALID", message: "Say what the content is about." }]);
      return;
    }
    const request = {
      contentType,
      channel,
      brief: brief.trim(),
      variants,
      campaignId: campaignId || null,
      contentItemId: defaults.contentItemId ?? null,
    };
    setErrors([]);
    setGeneration(null);
    onBusy(true);
    try {
      const { generateContent: payload } = await generate.mutateAsync({
        input: { ...request, idempotencyKey: intent.keyFor(request) },
      });
      if (payload.userErrors.length > 0) {
        setErrors([...payload.userErrors]);
      } else if (payload.generation) {
        // Succeeded or failed, the attempt is recorded: asking again is a new intent.
        intent.reset();
        setGeneration(payload.generation);
      }
    } catch (error) {
      setErrors([
        {
          field: null,
          code: "NETWORK",
          message: `${error instanceof Error ? error.message : "The request failed."} Generating again sends the same request: it is charged once.`,
        },
      ]);
    } finally {
      onBusy(false);
      await refresh(GENERATION_QUERIES);
    }
  }

  async function use(text: string) {
    if (!generation) return;
    setUsing(true);
    try {
      const problem = await onUse(draftFromVariant(text, generation));
      if (problem) setErrors([{ field: null, code: "INVALID", message: problem }]);
    } finally {
      setUsing(false);
    }
  }

  return (
    <div className="space-y-4">
      <form onSubmit={submit} noValidate aria-label="Generate drafts" className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="generate-type" label="Content type" error={fieldError("contentType")}>
            <SelectInput
              id="generate-type"
              value={contentType}
              onChange={(event) => changeType(event.target.value as ContentType)}
            >
              {CONTENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {TYPE_LABELS[type]}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField id="generate-channel" label="Channel" error={fieldError("channel")}>
            <SelectInput
              id="generate-channel"
              value={channel}
              onChange={(event) => setChannel(event.target.value as Channel)}
            >
              {CHANNELS.map((value) => (
                <option key={value} value={value}>
                  {CHANNEL_RULES[value].label}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <FormField
          id="generate-brief"
          label="Brief"
          hint="What the content is about: the offer, the occasion, the call to action."
          error={fieldError("brief")}
        >
          <TextArea
            id="generate-brief"
            rows={3}
            invalid={!!fieldError("brief")}
            value={brief}
            onChange={(event) => setBrief(event.target.value)}
          />
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="generate-variants" label="Variants" error={fieldError("variants")}>
            <SelectInput
              id="generate-variants"
              value={variants}
              onChange={(event) => setVariants(Number(event.target.value))}
            >
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? "1 draft" : `${n} drafts`}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField id="generate-campaign" label="Campaign (optional)" error={fieldError("campaignId")}>
            <SelectInput
              id="generate-campaign"
              value={campaignId}
              onChange={(event) => setCampaignId(event.target.value)}
            >
              <option value="">No campaign</option>
              {(campaigns.data?.campaigns.nodes ?? []).map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </div>
        <GenerationCost
          provider={provider.data?.generationProvider}
          quote={quote.isPending ? undefined : quote.data?.contentGenerationQuote}
          wallet={wallet.data?.wallet}
          failed={quote.isError || wallet.isError}
        />
        {formErrors.map((error) => (
          <p key={`${error.code}-${error.message}`} role="alert" className="text-sm text-red-700">
            {error.message}
            {error.code === "INSUFFICIENT_TOKENS" ? (
              <>
                {" "}
                <Link href={walletPath(accountSlug)} className="font-medium underline">
                  Go to the wallet
                </Link>
              </>
            ) : null}
          </p>
        ))}
        <div className="flex items-center justify-end gap-3">
          <Button variant="ghost" onClick={onClose} disabled={generate.isPending}>
            Close
          </Button>
          <Button type="submit" disabled={generate.isPending || !cost || short}>
            {generate.isPending
              ? "Writing drafts…"
              : cost
                ? `Generate for up to ${formatTokens(cost.tokens)} tokens`
                : "Generate"}
          </Button>
        </div>
      </form>
      {generation ? (
        <GeneratedVariants generation={generation} useLabel={useLabel} using={using} onUse={use} />
      ) : null}
    </div>
  );
}
