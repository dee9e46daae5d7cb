"use client";

import { type FormEvent, useState } from "react";
import { TimeZoneSelect } from "@/components/campaigns/time-zone-select";
import { Button } from "@/components/ui/button";
import { FieldError, FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { Modal } from "@/components/ui/modal";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { requestIn, useQueryIn } from "./account-scoped";
import type { ShownAccount } from "./calendar-filters";
import {
  CHANNELS,
  connectorCarries,
  DEFAULT_CHANNEL,
  POST_CHANNELS,
  type PostChannel,
} from "./calendar-model";
import { ScheduleOptionsQuery, SchedulePostMutation } from "./calendar-operations";
import { instantOf } from "./calendar-time";

export type NewPostSlot = { date: string; time: string };

type Field =
  | "account"
  | "contentItem"
  | "channel"
  | "connector"
  | "campaign"
  | "date"
  | "time"
  | "timeZone"
  | "form";
type Errors = Partial<Record<Field, string>>;

/** The API's input field → the dialog's field (scheduledAt is the date and time together). */
const FIELD_OF: Record<string, Field> = {
  contentItemId: "contentItem",
  channel: "channel",
  connectorId: "connector",
  campaignId: "campaign",
  scheduledAt: "time",
  date: "date",
  timeZone: "timeZone",
};

/** "Schedule a post" for a clicked day or time slot. */
export function SchedulePostDialog({
  slot,
  zone,
  accounts,
  onClose,
  onScheduled,
}: {
  slot: NewPostSlot | null;
  zone: string;
  /** The accounts a post may go into (the first is the one in the URL). */
  accounts: readonly ShownAccount[];
  onClose: () => void;
  onScheduled: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={slot !== null}
      onClose={() => (busy ? undefined : onClose())}
      title="Schedule a post"
      description="Pick the content and where it goes; it is published at this time by the connector."
    >
      {slot ? (
        <SchedulePostForm
          slot={slot}
          zone={zone}
          accounts={accounts}
          onBusy={setBusy}
          onClose={onClose}
          onScheduled={onScheduled}
        />
      ) : null}
    </Modal>
  );
}

function SchedulePostForm({
  slot,
  zone,
  accounts,
  onBusy,
  onClose,
  onScheduled,
}: {
  slot: NewPostSlot;
  zone: string;
  accounts: readonly ShownAccount[];
  onBusy: (busy: boolean) => void;
  onClose: () => void;
  onScheduled: () => Promise<void>;
}) {
  const [accountSlug, setAccountSlug] = useState(accounts[0]?.slug ?? "");
  const options = useQueryIn(accountSlug, ScheduleOptionsQuery, {}, { enabled: accountSlug !== "" });
  const [contentItemId, setContentItemId] = useState("");
  const [channel, setChannel] = useState<PostChannel | "">("");
  const [connectorId, setConnectorId] = useState("");
  // "" keeps the content item's own campaign; "none" schedules outside any campaign.
  const [campaignId, setCampaignId] = useState("");
  const [date, setDate] = useState(slot.date);
  const [time, setTime] = useState(slot.time);
  const [timeZone, setTimeZone] = useState(zone);
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  const items = [...(options.data?.contentItems.nodes ?? [])]
    .filter((item) => item.status !== "ARCHIVED")
    // Approved content first: that is what is ready to go out.
    .sort((a, b) => Number(b.status === "APPROVED") - Number(a.status === "APPROVED"));
  const approved = items.filter((item) => item.status === "APPROVED");
  const others = items.filter((item) => item.status !== "APPROVED");
  const connectors = (options.data?.connectors.nodes ?? []).filter(
    (connector) => connector.enabled && (channel === "" || connectorCarries(connector.kind, channel)),
  );
  const campaigns = (options.data?.campaigns.nodes ?? []).filter(
    (campaign) => campaign.status !== "COMPLETED" && campaign.status !== "CANCELLED",
  );
  const chosenItem = items.find((item) => item.id === contentItemId);
  const chosenConnector = connectors.find((connector) => connector.id === connectorId) ?? connectors[0];

  function chooseItem(id: string) {
    setContentItemId(id);
    const item = items.find((candidate) => candidate.id === id);
    if (item && channel === "") setChannel(DEFAULT_CHANNEL[item.type] ?? "LINKEDIN");
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Errors = {};
    if (!contentItemId) next.contentItem = "Choose the content to publish.";
    if (!channel) next.channel = "Choose a channel.";
    if (!chosenConnector) next.connector = "Choose a connector.";
    const scheduledAt = instantOf(date, time, timeZone);
    if (!scheduledAt) next.time = "Choose a date and a time.";
    setErrors(next);
    if (Object.keys(next).length > 0 || !channel || !chosenConnector || !scheduledAt) return;

    setPending(true);
    onBusy(true);
    try {
      const { schedulePost: payload } = await requestIn(accountSlug, SchedulePostMutation, {
        input: {
          contentItemId,
          channel,
          connectorId: chosenConnector.id,
          scheduledAt,
          timeZone,
          ...(campaignId === "" ? {} : { campaignId: campaignId === "none" ? null : campaignId }),
        },
      });
      if (payload.userErrors.length > 0) {
        const found: Errors = {};
        for (const error of payload.userErrors) {
          const field = FIELD_OF[error.field?.split(".").at(-1) ?? ""] ?? "form";
          found[field] = found[field] ? `${found[field]} ${error.message}` : error.message;
        }
        setErrors(found);
        return;
      }
      await onScheduled();
      onClose();
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : "Could not schedule the post." });
    } finally {
      setPending(false);
      onBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Schedule a post" className="space-y-4">
      {accounts.length > 1 ? (
        <FormField id="schedule-account" label="Account" error={errors.account}>
          <SelectInput
            id="schedule-account"
            value={accountSlug}
            onChange={(event) => {
              setAccountSlug(event.target.value);
              setContentItemId("");
              setConnectorId("");
              setCampaignId("");
            }}
          >
            {accounts.map((account) => (
              <option key={account.id} value={account.slug}>
                {account.name}
              </option>
            ))}
          </SelectInput>
        </FormField>
      ) : null}
      {options.isPending ? (
        <LoadingState label="Loading content and connectors…" />
      ) : options.isError ? (
        <ErrorState error={options.error} onRetry={() => options.refetch()} />
      ) : (
        <>
          <FormField
            id="schedule-content"
            label="Content"
            error={errors.contentItem}
            hint={
              chosenItem && chosenItem.status !== "APPROVED" ? "This content is not approved yet." : undefined
            }
          >
            <SelectInput
              id="schedule-content"
              value={contentItemId}
              invalid={!!errors.contentItem}
              onChange={(event) => chooseItem(event.target.value)}
            >
              <option value="">Choose content…</option>
              {approved.length > 0 ? (
                <optgroup label="Approved">
                  {approved.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.title}
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {others.length > 0 ? (
                <optgroup label="Not approved yet">
                  {others.map((item) => (
                    <option key={item.id} value={item.id}>
                      {item.title} ({item.status.toLowerCase()})
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </SelectInput>
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="schedule-channel" label="Channel" error={errors.channel}>
              <SelectInput
                id="schedule-channel"
                value={channel}
                invalid={!!errors.channel}
                onChange={(event) => setChannel(event.target.value as PostChannel)}
              >
                <option value="">Choose a channel…</option>
                {POST_CHANNELS.map((value) => (
                  <option key={value} value={value}>
                    {CHANNELS[value].label}
                  </option>
                ))}
              </SelectInput>
            </FormField>
            <FormField id="schedule-connector" label="Connector" error={errors.connector}>
              <SelectInput
                id="schedule-connector"
                value={chosenConnector?.id ?? ""}
                invalid={!!errors.connector}
                onChange={(event) => setConnectorId(event.target.value)}
              >
                {connectors.length === 0 ? <option value="">No connector carries this channel</option> : null}
                {connectors.map((connector) => (
                  <option key={connector.id} value={connector.id}>
                    {connector.name}
                  </option>
                ))}
              </SelectInput>
            </FormField>
          </div>
          <FormField id="schedule-campaign" label="Campaign" error={errors.campaign}>
            <SelectInput
              id="schedule-campaign"
              value={campaignId}
              invalid={!!errors.campaign}
              onChange={(event) => setCampaignId(event.target.value)}
            >
              <option value="">
                {chosenItem?.campaign
                  ? `The content's campaign (${chosenItem.campaign.name})`
                  : "The content's campaign, if any"}
              </option>
              <option value="none">No campaign</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </SelectInput>
          </FormField>
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="schedule-date" label="Date" error={errors.date}>
          <TextInput
            id="schedule-date"
            type="date"
            value={date}
            invalid={!!errors.date}
            onChange={(event) => setDate(event.target.value)}
          />
        </FormField>
        <FormField id="schedule-time" label="Time" error={errors.time}>
          <TextInput
            id="schedule-time"
            type="time"
            value={time}
            invalid={!!errors.time}
            onChange={(event) => setTime(event.target.value)}
          />
        </FormField>
      </div>
      <FormField id="schedule-zone" label="Time zone" error={errors.timeZone}>
        <TimeZoneSelect
          id="schedule-zone"
          value={timeZone}
          current={timeZone}
          invalid={!!errors.timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
        />
      </FormField>
      <FieldError message={errors.form} />
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending || options.isPending}>
          {pending ? "Scheduling…" : "Schedule post"}
        </Button>
      </div>
    </form>
  );
}
