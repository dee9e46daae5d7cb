import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import type { ContentApproval } from "./content-model";

const DECISIONS = {
  PENDING: { label: "Waiting for review", tone: "warning" },
  APPROVED: { label: "Approved", tone: "success" },
  REJECTED: { label: "Rejected", tone: "danger" },
  WITHDRAWN: { label: "Withdrawn", tone: "neutral" },
} as const satisfies Record<ContentApproval["decision"], { label: string; tone: string }>;

/** Review requests and what became of them, newest first, with the notes and comments. */
export function ApprovalsTimeline({ approvals }: { approvals: readonly ContentApproval[] }) {
  if (approvals.length === 0) {
    return <EmptyState title="No reviews yet">Request a review when the text is ready.</EmptyState>;
  }
  return (
    <ol aria-label="Reviews" className="divide-y divide-zinc-100 px-4">
      {approvals.map((approval) => {
        const decision = DECISIONS[approval.decision];
        return (
          <li
            key={approval.id}
            aria-label={`Review of version ${approval.version}`}
            className="space-y-1.5 py-3 text-sm"
          >
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone={decision.tone}>{decision.label}</Badge>
              <span className="text-zinc-700">
                Version {approval.version}, asked by {approval.requestedBy?.name ?? "someone since removed"} ·{" "}
                {formatDateTime(approval.requestedAt)}
              </span>
            </p>
            {approval.requestNote ? (
              <p className="text-zinc-600">
                <span className="font-medium">Note: </span>
                <span className="whitespace-pre-wrap">{approval.requestNote}</span>
              </p>
            ) : null}
            {approval.decidedAt && approval.decision !== "WITHDRAWN" ? (
              <p className="text-zinc-700">
                {decision.label} by {approval.reviewer?.name ?? "someone since removed"}
                {approval.selfReview ? " (their own request)" : ""} · {formatDateTime(approval.decidedAt)}
              </p>
            ) : null}
            {approval.comment ? (
              <blockquote className="border-l-2 border-zinc-200 pl-3 whitespace-pre-wrap text-zinc-700">
                {approval.comment}
              </blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
