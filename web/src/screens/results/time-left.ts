/**
 * Time left of a running simulation, estimated from the rate observed so far: the iterations
 * done since the first poll that showed progress, divided by the time since then. Counting from
 * the first progress (not from the start) leaves out the queue and the workers' start-up, which
 * do not repeat; the estimate then assumes the remaining iterations run at the same rate.
 */

export interface ProgressSample {
  /** Time of the poll, in milliseconds (performance.now() or Date.now()). */
  atMs: number;
  completed: number;
}

export interface TimeLeftEstimate {
  /** Iterations per second observed so far. */
  perSecond: number;
  /** (total - completed) / perSecond, in seconds. */
  secondsLeft: number;
}

/** The estimate, or null while fewer than two polls have shown progress. */
export function estimateTimeLeft(samples: ReadonlyArray<ProgressSample>, total: number): TimeLeftEstimate | null {
  const first = samples.find((s) => s.completed > 0);
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined || last.atMs <= first.atMs || last.completed <= first.completed) return null;
  const perSecond = ((last.completed - first.completed) * 1000) / (last.atMs - first.atMs);
  return { perSecond, secondsLeft: Math.max(0, total - last.completed) / perSecond };
}
