import type { ReactNode } from "react";

type BadgeTone = "neutral" | "success" | "warning" | "danger" | "accent";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-zinc-100 text-zinc-700 ring-zinc-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-800 ring-amber-200",
  danger: "bg-red-50 text-red-700 ring-red-200",
  accent: "bg-accent-50 text-accent-700 ring-accent-100",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

/** ACTIVE → "Active"; the enum values the API returns, in words. */
export function enumLabel(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
}

const SUCCESS = new Set(["ACTIVE", "ACCEPTED", "PAID", "SUCCEEDED"]);
const WARNING = new Set(["PENDING", "OPEN"]);
const DANGER = new Set(["REVOKED", "SUSPENDED", "CLOSED", "VOID", "FAILED", "CANCELED"]);

export function statusTone(status: string): BadgeTone {
  if (SUCCESS.has(status)) return "success";
  if (WARNING.has(status)) return "warning";
  if (DANGER.has(status)) return "danger";
  return "neutral";
}
