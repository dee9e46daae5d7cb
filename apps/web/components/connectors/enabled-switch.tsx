"use client";

/** An on/off switch (role "switch", so assistive tech reads its state); disabled while saving. */
export function EnabledSwitch({
  checked,
  label,
  pending,
  onChange,
}: {
  checked: boolean;
  /** Its accessible name, e.g. "Orders webhook enabled". */
  label: string;
  pending: boolean;
  onChange: (next: boolean) => void;
}) {
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={label}
        disabled={pending}
        onClick={() => onChange(!checked)}
        className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors focus:outline-none focus-visible:ring-2 focus-visible:ring-accent-600 focus-visible:ring-offset-2 disabled:cursor-wait disabled:opacity-60 ${checked ? "bg-accent-600" : "bg-zinc-300"}`}
      >
        <span
          aria-hidden="true"
          className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-4.5" : "translate-x-0.5"}`}
        />
      </button>
      <span aria-hidden="true" className="text-xs text-zinc-500">
        {checked ? "On" : "Off"}
      </span>
    </span>
  );
}
