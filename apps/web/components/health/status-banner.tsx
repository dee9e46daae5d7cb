// The verdict at the top of the page: healthy, degraded or unhealthy, in words and colour, with how
// many checks fail or warn, so an operator knows in one glance whether to read further.
import type { HealthReport } from "@/app/admin/health/health-operations";
import { formatBytes, formatMs } from "./health-format";

function growth(bytesPerDay: number): string {
  return `${bytesPerDay < 0 ? "" : "+"}${formatBytes(bytesPerDay)}`;
}

const STATUS = {
  HEALTHY: {
    label: "Healthy",
    classes: "border-emerald-200 bg-emerald-50 text-emerald-900",
    dot: "bg-emerald-500",
  },
  DEGRADED: {
    label: "Degraded",
    classes: "border-amber-200 bg-amber-50 text-amber-900",
    dot: "bg-amber-500",
  },
  UNHEALTHY: { label: "Unhealthy", classes: "border-red-200 bg-red-50 text-red-900", dot: "bg-red-600" },
} as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function StatusBanner({ report }: { report: HealthReport }) {
  const look = STATUS[report.status];
  const failing = report.checks.filter((check) => check.status === "FAIL").length;
  const warning = report.checks.filter((check) => check.status === "WARN").length;
  const applicable = report.checks.filter((check) => check.status !== "SKIP").length;
  const problems = [
    failing ? `${plural(failing, "check")} failing` : null,
    warning ? `${warning} warning` : null,
  ].filter(Boolean);
  const summary =
    problems.length === 0
      ? `All ${plural(applicable, "check")} pass.`
      : `${problems.join(", ")} of ${applicable}.`;

  return (
    <section
      aria-labelledby="health-status"
      data-testid="health-status-banner"
      className={`mb-6 flex flex-wrap items-center justify-between gap-4 rounded-lg border p-4 ${look.classes}`}
    >
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className={`size-3 shrink-0 rounded-full ${look.dot}`} />
        <div>
          <h2 id="health-status" className="text-lg font-semibold">
            {look.label}
          </h2>
          <p className="text-sm">{summary}</p>
        </div>
      </div>
      <dl className="flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="opacity-75">Database</dt>
          <dd className="font-medium">{report.server.database}</dd>
        </div>
        <div>
          <dt className="opacity-75">Size</dt>
          <dd className="font-medium">
            {formatBytes(report.size.bytes)}
            {report.size.growthBytesPerDay === null ? null : (
              <span className="font-normal"> ({growth(report.size.growthBytesPerDay)} a day)</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="opacity-75">Round trip</dt>
          <dd className="font-medium">{formatMs(report.roundTripMs)}</dd>
        </div>
        <div>
          <dt className="opacity-75">PostgreSQL</dt>
          <dd className="max-w-64 truncate font-medium" title={report.server.version}>
            {report.server.version.replace(/^PostgreSQL\s+/, "").split(" on ")[0]}
          </dd>
        </div>
      </dl>
      {report.server.seesAllSessions ? null : (
        <p className="w-full text-sm">
          The application's role sees only its own sessions and statements: grant it pg_read_all_stats for the
          full picture.
        </p>
      )}
    </section>
  );
}
