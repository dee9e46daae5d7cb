"use client";

// One condition of the builder: its kind, then the controls that kind needs (attribute key,
// operator and value; tag; consent channel/type/status; event with its time window and count;
// segment). Every control is a labelled native input, so the row works from the keyboard.
import { useId } from "react";
import { Control, controlClasses, labelled, Select } from "./condition-controls";
import {
  CONSENT_CHANNEL_LABELS,
  CONSENT_CHANNELS,
  CONSENT_STATUS_LABELS,
  CONSENT_STATUSES,
  CONSENT_TYPE_LABELS,
  CONSENT_TYPES,
  defaultRule,
  RULE_KIND_LABELS,
  RULE_KINDS,
  type RuleDraft,
  type RuleKind,
  type SegmentOption,
} from "./condition-drafts";
import {
  AttributeControls,
  DateControls,
  EventControls,
  FieldControls,
  SegmentControls,
} from "./condition-kind-controls";

export function ConditionRow({
  label,
  rule,
  onChange,
  onRemove,
  segments,
  problems,
}: {
  /** "Condition 2.1": names the row for assistive tech and its Remove button. */
  label: string;
  rule: RuleDraft;
  onChange: (rule: RuleDraft) => void;
  onRemove: () => void;
  segments: readonly SegmentOption[];
  problems: readonly string[];
}) {
  const problemsId = useId();
  return (
    <fieldset
      className={`rounded-md border bg-white p-3 ${problems.length > 0 ? "border-red-300" : "border-zinc-200"}`}
      aria-describedby={problems.length > 0 ? problemsId : undefined}
    >
      <legend className="sr-only">{label}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <Select<RuleKind>
          label="Condition type"
          value={rule.kind}
          options={labelled(RULE_KINDS, RULE_KIND_LABELS)}
          onChange={(kind) => onChange(defaultRule(kind))}
        />
        <RuleControls rule={rule} onChange={onChange} segments={segments} />
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${label.toLowerCase()}`}
          className="ml-auto rounded-md px-2 py-1.5 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-red-700"
        >
          Remove
        </button>
      </div>
      {problems.length > 0 ? (
        <ul
          id={problemsId}
          className="mt-2 space-y-0.5 text-sm text-red-700"
          data-testid="condition-problems"
        >
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}

function RuleControls({
  rule,
  onChange,
  segments,
}: {
  rule: RuleDraft;
  onChange: (rule: RuleDraft) => void;
  segments: readonly SegmentOption[];
}) {
  switch (rule.kind) {
    case "attribute":
      return <AttributeControls rule={rule} onChange={onChange} />;
    case "field":
      return <FieldControls rule={rule} onChange={onChange} />;
    case "tag":
      return (
        <>
          <Select
            label="Operator"
            value={rule.op}
            options={[
              { value: "has", label: "has tag" },
              { value: "not_has", label: "does not have tag" },
            ]}
            onChange={(op) => onChange({ ...rule, op })}
          />
          <Control label="Tag" grow>
            {(id) => (
              <input
                id={id}
                className={controlClasses}
                value={rule.tag}
                placeholder="e.g. vip"
                autoComplete="off"
                onChange={(event) => onChange({ ...rule, tag: event.target.value })}
              />
            )}
          </Control>
        </>
      );
    case "consent":
      return (
        <>
          <Select
            label="Channel"
            value={rule.channel}
            options={labelled(CONSENT_CHANNELS, CONSENT_CHANNEL_LABELS)}
            onChange={(channel) => onChange({ ...rule, channel })}
          />
          <Select
            label="Consent type"
            value={rule.type}
            options={labelled(CONSENT_TYPES, CONSENT_TYPE_LABELS)}
            onChange={(type) => onChange({ ...rule, type })}
          />
          <Select
            label="Consent status"
            value={rule.status}
            options={labelled(CONSENT_STATUSES, CONSENT_STATUS_LABELS)}
            onChange={(status) => onChange({ ...rule, status })}
          />
        </>
      );
    case "event":
      return <EventControls rule={rule} onChange={onChange} />;
    case "date":
      return <DateControls rule={rule} onChange={onChange} />;
    case "segment":
      return <SegmentControls rule={rule} onChange={onChange} segments={segments} />;
  }
}
