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

/** The database (when the service has one) answers a query; the simulation threads' state. */
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
  if (pool !== null) {
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
