import type { QueuePool } from '../../runtime/queue/queue-pool.js';
import type { Services } from '../services.js';
import type { ReadinessCheck } from './readiness.js';
import type { QueueDepth } from './service-metrics.js';

/** What the operational endpoints need beyond the services: given by api/server.ts. */
export interface OperationsDependencies {
  /** True from the moment SIGTERM arrives: /ready answers 503 so that traffic moves elsewhere. */
  isShuttingDown?: () => boolean;
  /** Checks beyond the database and the simulation threads (the shared queue, with REDIS_URL). */
  readinessChecks?: readonly ReadinessCheck[];
  queueDepth?: () => Promise<QueueDepth>;
}

/**
 * The database (when the service has one) answers a query; the simulation threads' state, or with
 * REDIS_URL the queue: Redis answers and at least one worker process is connected.
 */
export function defaultReadinessChecks(services: Partial<Pick<Services, 'store' | 'pool'>>): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const store = services.store ?? null;
  if (store !== null) {
    checks.push({
      name: 'database',
      async check() {
        await store.database.query('select 1');
        return { ok: true, detail: `${store.database.kind} answers` };
      },
    });
  }
  const pool = services.pool ?? null;
  if (pool !== null && 'health' in pool && typeof pool.health === 'function') {
    const queue = pool as QueuePool;
    checks.push({ name: 'queue', check: () => queue.health() });
  }
  if (pool !== null && !('health' in pool)) {
    checks.push({
      name: 'workers',
      async check() {
        const stats = pool.stats();
        return {
          ok: true,
          detail: `${stats.startedThreads} of ${stats.threads} simulation threads started, ${stats.busyThreads} busy, ${stats.queuedTasks} tasks waiting`,
        };
      },
    });
  }
  return checks;
}

/** The shared queue's depth, when the pool is the queue (REDIS_URL). */
export function queueDepthOf(pool: Services['pool'] | undefined): (() => Promise<{ waiting: number; active: number }>) | null {
  if (pool === undefined || !('depth' in pool) || typeof pool.depth !== 'function') return null;
  const queue = pool as QueuePool;
  return () => queue.depth();
}
