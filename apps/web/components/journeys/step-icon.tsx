// One small line icon per kind of step (and per channel for sends), so a marketer tells a wait
// from a condition at a glance on a zoomed-out canvas. Decorative: the card names the step in text.
import type { JourneyNode, NodeKind } from "./journey-definition";

const PATHS: Record<string, string> = {
  trigger: "M11 2 4 11h5l-1 7 7-9h-5l1-7Z",
  wait: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm0-12v4l3 2",
  condition: "M10 2 18 10l-8 8-8-8 8-8Z",
  split: "M10 18v-6m0 0L4 6m6 6 6-6M4 6V2m0 4h0m12 0V2",
  action: "M4 10h12m-5-5 5 5-5 5",
  email: "M3 5h14v10H3V5Zm0 0 7 6 7-6",
  sms: "M4 4h12v9H8l-4 3V4Z",
  tag: "M3 3h7l7 7-7 7-7-7V3Zm4 4h.01",
  goal: "M5 18V3m0 1h10l-2 4 2 4H5",
  exit: "M12 4h4v12h-4M8 6l-4 4 4 4m-4-4h9",
};

export const KIND_TONES: Record<NodeKind, { icon: string; bar: string; minimap: string }> = {
  trigger: {
    icon: "bg-emerald-50 text-emerald-700 ring-emerald-200",
    bar: "bg-emerald-500",
    minimap: "#10b981",
  },
  wait: { icon: "bg-amber-50 text-amber-700 ring-amber-200", bar: "bg-amber-500", minimap: "#f59e0b" },
  condition: { icon: "bg-sky-50 text-sky-700 ring-sky-200", bar: "bg-sky-500", minimap: "#0ea5e9" },
  split: { icon: "bg-violet-50 text-violet-700 ring-violet-200", bar: "bg-violet-500", minimap: "#8b5cf6" },
  action: { icon: "bg-indigo-50 text-indigo-700 ring-indigo-200", bar: "bg-indigo-500", minimap: "#6366f1" },
  goal: { icon: "bg-teal-50 text-teal-700 ring-teal-200", bar: "bg-teal-500", minimap: "#14b8a6" },
  exit: { icon: "bg-zinc-100 text-zinc-600 ring-zinc-200", bar: "bg-zinc-400", minimap: "#a1a1aa" },
};

function iconKey(step: Pick<JourneyNode, "kind"> & Partial<JourneyNode>): string {
  if (step.kind === "action" && "action" in step && step.action) {
    if (step.action.type === "send_email") return "email";
    if (step.action.type === "send_sms") return "sms";
    if (step.action.type === "add_tag" || step.action.type === "remove_tag") return "tag";
  }
  return step.kind;
}

export function StepIcon({
  step,
  className = "size-8",
}: {
  step: Pick<JourneyNode, "kind"> & Partial<JourneyNode>;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={`inline-grid shrink-0 place-items-center rounded-lg ring-1 ring-inset ${KIND_TONES[step.kind].icon} ${className}`}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 20 20"
        className="size-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={PATHS[iconKey(step)] ?? PATHS.action} />
      </svg>
    </span>
  );
}
