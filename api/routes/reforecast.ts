import express, { Router } from 'express';
import { z } from 'zod';
import { ActualsSchema, type Actuals } from '../../models/actuals/index.js';
import { ContractSchema, type Contract } from '../../models/contract/index.js';
import { actualsTemplateCsv, actualsTemplateXlsx } from '../../outputs/actuals/actuals-template.js';
import type { PdfPrinter } from '../../outputs/pdf/print-pdf.js';
import type { SimulationJobs } from '../../runtime/simulation-jobs.js';
import type { Store } from '../../store/index.js';
import { requireCaller } from '../auth.js';
import { untilHangUp } from '../hang-up.js';
import { fileName, sendDownload } from '../downloads/send-download.js';
import { SOFTWARE_VERSION } from '../version.js';
import { guardIdParameter } from '../resource-id.js';
import { fromDomainError, fromZodError, HttpProblem, PROBLEM_BASE } from '../problem.js';
import { ACTUALS_UPLOAD_MEDIA_TYPES, checkUploadAgainst, readActualsUpload, XLSX_MEDIA_TYPE } from '../reforecast/actuals-upload.js';
import { ReforecastRequestSchema } from '../reforecast/reforecast-request.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

/**
 * Steering a running contract on its results: the actuals template, importing actuals from a file,
 * saving them as versions under a saved contract, and the re-forecast. Registered before the saved
 * contracts' routes, so that `/contracts/actuals/...` is not read as a contract id.
 */
