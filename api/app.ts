import express, { type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import type { Config } from './config.js';
import { buildOpenApiDocument } from './openapi-document.js';
import { HttpProblem, problemMiddleware } from './problem.js';
import { contractRoutes } from './routes/contracts.js';
import { healthRoutes } from './routes/health.js';
import { portfolioRoutes } from './routes/portfolios.js';
import { reportRoutes } from './routes/reports.js';
import { scenarioRoutes } from './routes/scenarios.js';
import { sensitivityRoutes } from './routes/sensitivity.js';
import { simulationRoutes } from './routes/simulations.js';
import type { Services } from './services.js';
import { webAssetRoutes } from './web-assets.js';
import { createPdfPrinter, type PdfPrinter } from '../outputs/pdf/print-pdf.js';

export interface AppDependencies {
  config: Pick<Config, 'MAX_PAYLOAD_BYTES' | 'SIMULATION_WAIT_MS' | 'SIMULATION_MAX_WAIT_MS'>;
  services: Pick<Services, 'jobs'>;
  /** Prints reports to PDF; default: the machine's Chromium at /usr/bin/chromium. */
  printer?: PdfPrinter;
}

/** The HTTP edge, without `listen`, so tests run it in-process. */
export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: deps.config.MAX_PAYLOAD_BYTES, strict: false }));
  const document = buildOpenApiDocument();
  app.get('/openapi.json', (_req, res) => void res.json(document));
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Resultaatfinanciering API' }));
  app.use(healthRoutes());
  app.use(contractRoutes());
  app.use(scenarioRoutes());
  app.use(sensitivityRoutes());
  app.use(
    portfolioRoutes({
      jobs: deps.services.jobs,
      defaultWaitMs: deps.config.SIMULATION_WAIT_MS,
      maxWaitMs: deps.config.SIMULATION_MAX_WAIT_MS,
    }),
  );
  app.use(reportRoutes({ jobs: deps.services.jobs, printer: deps.printer ?? createPdfPrinter(), maxWaitMs: deps.config.SIMULATION_MAX_WAIT_MS }));
  app.use(webAssetRoutes());
  app.use(
    simulationRoutes({
      jobs: deps.services.jobs,
      defaultWaitMs: deps.config.SIMULATION_WAIT_MS,
      maxWaitMs: deps.config.SIMULATION_MAX_WAIT_MS,
    }),
  );
  app.use((req, _res, next) =>
    next(new HttpProblem({ type: 'https://resultaatfinanciering.example/problems/not-found', title: 'Not found', status: 404, detail: `No route ${req.method} ${req.path}` })),
  );
  app.use(problemMiddleware);
  return app;
}
