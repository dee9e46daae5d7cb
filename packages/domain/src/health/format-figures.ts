// Figures as the checks' one-sentence messages show them to people.

const BYTE_UNITS = ["bytes", "kB", "MB", "GB", "TB"] as const;

/** 1536 → "1.5 kB"; 1024-based, as PostgreSQL's pg_size_pretty. */
export function formatBytes(bytes: number): string {
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
  return `${bytes < 0 ? "-" : ""}${shown} ${BYTE_UNITS[unit]}`;
}

/** 0.1234 → "12.3%". */
export function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  return `${percent < 10 && percent !== 0 ? percent.toFixed(1) : Math.round(percent)}%`;
}

/** 75 → "1 min 15 s"; 4000 → "1 h 7 min". */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  const h = Math.floor(s / 3600);
  const min = Math.floor((s % 3600) / 60);
  return `${h} h${min ? ` ${min} min` : ""}`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}
