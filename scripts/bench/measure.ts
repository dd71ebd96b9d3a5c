/** Timing figures of one measured operation, in milliseconds. */
export interface Timings {
  runs: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
}

/** Percentile (0–100) of sorted values, nearest rank. */
function percentile(sorted: number[], rank: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1))]!;
}

/** Summarises durations in milliseconds. */
export function summarise(durations: number[]): Timings {
  const sorted = [...durations].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / sorted.length;
  return { runs: sorted.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean };
}

/** Runs a task once and returns its duration in milliseconds. */
export async function time(task: () => unknown): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

/** Runs a task `runs` times (after `warmup` unmeasured runs) and summarises the durations. */
export async function repeat(runs: number, task: (run: number) => unknown, warmup = 2): Promise<Timings> {
  for (let run = 0; run < warmup; run += 1) await task(-1 - run);
  const durations: number[] = [];
  for (let run = 0; run < runs; run += 1) durations.push(await time(() => task(run)));
  return summarise(durations);
}

/** One printed line of the report: a figure, its target, and its ratio to the same run's baseline. */
export function report(label: string, valueMs: number, target: { under: number } | null, baselineMs?: number): void {
  const verdict = target ? (valueMs < target.under ? `target < ${target.under} ms: met` : `target < ${target.under} ms: MISSED`) : '';
  const ratio = baselineMs ? `  ×${(valueMs / baselineMs).toFixed(3)} of naive (${(baselineMs / valueMs).toFixed(1)}× faster)` : '';
  console.log(`  ${label.padEnd(58)} ${valueMs.toFixed(2).padStart(10)} ms  ${verdict}${ratio}`);
}
