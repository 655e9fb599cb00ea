import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelDescription } from '../../runtime/model-registry.js';
import { createSimulationJobs } from '../../runtime/simulation-jobs.js';
import type { SimulationPool } from '../../runtime/simulation-pool.js';
import type { SimulationSettings } from '../../models/simulation/index.js';

/**
 * Issue 18 item 1: there was no time limit per job (a hostile run held a thread for minutes).
 * With `maxRunMs` (MAX_JOB_SECONDS) a job still running that long after its first progress report
 * is failed with the reason and its run is aborted (the pool terminates the threads). A fake pool
 * and fake clock: no real work and no timing assertion.
 */

interface FakeRun {
  signal: AbortSignal;
  progress(completedIterations: number): void;
}

function fakePool() {
  const runs: FakeRun[] = [];
  const pool = {
    run(_model: unknown, _settings: unknown, options: { signal: AbortSignal; onProgress: (p: { completedIterations: number; totalIterations: number }) => void }) {
      runs.push({ signal: options.signal, progress: (completedIterations) => options.onProgress({ completedIterations, totalIterations: 1_000 }) });
      // Like the real pool: never finishes on its own here, rejects when aborted.
      return new Promise((_resolve, reject) => options.signal.addEventListener('abort', () => reject(options.signal.reason), { once: true }));
    },
  } as unknown as SimulationPool;
  return { pool, runs };
}

const work = { kind: 'simulation' as const, model: {} as ModelDescription, settings: { iterations: 1_000 } as SimulationSettings };

afterEach(() => {
  vi.useRealTimers();
});

describe('time limit per running job (MAX_JOB_SECONDS)', () => {
  it('fails a job still running at the limit, with the reason, and aborts its run', async () => {
    vi.useFakeTimers();
    const { pool, runs } = fakePool();
    const jobs = createSimulationJobs({ pool, maxActiveJobs: 4, maxRunMs: 60_000 });
    const job = jobs.submit(work)!;
    runs[0].progress(100);
    expect(job.status).toBe('running');
    vi.advanceTimersByTime(59_999);
    expect(job.status).toBe('running');
    vi.advanceTimersByTime(1);
    expect(job.status).toBe('failed');
    expect(job.reason).toMatch(/MAX_JOB_SECONDS/);
    expect(runs[0].signal.aborted).toBe(true);
    // The slot is free again.
    expect(jobs.activeCount()).toBe(0);
  });

  it('does not count the time a job waits in the queue before its first progress', () => {
    vi.useFakeTimers();
    const { pool, runs } = fakePool();
    const jobs = createSimulationJobs({ pool, maxActiveJobs: 4, maxRunMs: 60_000 });
    const job = jobs.submit(work)!;
    vi.advanceTimersByTime(120_000);
    expect(job.status).toBe('queued');
    expect(runs[0].signal.aborted).toBe(false);
  });

  it('leaves a job alone when no limit is set', () => {
    vi.useFakeTimers();
    const { pool, runs } = fakePool();
    const jobs = createSimulationJobs({ pool, maxActiveJobs: 4 });
    const job = jobs.submit(work)!;
    runs[0].progress(100);
    vi.advanceTimersByTime(10 * 86_400_000);
    expect(job.status).toBe('running');
  });
});
