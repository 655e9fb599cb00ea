import { performance } from 'node:perf_hooks';

/** Runs `work` repeatedly for at least `minimumMs` after a warm-up and returns operations per second. */
export function opsPerSecond(work: () => void, minimumMs = 1_000, warmupMs = 300): number {
  const warmupEnd = performance.now() + warmupMs;
  while (performance.now() < warmupEnd) work();
  let operations = 0;
  const start = performance.now();
  let now = start;
  while (now - start < minimumMs) {
    work();
    operations++;
    now = performance.now();
  }
  return (operations / (now - start)) * 1_000;
}

/** Seconds one call of `work` takes. */
export function secondsOf(work: () => void): number {
  const start = performance.now();
  work();
  return (performance.now() - start) / 1_000;
}

/**
 * The median of `repeats` measurements: the machine is shared, so a single figure is noisy and
 * the median is less sensitive to a neighbour's burst than the mean.
 */
export function medianOf(repeats: number, measure: () => number): number {
  const values = Array.from({ length: repeats }, measure).sort((a, b) => a - b);
  const middle = Math.floor(repeats / 2);
  return repeats % 2 === 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

export const formatRate = (rate: number): string => Math.round(rate).toLocaleString('en-US');
