import { Router } from 'express';
import { checkReadiness, type ReadinessCheck } from '../operations/readiness.js';
import type { ServiceMetrics } from '../operations/service-metrics.js';

export interface OperationsRouteOptions {
  checks: readonly ReadinessCheck[];
  isShuttingDown(): boolean;
  metrics: ServiceMetrics;
}

/**
 * GET /ready (200 ready, 503 not ready, with every check's outcome) and GET /metrics (Prometheus
 * text format). Both are for operators and probes, mounted before authentication and rate limits.
 */
export function operationsRoutes(options: OperationsRouteOptions): Router {
  const router = Router();
  router.get('/ready', async (_req, res) => {
    const report = await checkReadiness(options.checks, options.isShuttingDown());
    res.status(report.status === 'ready' ? 200 : 503).set('Cache-Control', 'no-store').json(report);
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', options.metrics.registry.contentType).send(await options.metrics.scrape());
  });
  return router;
}
