"use client";

// The controls of each condition kind: attribute, contact field, event (with its time window and
// count), date on the contact's calendar, and segment membership.
import { useId } from "react";
import {
  COMPARISON_OPTIONS,
  Control,
  controlClasses,
  labelled,
  Select,
  ValueInput,
} from "./condition-controls";
import {
  type AttributeDraft,
  COMPARISON_LABELS,
  CONTACT_FIELD_LABELS,
  CONTACT_FIELDS,
  type ContactField,
  DATE_OPERATOR_LABELS,
  DATE_OPERATORS,
  type DateDraft,
  type DateOperator,
  dateOperand,
  type EventDraft,
  type FieldDraft,
  fieldComparisons,
  KNOWN_EVENT_TYPES,
  type RuleDraft,
  type SegmentDraft,
  type SegmentOption,
  VALUE_TYPE_LABELS,
  VALUE_TYPES,
  type ValueType,
  WINDOW_UNITS,
  type WindowUnit,
} from "./condition-drafts";

export function AttributeControls({
  rule,
  onChange,
}: {
  rule: AttributeDraft;
  onChange: (rule: RuleDraft) => void;
}) {
  return (
    <>
      <Control label="Attribute key">
        {(id) => (
          <input
            id={id}
            className={`${controlClasses} font-mono`}
            value={rule.key}
            placeholder="e.g. plan"
            autoComplete="off"
            onChange={(event) => onChange({ ...rule, key: event.target.value })}
          />
        )}
      </Control>
      <Select<ValueType>
        label="Value type"
        value={rule.valueType}
        options={labelled(VALUE_TYPES, VALUE_TYPE_LABELS)}
        onChange={(valueType) =>
          onChange({ ...rule, valueType, value: valueType === "boolean" ? "true" : rule.value })
        }
      />
      <Select
        label="Operator"
        value={rule.op}
        options={COMPARISON_OPTIONS}
        onChange={(op) => onChange({ ...rule, op })}
      />
      <ValueInput
        op={rule.op}
        valueType={rule.valueType}
        value={rule.value}
        onChange={(value) => onChange({ ...rule, value })}
      />
    </>
  );
}

export function FieldControls({ rule, onChange }: { rule: FieldDraft; onChange: (rule: RuleDraft) => void }) {
  return (
    <>
      <Select<ContactField>
        label="Field"
        value={rule.field}
        options={labelled(CONTACT_FIELDS, CONTACT_FIELD_LABELS)}
        onChange={(field) => {
          const ops = fieldComparisons(field);
          const op = ops.includes(rule.op) ? rule.op : (ops[0] ?? "eq");
          onChange({ ...rule, field, op, value: field === "status" ? "active" : "" });
        }}
      />
      <Select
        label="Operator"
        value={rule.op}
        options={labelled(fieldComparisons(rule.field), COMPARISON_LABELS)}
        onChange={(op) => onChange({ ...rule, op })}
      />
      <ValueInput
        op={rule.op}
        valueType="text"
        field={rule.field}
        value={rule.value}
        onChange={(value) => onChange({ ...rule, value })}
      />
    </>
  );
}

