"use client";

// The visual condition builder: nested groups matching all (AND) or any (OR) of their rows, each
// group negatable (NOT), rows and sub-groups added and removed in place. Problems (the API's,
// pinned to the row they name) show under that row; problems about a whole group under the group.
import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { SegmentOption } from "./condition-drafts";
import { ConditionRow } from "./condition-row";
import {
  addChild,
  type BuilderNode,
  type GroupNode,
  newGroupNode,
  newRuleNode,
  removeNode,
  updateGroup,
  updateRule,
} from "./condition-tree";

type BuilderProps = {
  value: GroupNode;
  onChange: (value: GroupNode) => void;
  segments: readonly SegmentOption[];
  /** Problems by node id. */
  problems: ReadonlyMap<string, readonly string[]>;
  disabled?: boolean;
};

/** Nesting the builder offers (the API refuses trees deeper than 8, counting NOT as a level). */
const MAX_GROUP_DEPTH = 4;

export function ConditionBuilder({ value, onChange, segments, problems, disabled }: BuilderProps) {
  return (
    <fieldset disabled={disabled} className="min-w-0">
      <legend className="sr-only">Conditions</legend>
      <GroupEditor
        group={value}
        root={value}
        onChange={onChange}
        segments={segments}
        problems={problems}
        label="All conditions"
        number=""
        depth={1}
      />
    </fieldset>
  );
}

function GroupEditor({
  group,
  root,
  onChange,
  segments,
  problems,
  label,
  number,
  depth,
  onRemove,
}: {
  group: GroupNode;
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  segments: readonly SegmentOption[];
  problems: ReadonlyMap<string, readonly string[]>;
  label: string;
  /** "2.1": the group's position, prefixing its children's names. */
  number: string;
  depth: number;
  onRemove?: () => void;
}) {
  const groupProblems = problems.get(group.id) ?? [];
  const childNumber = (index: number) => (number ? `${number}.${index + 1}` : String(index + 1));
  const combinatorName = useId();
  const nested = depth > 1;

  return (
    <fieldset
      className={`space-y-3 rounded-lg border p-3 ${group.negate ? "border-amber-300 bg-amber-50/40" : nested ? "border-zinc-300 bg-zinc-50" : "border-zinc-200 bg-zinc-50/50"}`}
    >
      <legend className="px-1 text-sm font-semibold text-zinc-800">{label}</legend>
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <div
          role="radiogroup"
          aria-label={`${label}: contacts must match`}
          className="flex items-center gap-3"
        >
          <span className="text-zinc-600">Match</span>
          {(["and", "or"] as const).map((combinator) => (
            <label key={combinator} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={combinatorName}
                className="accent-accent-600"
                checked={group.combinator === combinator}
                onChange={() => onChange(updateGroup(root, group.id, (g) => ({ ...g, combinator })))}
              />
              {combinator === "and" ? "all (AND)" : "any (OR)"}
            </label>
          ))}
        </div>
        <label className="flex items-center gap-1.5">
          <input
            type="checkbox"
            className="size-4 rounded border-zinc-300 accent-accent-600"
            checked={group.negate}
            onChange={(event) =>
              onChange(updateGroup(root, group.id, (g) => ({ ...g, negate: event.target.checked })))
            }
          />
          NOT: contacts who do not match this group
        </label>
        {onRemove ? (
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove ${label.toLowerCase()}`}
            className="ml-auto rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-red-700"
          >
            Remove group
          </button>
        ) : null}
      </div>
      {group.children.length === 0 ? (
        <p className="text-sm text-zinc-500">No conditions in this group yet.</p>
      ) : (
        <ol className="space-y-2">
          {group.children.map((child, index) => (
            <li key={child.id}>
              {index > 0 ? (
                <span aria-hidden="true" className="mb-1 block text-xs font-semibold text-zinc-500 uppercase">
                  {group.combinator}
                </span>
              ) : null}
              <ChildEditor
                node={child}
                root={root}
                onChange={onChange}
                segments={segments}
                problems={problems}
                number={childNumber(index)}
                depth={depth}
              />
            </li>
          ))}
        </ol>
      )}
      {groupProblems.length > 0 ? (
        <ul className="space-y-0.5 text-sm text-red-700" data-testid="condition-problems">
          {groupProblems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          aria-label={`Add condition to ${label.toLowerCase()}`}
          onClick={() => onChange(addChild(root, group.id, newRuleNode()))}
        >
          Add condition
        </Button>
        {depth < MAX_GROUP_DEPTH ? (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Add group to ${label.toLowerCase()}`}
            onClick={() =>
              onChange(
                addChild(
                  root,
                  group.id,
                  newGroupNode(group.combinator === "and" ? "or" : "and", [newRuleNode()]),
                ),
              )
            }
          >
            Add group
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}

function ChildEditor({
  node,
  root,
  onChange,
  segments,
  problems,
  number,
  depth,
}: {
  node: BuilderNode;
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  segments: readonly SegmentOption[];
  problems: ReadonlyMap<string, readonly string[]>;
  number: string;
  depth: number;
}) {
  const remove = () => onChange(removeNode(root, node.id));
  if (node.type === "group") {
    return (
      <GroupEditor
        group={node}
        root={root}
        onChange={onChange}
        segments={segments}
        problems={problems}
        label={`Group ${number}`}
        number={number}
        depth={depth + 1}
        onRemove={remove}
      />
    );
  }
  return (
    <ConditionRow
      label={`Condition ${number}`}
      rule={node.rule}
      onChange={(rule) => onChange(updateRule(root, node.id, rule))}
      onRemove={remove}
      segments={segments}
      problems={problems.get(node.id) ?? []}
    />
  );
}
