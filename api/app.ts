import express, { type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { authentication } from './auth.js';
import type { Config } from './config.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { defaultReadinessChecks, queueDepthOf, type OperationsDependencies } from './operations/operations-dependencies.js';
import { requestRateLimit } from './operations/request-rate-limit.js';
import { createServiceMetrics } from './operations/service-metrics.js';
import { HttpProblem, problemMiddleware } from './problem.js';
import { contractRoutes } from './routes/contracts.js';
import { distributionRoutes } from './routes/distributions.js';
import { expressionRoutes } from './routes/expressions.js';
import { healthRoutes } from './routes/health.js';
import { operationsRoutes } from './routes/operations.js';
import { portfolioRoutes } from './routes/portfolios.js';
import { reportRoutes } from './routes/reports.js';
import { runRoutes } from './routes/runs.js';
import { savedObjectRoutes } from './routes/saved-objects.js';
import { presetRoutes } from './routes/presets.js';
import { reforecastRoutes } from './routes/reforecast.js';
import { sensitivityRoutes } from './routes/sensitivity.js';
import { simulationRoutes } from './routes/simulations.js';
import type { RunStorage } from './runs/run-storage.js';
import { SAVED_OBJECT_DEFINITIONS } from './saved-objects/saved-object-kinds.js';
import type { Services } from './services.js';
import { webAssetRoutes } from './web-assets.js';
import { createPdfPrinter, type PdfPrinter } from '../outputs/pdf/print-pdf.js';

export interface AppDependencies {
  config: Pick<Config, 'MAX_PAYLOAD_BYTES' | 'SIMULATION_WAIT_MS' | 'SIMULATION_MAX_WAIT_MS'> &
    Partial<Pick<Config, 'ALLOW_ANONYMOUS' | 'MAX_ACTIVE_JOBS_PER_ORGANISATION' | 'RATE_LIMIT_PER_MINUTE'>>;
  /**
   * Without a store (tests of the endpoints that save nothing) every caller is anonymous and
   * nothing is saved; ALLOW_ANONYMOUS defaults to true.
   */
  services: Pick<Services, 'jobs'> & Partial<Pick<Services, 'store' | 'instanceId' | 'pool'>>;
  /** Readiness, shutdown state and the shared queue's depth (see api/operations); default: always ready, no queue. */
  operations?: OperationsDependencies;
  /** Prints reports to PDF; default: the machine's Chromium at /usr/bin/chromium. */
  printer?: PdfPrinter;
}

/** The HTTP edge, without `listen`, so tests run it in-process. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  const store = deps.services.store ?? null;
  const storage: RunStorage | null = store === null ? null : { store, instanceId: deps.services.instanceId ?? 'in-process' };
  const waits = {
    defaultWaitMs: deps.config.SIMULATION_WAIT_MS,
    maxWaitMs: deps.config.SIMULATION_MAX_WAIT_MS,
    maxActiveJobsPerOrganisation: deps.config.MAX_ACTIVE_JOBS_PER_ORGANISATION,
  };
  const { jobs } = deps.services;
  const operations = deps.operations ?? {};
  // One printer for every report, so its limit on concurrent prints holds across them.
  const printer = deps.printer ?? createPdfPrinter();
  const metrics = createServiceMetrics({ jobs, pool: deps.services.pool ?? null, queueDepth: operations.queueDepth ?? queueDepthOf(deps.services.pool) });

  // Probes and metrics first: they need no key, count against no rate limit, and answer while draining.
  app.use(metrics.timeRequests);
  app.use(healthRoutes());
  app.use(
    operationsRoutes({
      checks: [...defaultReadinessChecks(deps.services), ...(operations.readinessChecks ?? [])],
      isShuttingDown: operations.isShuttingDown ?? (() => false),
      metrics,
    }),
  );

  // The web page is public; everything after the authentication needs a key unless anonymous use is allowed.
  app.use(webAssetRoutes());
  app.use(authentication({ apiKeys: store?.apiKeys ?? null, allowAnonymous: deps.config.ALLOW_ANONYMOUS ?? true }));
  // After authentication, so that a caller with a key is limited as its organisation.
  const rateLimit = requestRateLimit(deps.config.RATE_LIMIT_PER_MINUTE ?? 0);
  if (rateLimit !== null) app.use(rateLimit);
  app.use(express.json({ limit: deps.config.MAX_PAYLOAD_BYTES, strict: false }));
  const document = buildOpenApiDocument();
  app.get('/openapi.json', (_req, res) => void res.json(document));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Resultaatfinanciering API' }));
  app.use(contractRoutes());
  app.use(distributionRoutes());
  app.use(expressionRoutes());
  // Before the saved contracts' routes: /contracts/actuals/... and /contracts/reforecast are not contract ids.
  app.use(reforecastRoutes({ store, jobs, maxUploadBytes: deps.config.MAX_PAYLOAD_BYTES, printer }));
  app.use(presetRoutes());
  app.use(sensitivityRoutes({ jobs, storage, maxActivePerCaller: deps.config.MAX_ACTIVE_JOBS_PER_ORGANISATION }));
  app.use(portfolioRoutes({ jobs, storage, ...waits }));
  app.use(reportRoutes({ jobs, printer, maxWaitMs: deps.config.SIMULATION_MAX_WAIT_MS, storage, maxActiveJobsPerOrganisation: waits.maxActiveJobsPerOrganisation }));
  app.use(simulationRoutes({ jobs, storage, ...waits }));
  if (store !== null) {
    for (const definition of SAVED_OBJECT_DEFINITIONS) app.use(savedObjectRoutes(definition, store.savedObjects));
    app.use(runRoutes({ jobs, storage: storage!, ...waits }));
  }
  app.use((req, _res, next) =>
    next(new HttpProblem({ type: 'https://resultaatfinanciering.example/problems/not-found', title: 'Not found', status: 404, detail: `No route ${req.method} ${req.path}` })),
  );
  app.use(problemMiddleware);
  return app;
}
