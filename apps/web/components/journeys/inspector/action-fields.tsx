"use client";

import { ContentTemplateOptionsQuery } from "@/app/(console)/[account]/content/template-picker";
import { FormField, SelectInput, TextInput } from "@/components/ui/form-field";
import { TextArea } from "@/components/ui/text-area";
import { rowIdOf } from "@/lib/graphql/row-id";
import { useAccountQuery } from "@/lib/graphql/use-graphql";
import type { Action, ContentType } from "../journey-definition";
import { ACTION_LABELS } from "../node-catalog";
import { fieldId, type StepFieldsProps } from "./field-props";
import { MergeVariables } from "./merge-variables";
import { OptionSelect } from "./option-select";
import { useWebhookConnectorOptions } from "./use-step-options";

const DEFAULTS: Record<Action["type"], Action> = {
  send_email: { type: "send_email", subject: "", body: "", templateId: null },
  send_sms: { type: "send_sms", text: "" },
  add_tag: { type: "add_tag", tag: "" },
  remove_tag: { type: "remove_tag", tag: "" },
  update_attribute: { type: "update_attribute", key: "", value: "" },
  call_webhook: { type: "call_webhook", connectorId: "" },
  generate_content: { type: "generate_content", contentType: "email", prompt: "" },
  start_workflow: { type: "start_workflow", workflowKey: "" },
};

const CONTENT_TYPES: Record<ContentType, string> = {
  email: "Email",
  sms: "SMS",
  social_post: "Social post",
  blog_post: "Blog post",
  ad_copy: "Ad copy",
};

type ValueKind = "text" | "number" | "boolean" | "null";
const kindOf = (value: string | number | boolean | null): ValueKind =>
  value === null
    ? "null"
    : typeof value === "number"
      ? "number"
      : typeof value === "boolean"
        ? "boolean"
        : "text";

