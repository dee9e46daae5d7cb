"use client";

import { useEffect, useRef, useState } from "react";
import { ConditionBuilder } from "@/components/segments/condition-builder";
import { fromConditions, type GroupNode, toConditions } from "@/components/segments/condition-tree";
import type { Condition } from "../journey-definition";
import { useSegmentOptions } from "./use-step-options";

const NO_PROBLEMS: ReadonlyMap<string, readonly string[]> = new Map();

/**
 * The segments console's condition builder on a step's check (or the exit criteria). The builder
 * edits a tree of its own (with row ids); it is rebuilt from the check only when the check changes
 * from elsewhere (undo, another step selected), never from this builder's own edits.
 */
export function ConditionFields({
  value,
  onChange,
  disabled,
}: {
  value: Condition;
  onChange: (value: Condition) => void;
  disabled?: boolean;
}) {
  const segments = useSegmentOptions();
  const [tree, setTree] = useState<GroupNode>(() => fromConditions(value));
  const emitted = useRef(JSON.stringify(value));

  useEffect(() => {
    const json = JSON.stringify(value);
    if (json === emitted.current) return;
    emitted.current = json;
    setTree(fromConditions(value));
  }, [value]);

  function change(next: GroupNode) {
    setTree(next);
    const condition = toConditions(next).conditions as Condition;
    emitted.current = JSON.stringify(condition);
    onChange(condition);
  }

  return (
    <div className="journey-condition-builder">
      <ConditionBuilder
        value={tree}
        onChange={change}
        segments={segments.options}
        problems={NO_PROBLEMS}
        disabled={disabled}
      />
    </div>
  );
}
