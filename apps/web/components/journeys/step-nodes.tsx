// React Flow node components, one per kind of step: each is the common card with what is
// particular to its kind (a split's share bars, a wait's clock note, a goal's conversion note).
"use client";

import type { NodeProps, NodeTypes } from "@xyflow/react";
import { memo } from "react";
import type { NodeOf } from "./journey-definition";
import type { StepNode } from "./journey-flow";
import { StepCard } from "./step-card";

type Props = NodeProps<StepNode>;

function TriggerNode({ id, data, selected }: Props) {
  return <StepCard id={id} step={data.step} selected={selected} />;
}

function WaitNode({ id, data, selected }: Props) {
  return <StepCard id={id} step={data.step} selected={selected} />;
}

function ConditionNode({ id, data, selected }: Props) {
  return <StepCard id={id} step={data.step} selected={selected} />;
}

function SplitNode({ id, data, selected }: Props) {
  const split = data.step as NodeOf<"split">;
  const total = split.branches.reduce((sum, branch) => sum + branch.percent, 0) + split.holdoutPercent;
  return (
    <StepCard id={id} step={data.step} selected={selected}>
      <div className="px-3 pb-2">
        <div className="flex h-1.5 overflow-hidden rounded-full bg-zinc-100" aria-hidden="true">
          {split.branches.map((branch, index) => (
            <span
              key={branch.key}
              style={{ width: `${branch.percent}%` }}
              className={index % 2 === 0 ? "bg-violet-500" : "bg-violet-300"}
            />
          ))}
          {split.holdoutPercent > 0 ? (
            <span style={{ width: `${split.holdoutPercent}%` }} className="bg-zinc-300" />
          ) : null}
        </div>
        {total !== 100 ? (
          <p className="mt-1 text-[11px] text-red-700">Shares add up to {total}%, not 100%.</p>
        ) : null}
      </div>
    </StepCard>
  );
}

function ActionNode({ id, data, selected }: Props) {
  return <StepCard id={id} step={data.step} selected={selected} />;
}

function GoalNode({ id, data, selected }: Props) {
  return (
    <StepCard id={id} step={data.step} selected={selected}>
      <p className="px-3 pb-2 text-[11px] text-teal-800">Checked at every later step too.</p>
    </StepCard>
  );
}

function ExitNode({ id, data, selected }: Props) {
  return <StepCard id={id} step={data.step} selected={selected} />;
}

export const STEP_NODE_TYPES = {
  trigger: memo(TriggerNode),
  wait: memo(WaitNode),
  condition: memo(ConditionNode),
  split: memo(SplitNode),
  action: memo(ActionNode),
  goal: memo(GoalNode),
  exit: memo(ExitNode),
} satisfies NodeTypes;
