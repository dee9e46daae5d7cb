// One card per check: what was measured, against which thresholds, and the verdict; failing
// checks first so the reason for a red banner is the first thing below it.
import type { HealthCheck } from "@/app/admin/health/health-operations";
import { Badge } from "@/components/ui/badge";
import {
  checkStatusLabel,
  checkStatusTone,
  checksWorstFirst,
  formatCheckValue,
  thresholdText,
} from "./health-format";

const BORDER: Record<HealthCheck["status"], string> = {
  FAIL: "border-l-red-500",
  WARN: "border-l-amber-400",
  PASS: "border-l-emerald-400",
  SKIP: "border-l-zinc-300",
};

function CheckCard({ check }: { check: HealthCheck }) {
  const id = `check-${check.key.toLowerCase()}`;
  const thresholds = thresholdText(check);
  return (
    <li
      aria-labelledby={id}
      data-testid={id}
      data-status={check.status}
      className={`flex flex-col gap-2 rounded-lg border border-l-4 border-zinc-200 bg-white p-4 shadow-xs ${BORDER[check.status]}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={id} className="text-sm font-semibold text-zinc-900">
          {check.label}
        </h3>
        <Badge tone={checkStatusTone(check.status)}>{checkStatusLabel(check.status)}</Badge>
      </div>
      <p className="text-xl font-semibold text-zinc-900 tabular-nums">
        {formatCheckValue(check.value, check.unit)}
      </p>
      {thresholds ? <p className="text-xs text-zinc-500">{thresholds}</p> : null}
      <p className="text-sm text-zinc-600">{check.message}</p>
    </li>
  );
}

export function CheckCards({ checks }: { checks: readonly HealthCheck[] }) {
  return (
    <section aria-labelledby="health-checks" className="mb-6">
      <h2 id="health-checks" className="mb-3 text-sm font-semibold text-zinc-900">
        Checks
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {checksWorstFirst(checks).map((check) => (
          <CheckCard key={check.key} check={check} />
        ))}
      </ul>
    </section>
  );
}
