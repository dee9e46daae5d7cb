// Every transition of the instance, in version order: what happened, to which step, by whom,
// when; each event's data opens on demand.
import { formatDateTime } from "@/components/ui/format";
import { EmptyState } from "@/components/ui/states";
import { JsonBlock } from "@/components/workflows/json-block";
import type { InstanceDetail } from "./instance-model";

const TIME = new Intl.DateTimeFormat("en-GB", { timeStyle: "medium" });

/** "step_completed" → "Step completed". */
const eventLabel = (type: string) => {
  const words = type.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const hasData = (data: unknown) =>
  data !== null && data !== undefined && !(typeof data === "object" && Object.keys(data).length === 0);

export function EventTimeline({ events }: { events: InstanceDetail["events"] }) {
  if (events.length === 0) return <EmptyState title="No events yet" />;
  const ordered = [...events].sort((a, b) => a.version - b.version);
  return (
    <ol className="divide-y divide-zinc-100 text-sm" aria-label="Events" data-testid="instance-events">
      {ordered.map((event) => (
        <li key={event.id} className="grid grid-cols-[3rem_1fr] gap-3 px-4 py-2">
          <span className="text-right font-mono text-xs text-zinc-400 tabular-nums">#{event.version}</span>
          <div className="min-w-0">
            <p>
              <span className="font-medium text-zinc-900" data-testid="event-type">
                {eventLabel(event.type)}
              </span>
              {event.stepId ? (
                <span className="font-mono text-xs text-zinc-600"> · {event.stepId}</span>
              ) : null}
              <span className="text-zinc-500">
                {" "}
                · {event.actor} ·{" "}
                <time dateTime={event.occurredAt} title={formatDateTime(event.occurredAt)}>
                  {TIME.format(new Date(event.occurredAt))}
                </time>
              </span>
            </p>
            {hasData(event.data) ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-accent-700">Data</summary>
                <JsonBlock value={event.data} />
              </details>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
