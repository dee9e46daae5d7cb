/** A thin progress bar for a percentage (0–100, as the API gives progress), with its value for assistive tech. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.min(100, Math.max(0, value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-1.5 w-full overflow-hidden rounded-full bg-zinc-100"
    >
      <div className="h-full rounded-full bg-accent-600" style={{ width: `${percent}%` }} />
    </div>
  );
}
