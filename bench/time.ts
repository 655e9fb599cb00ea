/**
 * Single-thread figures are per second of this process's CPU time, not of wall-clock time: the
 * bench machine is shared (other sessions' test runs can put its load average far above its two
 * cores), and CPU time counts only the time this process was running. Thread-pool and HTTP figures
 * are wall-clock by nature (bench/simulation-bench.ts) and suffer from a busy machine.
 */
const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/**
 * Runs `work` repeatedly for at least `minimumMs` of CPU time after a warm-up and returns operations
 * per CPU second. The clock is read once per batch, not per call: reading CPU time is a system call
 * of a few microseconds, which would otherwise be counted in every operation. The batch doubles
 * until it takes at least a millisecond.
 */
export function opsPerSecond(work: () => void, minimumMs = 1_000, warmupMs = 300): number {
  let batch = 1;
  const warmupEnd = cpuSeconds() + warmupMs / 1_000;
  for (;;) {
    const start = cpuSeconds();
    for (let i = 0; i < batch; i++) work();
    const now = cpuSeconds();
    if (now >= warmupEnd) break;
    if (now - start < 1e-3) batch *= 2;
  }
  let operations = 0;
  const start = cpuSeconds();
  let now = start;
  while ((now - start) * 1_000 < minimumMs) {
    for (let i = 0; i < batch; i++) work();
    operations += batch;
    now = cpuSeconds();
  }
  return operations / (now - start);
}

/** CPU seconds one call of `work` takes. */
export function secondsOf(work: () => void): number {
  const start = cpuSeconds();
  work();
  return cpuSeconds() - start;
}

/**
 * The median of `repeats` measurements: the machine is shared, so a single figure is noisy and
 * the median is less sensitive to a neighbour's burst than the mean.
 */
export function medianOf(repeats: number, measure: () => number): number {
  return median(Array.from({ length: repeats }, measure));
}

/** The median of measurements already taken (e.g. in turns interleaved with others). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const formatRate = (rate: number): string => Math.round(rate).toLocaleString('en-US');
