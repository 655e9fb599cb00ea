import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORT_EVENTS } from '../../outputs/index.js';
import { presetContract, readWorkbook, startOutputService, type OutputService } from '../outputs/output-service.js';

/**
 * POST /reports with `simulationId`: the web page runs the simulation as a job (progress,
 * cancel) and then downloads the report and workbook of that same run. The report must reuse
 * the job (no second simulation: its reproduction names the job, its figures are the job's, and
 * the service's count of finished simulation jobs does not grow), and must refuse a job that ran
 * another model, other settings, or did not finish.
 */

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SEED = 5;
const ITERATIONS = 1000;
const contract = presetContract('buzinezzclub-sib');
const model = { kind: 'contract', contract };
/** What the report runs for { seed, iterations } (outputs/report/report-analyses.ts reportSimulationSettings), as the page sends it. */
const jobSettings = { seed: SEED, iterations: ITERATIONS, events: Object.values(REPORT_EVENTS), riskOutput: 'payerNetResult', riskTail: 'lower' };

let service: OutputService;
let jobId: string;
let result: { outputs: { name: string; mean: number; percentiles: Record<string, number> }[]; events: { name: string; probability: number }[] };

/** Simulation jobs this service has finished, from GET /metrics (simulation_job_duration_seconds_count, kind simulation). */
async function finishedSimulationJobs(): Promise<number> {
  const text = await (await fetch(service.baseUrl + '/metrics')).text();
  let total = 0;
  for (const match of text.matchAll(/^simulation_job_duration_seconds_count\{([^}]*)\} (\d+)/gm)) if (match[1].includes('kind="simulation"')) total += Number(match[2]);
  return total;
}

beforeAll(async () => {
  service = await startOutputService();
  const response = await service.post('/simulations', { model, settings: jobSettings }, { prefer: 'wait=60' });
  expect(response.status).toBe(200);
  const job = await response.json();
  jobId = job.id;
  result = job.result;
});
afterAll(() => service.close());

describe('a report on a finished simulation (simulationId)', () => {
  it('reuses the job: same id in its reproduction, the job’s figures, and no new simulation job', async () => {
    const before = await finishedSimulationJobs();
    expect(before).toBeGreaterThanOrEqual(1);
    const response = await service.post('/reports', { model, settings: { seed: SEED, iterations: ITERATIONS }, format: 'json', simulationId: jobId });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.reproduction.simulationId).toBe(jobId);
    const net = result.outputs.find((o) => o.name === 'payerNetResult')!;
    // The report's key figures are read from the job's result (outputs/report/build-report.ts), so they are its numbers exactly.
    expect(report.keyFigures.expectedNetResult).toBe(net.mean);
    expect(report.keyFigures.netResultP10).toBe(net.percentiles.p10);
    expect(report.keyFigures.chancePaysOff).toBe(result.events.find((e) => e.name === REPORT_EVENTS.payerGains.name)!.probability);

    const workbook = await service.post('/reports', { model, settings: { seed: SEED, iterations: ITERATIONS }, format: 'xlsx', simulationId: jobId });
    expect(workbook.status).toBe(200);
    // The workbook's about sheet (item, value) names the same job: a report that ran its own simulation names another id.
    const about = (await readWorkbook(workbook)).worksheets[0];
    const values: string[] = [];
    about.eachRow((row) => values.push(String(row.getCell(2).value)));
    expect(values).toContain(`/simulations/${jobId}`);
    // Without simulationId each of the two reports would have run (and counted) a simulation job.
    expect(await finishedSimulationJobs()).toBe(before);
  });

  it('refuses a job that ran other settings, naming the setting (409)', async () => {
    const response = await service.post('/reports', { model, settings: { seed: SEED + 1, iterations: ITERATIONS }, format: 'json', simulationId: jobId });
    expect(response.status).toBe(409);
    const problem = await response.json();
    expect(problem.type).toMatch(/simulation-does-not-match$/);
    expect(problem.detail).toContain('settings.seed');
    expect(problem.detail).not.toContain('settings.iterations');
  });

  it('refuses a job of another contract (409)', async () => {
    const other = structuredClone(contract) as { name: string };
    other.name = `${other.name} (changed)`;
    const response = await service.post('/reports', { model: { kind: 'contract', contract: other }, settings: { seed: SEED, iterations: ITERATIONS }, format: 'json', simulationId: jobId });
    expect(response.status).toBe(409);
    expect((await response.json()).title).toBe('The simulation is of another model');
  });

  it('refuses a cancelled job (409) and an unknown one (404)', async () => {
    const started = await service.post('/simulations', { model, settings: { ...jobSettings, iterations: 1_000_000 } }, { prefer: 'respond-async' });
    expect(started.status).toBe(202);
    const { id } = await started.json();
    expect((await service.post(`/simulations/${id}/cancel`, {})).status).toBe(200);
    const cancelled = await service.post('/reports', { model, settings: { seed: SEED, iterations: 1_000_000 }, format: 'json', simulationId: id });
    expect(cancelled.status).toBe(409);
    expect((await cancelled.json()).title).toBe('The simulation was cancelled');
    const unknown = await service.post('/reports', { model, settings: { seed: SEED, iterations: ITERATIONS }, format: 'json', simulationId: 'no-such-job' });
    expect(unknown.status).toBe(404);
  });
});