export function ActionFields({ step, update }: StepFieldsProps<"action">) {
  const { action } = step;
  const set = (next: Action, field?: string) => update((s) => ({ ...s, action: next }), field);
  const id = (field: string) => fieldId(step, field);

  return (
    <>
      <FormField id={id("action-type")} label="Action">
        <SelectInput
          id={id("action-type")}
          value={action.type}
          onChange={(event) => set(DEFAULTS[event.target.value as Action["type"]])}
        >
          {Object.entries(ACTION_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectInput>
      </FormField>
      {action.type === "send_email" ? <EmailFields step={step} action={action} set={set} /> : null}
      {action.type === "send_sms" ? (
        <FormField
          id={id("sms-text")}
          label="Text"
          hint={`${[...action.text].length} characters; sent only with the contact's SMS marketing consent.`}
        >
          <TextArea
            id={id("sms-text")}
            rows={4}
            value={action.text}
            maxLength={1_600}
            onChange={(event) => set({ ...action, text: event.target.value }, "sms-text")}
          />
          <MergeVariables targetId={id("sms-text")} onInsert={(text) => set({ ...action, text })} />
        </FormField>
      ) : null}
      {action.type === "add_tag" || action.type === "remove_tag" ? (
        <FormField id={id("tag")} label={action.type === "add_tag" ? "Tag to add" : "Tag to remove"}>
          <TextInput
            id={id("tag")}
            value={action.tag}
            maxLength={40}
            autoComplete="off"
            placeholder="e.g. onboarded"
            onChange={(event) => set({ ...action, tag: event.target.value }, "tag")}
          />
        </FormField>
      ) : null}
      {action.type === "update_attribute" ? (
        <>
          <FormField id={id("attribute-key")} label="Attribute" hint="Letters, digits, _ . and -.">
            <TextInput
              id={id("attribute-key")}
              value={action.key}
              autoComplete="off"
              placeholder="e.g. lifecycle_stage"
              onChange={(event) => set({ ...action, key: event.target.value }, "attribute-key")}
            />
          </FormField>
          <div className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2">
            <FormField id={id("attribute-kind")} label="Type">
              <SelectInput
                id={id("attribute-kind")}
                value={kindOf(action.value)}
                onChange={(event) => {
                  const kind = event.target.value as ValueKind;
                  const value =
                    kind === "null" ? null : kind === "number" ? 0 : kind === "boolean" ? true : "";
                  set({ ...action, value });
                }}
              >
                <option value="text">Text</option>
                <option value="number">Number</option>
                <option value="boolean">Yes / no</option>
                <option value="null">Clear it</option>
              </SelectInput>
            </FormField>
            <AttributeValue
              id={id("attribute-value")}
              value={action.value}
              onChange={(value) => set({ ...action, value }, "attribute-value")}
            />
          </div>
        </>
      ) : null}
      {action.type === "call_webhook" ? (
        <WebhookField
          step={step}
          connectorId={action.connectorId}
          onChange={(connectorId) => set({ ...action, connectorId })}
        />
      ) : null}
      {action.type === "generate_content" ? (
        <>
          <FormField id={id("content-type")} label="Generate">
            <SelectInput
              id={id("content-type")}
              value={action.contentType}
              onChange={(event) => set({ ...action, contentType: event.target.value as ContentType })}
            >
              {Object.entries(CONTENT_TYPES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </SelectInput>
          </FormField>
          <FormField
            id={id("prompt")}
            label="Brief"
            hint="Spends the account's tokens for each contact. Later messages use it as {{generated_content}}."
          >
            <TextArea
              id={id("prompt")}
              rows={4}
              value={action.prompt}
              maxLength={4_000}
              onChange={(event) => set({ ...action, prompt: event.target.value }, "prompt")}
            />
          </FormField>
        </>
      ) : null}
      {action.type === "start_workflow" ? (
        <FormField
          id={id("workflow")}
          label="Workflow key"
          hint="The durable workflow to start for the contact."
        >
          <TextInput
            id={id("workflow")}
            value={action.workflowKey}
            autoComplete="off"
            onChange={(event) => set({ ...action, workflowKey: event.target.value }, "workflow")}
          />
        </FormField>
      ) : null}
    </>
  );
}

type SendEmail = Extract<Action, { type: "send_email" }>;

function EmailFields({
  step,
  action,
  set,
}: {
  step: { id: string };
  action: SendEmail;
  set: (next: Action, field?: string) => void;
}) {
  const templates = useAccountQuery(ContentTemplateOptionsQuery, {}, { staleTime: 60_000 });
  const emailTemplates = (templates.data?.templates.nodes ?? [])
    .filter((template) => template.kind === "EMAIL")
    .map((template) => ({ id: rowIdOf(template.id), name: template.name }));
  const id = (field: string) => fieldId(step, field);

  return (
    <>
      <OptionSelect
        id={id("template")}
        label="Email template (optional)"
        value={action.templateId ?? ""}
        options={emailTemplates}
        loading={templates.isPending}
        placeholder="None: write the email here"
        empty="No email templates yet: write the email here."
        hint="A template's subject and text replace those below."
        onChange={(templateId) => set({ ...action, templateId: templateId || null })}
      />
      <FormField id={id("subject")} label="Subject">
        <TextInput
          id={id("subject")}
          value={action.subject}
          maxLength={300}
          autoComplete="off"
          onChange={(event) => set({ ...action, subject: event.target.value }, "subject")}
        />
      </FormField>
      <FormField
        id={id("body")}
        label="Text"
        hint="Sent only with the contact's email marketing consent, with an unsubscribe link."
      >
        <TextArea
          id={id("body")}
          rows={7}
          value={action.body}
          onChange={(event) => set({ ...action, body: event.target.value }, "body")}
        />
      </FormField>
      <MergeVariables targetId={id("body")} onInsert={(body) => set({ ...action, body })} />
    </>
  );
}

function AttributeValue({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string | number | boolean | null;
  onChange: (value: string | number | boolean | null) => void;
}) {
  if (value === null) return <p className="self-end pb-2 text-xs text-zinc-500">The attribute is removed.</p>;
  if (typeof value === "boolean") {
    return (
      <FormField id={id} label="Value">
        <SelectInput
          id={id}
          value={String(value)}
          onChange={(event) => onChange(event.target.value === "true")}
        >
          <option value="true">Yes</option>
          <option value="false">No</option>
        </SelectInput>
      </FormField>
    );
  }
  return (
    <FormField id={id} label="Value">
      <TextInput
        id={id}
        value={String(value)}
        inputMode={typeof value === "number" ? "decimal" : undefined}
        onChange={(event) => {
          if (typeof value !== "number") return onChange(event.target.value);
          const number = Number(event.target.value);
          if (Number.isFinite(number)) onChange(number);
        }}
      />
    </FormField>
  );
}

function WebhookField({
  step,
  connectorId,
  onChange,
}: {
  step: { id: string };
  connectorId: string;
  onChange: (connectorId: string) => void;
}) {
  const connectors = useWebhookConnectorOptions();
  return (
    <OptionSelect
      id={fieldId(step, "connector")}
      label="Webhook connector"
      value={connectorId}
      options={connectors.options}
      loading={connectors.isPending}
      placeholder="Choose a connector"
      empty="No webhook connectors yet: add one under Connectors."
      hint="Posts the contact and the journey to it, signed like every webhook."
      onChange={onChange}
    />
  );
}