export function reforecastRoutes({
  store,
  jobs,
  maxUploadBytes,
  printer,
}: {
  store: Pick<Store, 'savedObjects' | 'contractActuals'> | null;
  /** The re-forecast and its report run on a simulation thread (SimulationPool.compute), never on the event loop. */
  jobs: Pick<SimulationJobs, 'compute'>;
  maxUploadBytes: number | string;
  printer: PdfPrinter;
}): Router {
  const router = Router();
  guardIdParameter(router);
  const files = express.raw({ type: ACTUALS_UPLOAD_MEDIA_TYPES, limit: maxUploadBytes });

  router.get('/contracts/actuals/template', async (req, res) => {
    const query = parseOrThrow(TemplateQuerySchema, req.query);
    const name = query.lang === 'nl' ? 'realisaties-sjabloon' : 'actuals-template';
    res.set('Content-Disposition', `attachment; filename="${name}.${query.format}"`);
    if (query.format === 'csv') return void res.type('text/csv; charset=utf-8').send(actualsTemplateCsv(query.lang));
    res.type(XLSX_MEDIA_TYPE).send(Buffer.from(await actualsTemplateXlsx(query.lang)));
  });

  /** A file (or JSON) read into JSON actuals and checked by the schema, or against a contract given by `ref`. */
  router.post('/contracts/actuals/import', files, async (req, res) => {
    const query = parseOrThrow(ImportQuerySchema, req.query);
    const upload = await readActualsUpload(req, query.asOfMonth);
    res.json({ actuals: upload.actuals });
  });

  /** Resolves the request (inline contract, or a saved one with its saved actuals) and re-forecasts it. */
  async function reforecastOf(body: unknown, res: Parameters<typeof requireCaller>[0]) {
    const request = parseOrThrow(ReforecastRequestSchema, body);
    let contract: Contract;
    let actuals: Actuals | null = request.actuals ?? null;
    let actualsAt: (string | number)[] = ['actuals'];
    if (request.contract !== undefined) contract = request.contract;
    else {
      const { objects, actualsStore, caller } = needStore(res);
      const ref = request.ref!;
      const saved = await objects.get(caller.organisationId, 'contract', ref.id, ref.version);
      if (saved === null) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'contract', id: ref.id }));
      contract = parseSaved(ContractSchema, saved.body, ['ref']);
      if (request.actuals === undefined) {
        const stored = await actualsStore.get(caller.organisationId, ref.id, ref.actualsVersion);
        if (stored === null && ref.actualsVersion !== undefined)
          throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'actuals', id: `${ref.id} version ${ref.actualsVersion}` }));
        actuals = stored === null ? null : parseSaved(ActualsSchema, stored.body, ['ref', 'actualsVersion']);
        actualsAt = ['ref', 'actualsVersion'];
      }
    }
    return { contract, input: { contract, actuals, settings: request.settings, inference: request.inference, actualsAt } };
  }

  router.post('/contracts/reforecast', async (req, res) => {
    const { input } = await reforecastOf(req.body, res);
    const result = await untilHangUp(res, (signal) => jobs.compute('reforecast', input, { signal }));
    if (result === null) return; // nobody to answer
    res.json(unwrapOrThrow(result));
  });

  /** The yearly progress report (voortgangsrapportage) on the same re-forecast: HTML, or the HTML printed to PDF. */
  router.post('/contracts/reforecast/report', async (req, res) => {
    const query = parseOrThrow(ReportQuerySchema, req.query);
    // The body is checked first: a bad request is the caller's to fix whatever this server can print.
    const { contract, input } = await reforecastOf(req.body, res);
    if (query.format === 'pdf' && !printer.available())
      throw new HttpProblem({ type: PROBLEM_BASE + 'pdf-unavailable', title: 'PDF printing is not available on this server', status: 503, detail: 'The server has no Chromium to print with; ask for format html and print it from a browser.' });
    const provenance = { generatedAt: new Date().toISOString(), softwareVersion: SOFTWARE_VERSION, seed: input.settings.seed, iterations: input.settings.iterations };
    const rendered = await untilHangUp(res, (signal) => jobs.compute('progressReport', { reforecast: input, language: query.lang, provenance }, { signal }));
    if (rendered === null) return;
    const html = unwrapOrThrow(rendered);
    const name = fileName(contract.name, query.lang === 'nl' ? 'voortgangsrapportage' : 'progress-report', query.format);
    if (query.format === 'html') return sendDownload(res, 'html', html, name);
    sendDownload(res, 'pdf', await printer.print(html), name);
  });

  /** Saves actuals (JSON, CSV or xlsx) as the next version under a saved contract, after checking them against its current version. */
  router.post('/contracts/:id/actuals', files, async (req, res) => {
    const { objects, actualsStore, caller } = needStore(res);
    const query = parseOrThrow(ImportQuerySchema, req.query);
    const saved = await objects.get(caller.organisationId, 'contract', req.params.id);
    if (saved === null) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'contract', id: req.params.id }));
    const contract = parseSaved(ContractSchema, saved.body, []);
    const upload = await readActualsUpload(req, query.asOfMonth);
    // Everything is checked before anything is written: a refused upload stores nothing.
    checkUploadAgainst(contract, upload);
    const version = await actualsStore.add(caller, req.params.id, saved.version, upload.actuals);
    if (version === null) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'contract', id: req.params.id }));
    res
      .status(201)
      .set('Location', `/contracts/${req.params.id}/actuals/${version.version}`)
      .json(actualsView(version));
  });

  router.get('/contracts/:id/actuals', async (req, res) => {
    const { actualsStore, objects, caller } = needStore(res);
    if ((await objects.get(caller.organisationId, 'contract', req.params.id)) === null)
      throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'contract', id: req.params.id }));
    const versions = await actualsStore.versions(caller.organisationId, req.params.id);
    res.json({ items: versions.map((v) => ({ version: v.version, contractVersion: v.contractVersion, createdAt: v.createdAt.toISOString(), links: { self: `/contracts/${v.contractId}/actuals/${v.version}` } })) });
  });

  router.get('/contracts/:id/actuals/:version', async (req, res) => {
    const { actualsStore, caller } = needStore(res);
    const version = z.coerce.number().int().min(1).max(2_147_483_647).safeParse(req.params.version);
    if (!version.success) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'actuals', id: `${req.params.id} version ${req.params.version}` }));
    const stored = await actualsStore.get(caller.organisationId, req.params.id, version.data);
    if (stored === null) throw new HttpProblem(fromDomainError({ kind: 'not-found', resource: 'actuals', id: `${req.params.id} version ${version.data}` }));
    res.json(actualsView(stored));
  });

  function needStore(res: Parameters<typeof requireCaller>[0]) {
    if (store === null)
      throw new HttpProblem({ type: PROBLEM_BASE + 'not-found', title: 'Not found', status: 404, detail: 'Saved contracts and actuals need the service to run with a store.' });
    return { objects: store.savedObjects, actualsStore: store.contractActuals, caller: requireCaller(res) };
  }
  return router;
}

const ReportQuerySchema = z.object({ format: z.enum(['html', 'pdf']).default('pdf'), lang: z.enum(['nl', 'en']).default('nl') });
const TemplateQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx'), lang: z.enum(['nl', 'en']).default('nl') });
const ImportQuerySchema = z.object({
  asOfMonth: z.coerce.number().int().min(0).max(239).optional().describe('The as-of month of a file; default: its latest month.'),
});

function parseSaved<S extends z.ZodType>(schema: S, body: unknown, at: (string | number)[]): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpProblem({ ...fromZodError(parsed.error, at), detail: 'A saved version is not valid under this software version\'s schema; save a corrected version.' });
  return parsed.data;
}

function actualsView(version: { contractId: string; version: number; contractVersion: number; body: unknown; createdAt: Date }) {
  return {
    contractId: version.contractId,
    version: version.version,
    contractVersion: version.contractVersion,
    createdAt: version.createdAt.toISOString(),
    actuals: version.body,
    links: { self: `/contracts/${version.contractId}/actuals/${version.version}`, contract: `/contracts/${version.contractId}` },
  };
}

