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

export const formatRate = (rate: number): string => Math.round(rate).toLocaleString('en-US');
