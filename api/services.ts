import { createSimulationJobs, type SimulationJobs } from '../runtime/simulation-jobs.js';
import { createSimulationPool, type SimulationPool } from '../runtime/simulation-pool.js';
import type { Config } from './config.js';

/** The long-lived parts behind the HTTP edge: the worker pool and the jobs on it. */
export interface Services {
  pool: SimulationPool;
  jobs: SimulationJobs;
  close(): Promise<void>;
}

export function createServices(config: Pick<Config, 'WORKER_THREADS' | 'MAX_ACTIVE_JOBS'>): Services {
  const pool = createSimulationPool({ threads: config.WORKER_THREADS });
  const jobs = createSimulationJobs({ pool, maxActiveJobs: config.MAX_ACTIVE_JOBS });
  return { pool, jobs, close: () => pool.close() };
}
