// Times operations side by side. Each case is warmed up, then the cases take turns in short slices
// (a, b, c, a, b, c, …) until each has run for the requested time, so a change in the machine's load
// during the run (other processes on a shared machine) weighs on every case alike.
export interface Measurement {
  concurrency: number;
  iterations: number;
  seconds: number;
  /** Completed operations per second. */
  throughput: number;
  /** Mean time of one operation, in milliseconds. */
  meanMs: number;
}

export interface InterleaveOptions {
  warmupMs: number;
  /** Timed run of each case, in total. */
  durationMs: number;
  /** Length of one turn. */
  sliceMs: number;
  /** Operations in flight at once. */
  concurrency: number;
}

interface Tally {
  iterations: number;
  busyMs: number;
  elapsedMs: number;
}

async function runFor(op: () => Promise<unknown>, ms: number, concurrency: number): Promise<Tally> {
  const deadline = performance.now() + ms;
  let iterations = 0;
  let busyMs = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      await op();
      busyMs += performance.now() - start;
      iterations++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { iterations, busyMs, elapsedMs: performance.now() - start };
}

export async function interleave<K extends string>(
  ops: Record<K, () => Promise<unknown>>,
  options: InterleaveOptions,
): Promise<Record<K, Measurement>> {
  const keys = Object.keys(ops) as K[];
  for (const key of keys) await runFor(ops[key], options.warmupMs, options.concurrency);
  const tallies = new Map<K, Tally>(keys.map((k) => [k, { iterations: 0, busyMs: 0, elapsedMs: 0 }]));
  const slices = Math.max(1, Math.round(options.durationMs / options.sliceMs));
  for (let slice = 0; slice < slices; slice++) {
    for (const key of keys) {
      const t = await runFor(ops[key], options.durationMs / slices, options.concurrency);
      const sum = tallies.get(key)!;
      sum.iterations += t.iterations;
      sum.busyMs += t.busyMs;
      sum.elapsedMs += t.elapsedMs;
    }
  }
  const result = {} as Record<K, Measurement>;
  for (const [key, t] of tallies) {
    result[key] = {
      concurrency: options.concurrency,
      iterations: t.iterations,
      seconds: t.elapsedMs / 1000,
      throughput: t.iterations / (t.elapsedMs / 1000),
      meanMs: t.busyMs / t.iterations,
    };
  }
  return result;
}
