import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import type { SimulationPool } from '../../runtime/simulation-pool.js';

/**
 * Prometheus metrics of one service process, served at GET /metrics: request latency per route,
 * simulation job durations, active jobs and the work waiting for a simulation thread (or, with
 * REDIS_URL, in the shared queue), plus Node's process metrics (CPU, memory, event-loop delay).
 * Each app has its own registry, so tests can run several apps in one process.
 */

/** Request latency buckets in seconds: an evaluation takes milliseconds, a report seconds. */
const REQUEST_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Job duration buckets in seconds: from a pilot's quick run to an hour-long Sobol. */
const JOB_BUCKETS = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1_800, 3_600];

export interface QueueDepth {
  /** Jobs waiting for a worker process, and jobs being worked on, in the shared queue. */
  waiting: number;
  active: number;
}

export interface ServiceMetricsSources {
  jobs: Pick<SimulationJobs, 'activeCount' | 'onSettled'>;
  pool?: Pick<SimulationPool, 'stats'> | null;
  /** The shared job queue's depth (BullMQ on Redis), when the service uses one. */
  queueDepth?: (() => Promise<QueueDepth>) | null;
}

export interface ServiceMetrics {
  readonly registry: Registry;
  /** Times every request from its arrival to the end of its answer. */
  readonly timeRequests: RequestHandler;
  /** The text Prometheus scrapes. */
  scrape(): Promise<string>;
}

export function createServiceMetrics(sources: ServiceMetricsSources): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request to the end of its answer, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'simulation_job_duration_seconds',
    help: 'Time from a simulation job being accepted to its end, by kind and final status.',
    labelNames: ['kind', 'status'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: 'simulation_jobs_active',
    help: 'Simulation jobs queued or running in this process.',
    registers: [registry],
    collect() {
      this.set(sources.jobs.activeCount());
    },
  });
  const pool = sources.pool ?? null;
  if (pool !== null) {
    new Gauge({
      name: 'simulation_pool_queued_tasks',
      help: 'Chunks, summaries and sensitivity analyses waiting for a simulation thread in this process.',
      registers: [registry],
      collect() {
        this.set(pool.stats().queuedTasks);
      },
    });
    new Gauge({
      name: 'simulation_pool_busy_threads',
      help: 'Simulation threads at work in this process.',
      registers: [registry],
      collect() {
        this.set(pool.stats().busyThreads);
      },
    });
    new Gauge({
      name: 'simulation_pool_threads',
      help: 'Simulation threads this process may run (WORKER_THREADS).',
      registers: [registry],
      collect() {
        this.set(pool.stats().threads);
      },
    });
  }
  const queueDepth = sources.queueDepth ?? null;
  if (queueDepth !== null) {
    new Gauge({
      name: 'job_queue_depth',
      help: 'Jobs in the shared queue (REDIS_URL), by state: waiting for a worker process or active.',
      labelNames: ['state'] as const,
      registers: [registry],
      async collect() {
        const depth = await queueDepth().catch(() => null);
        if (depth === null) return;
        this.set({ state: 'waiting' }, depth.waiting);
        this.set({ state: 'active' }, depth.active);
      },
    });
  }

  sources.jobs.onSettled((job) => {
    if (job.finishedAt === null) return;
    jobDuration.observe({ kind: job.kind, status: job.status }, (job.finishedAt.getTime() - job.createdAt.getTime()) / 1000);
  });

  const timeRequests: RequestHandler = (req, res, next) => {
    const end = requestDuration.startTimer();
    res.on('finish', () => {
      // The route template (/simulations/:id), not the path, so that ids do not multiply the series.
      const route = req.route?.path;
      end({ method: req.method, route: typeof route === 'string' ? req.baseUrl + route : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };

  return { registry, timeRequests, scrape: () => registry.metrics() };
}