export function EventControls({ rule, onChange }: { rule: EventDraft; onChange: (rule: RuleDraft) => void }) {
  const listId = useId();
  return (
    <>
      <Select
        label="Operator"
        value={rule.op}
        options={[
          { value: "performed", label: "performed" },
          { value: "not_performed", label: "did not perform" },
        ]}
        onChange={(op) => onChange({ ...rule, op })}
      />
      <Control label="Event type">
        {(id) => (
          <>
            <input
              id={id}
              className={`${controlClasses} font-mono`}
              list={listId}
              value={rule.eventType}
              autoComplete="off"
              onChange={(event) => onChange({ ...rule, eventType: event.target.value })}
            />
            <datalist id={listId}>
              {KNOWN_EVENT_TYPES.map((type) => (
                <option key={type} value={type} />
              ))}
            </datalist>
          </>
        )}
      </Control>
      <Control label="Within the last (empty: ever)">
        {(id) => (
          <input
            id={id}
            className={`${controlClasses} w-24`}
            inputMode="numeric"
            value={rule.windowAmount}
            autoComplete="off"
            onChange={(event) => onChange({ ...rule, windowAmount: event.target.value })}
          />
        )}
      </Control>
      <Select<WindowUnit>
        label="Unit"
        value={rule.windowUnit}
        options={WINDOW_UNITS.map((unit) => ({ value: unit, label: unit }))}
        onChange={(windowUnit) => onChange({ ...rule, windowUnit })}
      />
      {rule.op === "performed" ? (
        <Control label="At least (times)">
          {(id) => (
            <input
              id={id}
              className={`${controlClasses} w-20`}
              inputMode="numeric"
              value={rule.minCount}
              autoComplete="off"
              onChange={(event) => onChange({ ...rule, minCount: event.target.value })}
            />
          )}
        </Control>
      ) : null}
      {rule.where.length > 0 ? (
        <p className="text-xs text-zinc-500">
          and {rule.where.length} condition{rule.where.length === 1 ? "" : "s"} on the event’s data (kept as
          saved)
        </p>
      ) : null}
    </>
  );
}

export function DateControls({ rule, onChange }: { rule: DateDraft; onChange: (rule: RuleDraft) => void }) {
  const operand = dateOperand(rule.op);
  return (
    <>
      <Select<DateDraft["target"]>
        label="Date of"
        value={rule.target}
        options={[
          { value: "attribute", label: "an attribute" },
          { value: "created_at", label: "creation" },
        ]}
        onChange={(target) => onChange({ ...rule, target })}
      />
      {rule.target === "attribute" ? (
        <Control label="Attribute key">
          {(id) => (
            <input
              id={id}
              className={`${controlClasses} font-mono`}
              value={rule.attribute}
              placeholder="e.g. birthday"
              autoComplete="off"
              onChange={(event) => onChange({ ...rule, attribute: event.target.value })}
            />
          )}
        </Control>
      ) : null}
      <Select<DateOperator>
        label="Operator"
        value={rule.op}
        options={labelled(DATE_OPERATORS, DATE_OPERATOR_LABELS)}
        onChange={(op) =>
          onChange({
            ...rule,
            op,
            value: dateOperand(op) === operand ? rule.value : dateOperand(op) === "days" ? "7" : "",
          })
        }
      />
      {operand === "none" ? null : (
        <Control label={operand === "days" ? "Days" : "Date"}>
          {(id) => (
            <input
              id={id}
              className={`${controlClasses} ${operand === "days" ? "w-20" : ""}`}
              type={operand === "date" ? "date" : "text"}
              inputMode={operand === "days" ? "numeric" : undefined}
              value={rule.value}
              autoComplete="off"
              onChange={(event) => onChange({ ...rule, value: event.target.value })}
            />
          )}
        </Control>
      )}
    </>
  );
}

export function SegmentControls({
  rule,
  onChange,
  segments,
}: {
  rule: SegmentDraft;
  onChange: (rule: RuleDraft) => void;
  segments: readonly SegmentOption[];
}) {
  const known = segments.some((segment) => segment.id === rule.segmentId);
  return (
    <>
      <Select
        label="Operator"
        value={rule.op}
        options={[
          { value: "member", label: "is a member of" },
          { value: "not_member", label: "is not a member of" },
        ]}
        onChange={(op) => onChange({ ...rule, op })}
      />
      <Control label="Segment" grow>
        {(id) => (
          <select
            id={id}
            className={`${controlClasses} pr-8`}
            value={rule.segmentId}
            onChange={(event) => onChange({ ...rule, segmentId: event.target.value })}
          >
            <option value="">Choose a segment…</option>
            {rule.segmentId && !known ? <option value={rule.segmentId}>Unknown segment</option> : null}
            {segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </select>
        )}
      </Control>
    </>
  );
}
