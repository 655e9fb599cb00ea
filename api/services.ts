import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createSimulationJobs, type SimulationJobs } from '../runtime/simulation-jobs.js';
import { createQueuePool } from '../runtime/queue/queue-pool.js';
import { createSimulationPool, type SimulationPool } from '../runtime/simulation-pool.js';
import { openSampleStore } from '../runtime/sample-store.js';
import { keepInstanceAlive, resumeOrphanedRuns, type OrphanedRunOutcome } from '../runtime/stored-runs.js';
import { openStore, type Store } from '../store/index.js';
import type { Config } from './config.js';
import { SOFTWARE_VERSION } from './version.js';

/**
 * The long-lived parts behind the HTTP edge: the worker pool, the jobs on it, and the store of
 * organisations, saved objects and runs (null only in tests of the endpoints that save nothing).
 */
export interface Services {
  pool: SimulationPool;
  jobs: SimulationJobs;
  store: Store | null;
  /** This process's id among the service instances sharing a database; it owns the runs it runs. */
  instanceId: string;
  close(): Promise<void>;
}

type PoolConfig = Pick<Config, 'WORKER_THREADS' | 'MAX_ACTIVE_JOBS'> &
  Partial<Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'MAX_JOB_SECONDS' | 'MAX_REQUEST_SECONDS' | 'MAX_ANONYMOUS_RESULT_BYTES' | 'SAMPLES_DIR'>>;

/**
 * Pool and jobs over an optional store; nothing is registered or resumed (see startServices).
 * With REDIS_URL the simulation work goes to worker processes through the shared queue
 * (runtime/queue); without it, to this process's threads, which then write kept samples to
 * SAMPLES_DIR when it is given (startServices gives DATA_DIR/samples by default); without it,
 * or with REDIS_URL, kept samples come back in the result.
 */
export function createServices(config: PoolConfig, { store = null }: { store?: Store | null } = {}): Services {
  const maxTaskMs = config.MAX_REQUEST_SECONDS === undefined || config.MAX_REQUEST_SECONDS === 0 ? undefined : config.MAX_REQUEST_SECONDS * 1000;
  const pool =
    config.REDIS_URL !== undefined
      ? createQueuePool({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX ?? DEFAULT_QUEUE_PREFIX, maxTaskMs })
      : createSimulationPool({ threads: config.WORKER_THREADS, maxTaskMs });
  const jobs = createSimulationJobs({
    pool,
    maxActiveJobs: config.MAX_ACTIVE_JOBS,
    maxRunMs: config.MAX_JOB_SECONDS === undefined || config.MAX_JOB_SECONDS === 0 ? undefined : config.MAX_JOB_SECONDS * 1000,
    maxAnonymousResultBytes: config.MAX_ANONYMOUS_RESULT_BYTES,
    samples: config.REDIS_URL === undefined && config.SAMPLES_DIR !== undefined ? openSampleStore(config.SAMPLES_DIR) : undefined,
  });
  return { pool, jobs, store, instanceId: randomUUID(), close: () => pool.close() };
}

/** The queue prefix when QUEUE_PREFIX is not set: the same default as the worker's. */
const DEFAULT_QUEUE_PREFIX = 'resultaatfinanciering';

export interface StartedServices extends Services {
  store: Store;
  /** The runs left unfinished by a stopped service: resumed, or failed with a reason. */
  orphans: OrphanedRunOutcome;
}

/**
 * What the server starts with: opens the database (PostgreSQL at DATABASE_URL, else the embedded
 * one in DATA_DIR) and migrates it, registers this instance, resumes the runs a stopped instance
 * left queued or running, and keeps a heartbeat. `store` lets a test pass an open store, which
 * closing the services then leaves open.
 */
export async function startServices(
  config: PoolConfig & Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>,
  { store: given }: { store?: Store } = {},
): Promise<StartedServices> {
  const store = given ?? (await openStore(config.DATABASE_URL !== undefined ? { databaseUrl: config.DATABASE_URL } : { dataDirectory: config.DATA_DIR }));
  const services = createServices({ ...config, SAMPLES_DIR: config.SAMPLES_DIR ?? join(config.DATA_DIR, 'samples') }, { store });
  const { instanceId, jobs } = services;
  try {
    await store.instances.forgetSilent(24 * 60 * 60 * 1000);
    await store.instances.register(instanceId, SOFTWARE_VERSION);
  } catch (error) {
    await services.close();
    if (given === undefined) await store.close();
    throw error;
  }
  const othersMayBeAlive = store.database.kind === 'postgresql';
  const resume = () => resumeOrphanedRuns({ runs: store.runs, jobs, instanceId, softwareVersion: SOFTWARE_VERSION, othersMayBeAlive });
  const orphans = await resume();
  const stopBeating = keepInstanceAlive(store.instances, instanceId, othersMayBeAlive ? resume : null);
  return {
    ...services,
    store,
    orphans,
    async close() {
      stopBeating();
      // Unfinished runs stay stored as queued or running (not failed by the pool closing), and
      // leaving the instance table lets the next start, or another instance, resume them.
      await jobs.detachRecorders();
      await services.pool.close();
      await store.instances.unregister(instanceId).catch(() => {});
      if (given === undefined) await store.close();
    },
  };
}
