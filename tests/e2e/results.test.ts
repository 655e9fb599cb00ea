import { mkdir, readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPORT_EVENTS } from '../../outputs/index.js';
import { CHROMIUM_ARGS } from '../../outputs/pdf/print-pdf.js';
import { textsFor } from '../../outputs/texts/index.js';
import { columnsOf, findRow, requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';
import { overflowingElements, seriousA11yViolations, smallestChartTextPx } from './workbench-helpers.js';
import { README_SCREENSHOTS } from '../support/readme-screenshots.js';

/**
 * The Results screen (#/results) in real Chromium against the service: a preset is run as a job
 * with a progress bar, iterations done and time left; a 1,000,000-iteration run is cancelled at
 * the service; a normal run's key figures are GET /simulations/{id}/result's numbers; the report
 * (HTML) and its workbook are made from that same job (their figures equal the page's, the
 * report names the job, and the service finishes no further simulation job); axe-core and the
 * 400 px layout.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const SCREENSHOTS = README_SCREENSHOTS;
const PRESET = 'buzinezzclub-sib';
const SEED = 7;
/** Few iterations keep the normal run near a second on a shared machine. */
const ITERATIONS = 2000;

let service: OutputService;
let browser: Browser;
let page: Page;
const problems: string[] = [];
/** POST /simulations the page sent, in order. */
const simulationPosts: string[] = [];

type Output = { name: string; mean: number | null; percentiles: Record<string, number | null> };
type Result = { iterations: number; seed: number; outputs: Output[]; events: { name: string; probability: number | null }[] };

/** Simulation jobs this service has finished, from GET /metrics (simulation_job_duration_seconds_count, kind simulation). */
async function finishedSimulationJobs(): Promise<number> {
  const text = await (await fetch(service.baseUrl + '/metrics')).text();
  let total = 0;
  for (const match of text.matchAll(/^simulation_job_duration_seconds_count\{([^}]*)\} (\d+)/gm)) if (match[1].includes('kind="simulation"')) total += Number(match[2]);
  return total;
}

async function figure(name: string): Promise<number> {
  const value = await page.locator(`#figures [data-figure="${name}"]`).getAttribute('data-value');
  expect(value, name).not.toBe('');
  return Number(value);
}

async function expectAccessible(screen: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

beforeAll(async () => {
  const executablePath = requireChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  service = await startOutputService();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/simulations') simulationPosts.push(request.postData() ?? '');
  });
  await page.goto(`${service.baseUrl}/#/contract`);
  await page.waitForSelector(`#preset option[value="${PRESET}"]`, { state: 'attached' });
  await page.selectOption('#preset', PRESET);
  await page.waitForFunction(() => (document.querySelector('#contract-form') !== null));
  await page.click('a[data-route="results"]');
  await page.waitForSelector('#run');
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('the Results screen', () => {
  let jobId = '';
  let result: Result;

  it('shows a long run’s progress and time left, and its Cancel cancels the job at the service', async () => {
    await page.fill('#iterations', '1.000.000');
    await page.fill('#seed', String(SEED));
    await page.click('#run');
    // Progress from the API: the bar's aria-valuenow grows above 0, and a time-left estimate appears.
    await page.waitForFunction(() => Number(document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? 0) > 0, undefined, { timeout: 60_000 });
    await page.waitForFunction(() => (document.querySelector('#time-left')?.getAttribute('data-seconds-left') ?? '') !== '', undefined, { timeout: 60_000 });
    const bar = page.locator('[role="progressbar"]');
    expect(Number(await bar.getAttribute('aria-valuemax'))).toBe(1_000_000);
    const secondsLeft = Number(await page.locator('#time-left').getAttribute('data-seconds-left'));
    expect(secondsLeft).toBeGreaterThan(0);
    await expect(page.locator('#time-left').textContent()).resolves.toMatch(/^Nog ongeveer .+ doorrekeningen per seconde\)\.$/);
    await expect(page.locator('#progress-count').textContent()).resolves.toMatch(/^[\d.]+ van 1\.000\.000 doorrekeningen klaar$/);
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-results-progress.png` });
    const longJob = (await page.locator('#run-progress').getAttribute('data-job'))!;
    expect(longJob).not.toBe('');

    await page.click('#cancel-run');
    await page.waitForSelector('#run-progress[data-phase="cancelled"]', { timeout: 60_000 });
    // The service says so too: the job ended cancelled, short of its iterations.
    const job = await (await fetch(`${service.baseUrl}/simulations/${longJob}`)).json();
    expect(job.status).toBe('cancelled');
    expect(job.progress.completedIterations).toBeLessThan(1_000_000);
    await expect(page.locator('#cancelled-note').textContent()).resolves.toMatch(/^Afgebroken na [\d.]+ van 1\.000\.000 doorrekeningen\./);
  });

  it('runs a normal job; the key figures are GET /simulations/{id}/result’s numbers', async () => {
    await page.fill('#iterations', String(ITERATIONS));
    // The SIB has no yearly cap: a budget typed the Dutch way, whose chance of being reached the page shows.
    await page.fill('#budget', '400.000');
    await page.click('#run');
    await page.waitForSelector('#figures [data-figure="netResult"]', { timeout: 90_000 });
    jobId = (await page.locator('section[data-phase="succeeded"]').getAttribute('data-job'))!;
    const response = await fetch(`${service.baseUrl}/simulations/${jobId}/result`);
    expect(response.status).toBe(200);
    result = (await response.json()) as Result;
    expect(result.iterations).toBe(ITERATIONS);
    expect(result.seed).toBe(SEED);
    const output = (name: string) => result.outputs.find((o) => o.name === name)!;
    const event = (name: string) => result.events.find((e) => e.name === name)!.probability;
    expect(await figure('netResult')).toBe(output('payerNetResult').mean);
    expect(await figure('netPresentValue')).toBe(output('payerNetPresentValue').mean);
    expect(await figure('chanceGains')).toBe(event(REPORT_EVENTS.payerGains.name));
    expect(await figure('peakYearP90')).toBe(output('peakAnnualPayment').percentiles.p90);
    expect(await figure('providerMargin')).toBe(output('providerMargin').mean);
    expect(await figure('chanceProviderLoses')).toBe(event(REPORT_EVENTS.providerLoses.name));
    const budgetChance = await figure('chanceBudgetReached');
    expect(budgetChance).toBe(event('pageBudgetReached'));
    // Independent of the event: when the P90 of the dearest year lies above the budget, at least
    // about 1 in 10 runs reach it (up to one run of interpolation).
    expect(output('peakAnnualPayment').percentiles.p90!).toBeGreaterThan(400_000);
    expect(budgetChance).toBeGreaterThanOrEqual(0.1 - 1 / ITERATIONS);
    await expect(page.locator('#fan-legend').textContent()).resolves.toMatch(/jaarbudget €\s400\.000/);
    // The SIB has investors: their chance of a loss is shown too.
    expect(await figure('chanceInvestorLoses')).toBe(event(REPORT_EVENTS.investorLoses.name));
    // Shown the Dutch way ("€ 123.456", Intl's nl-NL, computed here independently).
    const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const net = output('payerNetResult').mean!;
    await expect.poll(() => page.locator('#figures [data-figure="netResult"] .figure-value').textContent(), { timeout: 10_000 }).toBe(euro.format(Math.abs(net) < 0.5 ? 0 : net));
    await page.waitForSelector('#chart-yearly-fan .chart-canvas svg', { timeout: 30_000 });
    await page.waitForSelector('#chart-net-result .chart-canvas svg', { timeout: 30_000 });
    // Each chart has a title, a text alternative and its figures in a table.
    for (const id of ['chart-yearly-fan', 'chart-net-result']) {
      await expect(page.locator(`#${id} figcaption`).textContent()).resolves.not.toBe('');
      await expect(page.locator(`#${id} [role="img"]`).getAttribute('aria-label')).resolves.toMatch(/\d/);
      expect(await page.locator(`#${id} table tbody tr`).count()).toBeGreaterThan(0);
    }
    await expectAccessible('results');
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-results.png`, fullPage: true });
  });

  it('makes the report and the workbook from that same run: same figures, no second simulation', async () => {
    const postsBefore = simulationPosts.length;
    const finishedBefore = await finishedSimulationJobs();

    const [html] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="html"]')]);
    const text = await readFile((await html.path())!, 'utf8');
    // The report names the run it was made from, and prints the page's figure (data-value is the exact number).
    expect(text).toContain(`data-reproduction="simulationId">/simulations/${jobId}<`);
    const printed = /data-figure="expectedNetResult" data-value="([^"]*)"/.exec(text)?.[1];
    expect(Number(printed)).toBe(await figure('netResult'));
    const chance = /data-figure="chancePaysOff" data-value="([^"]*)"/.exec(text)?.[1];
    expect(Number(chance)).toBe(await figure('chanceGains'));

    await page.waitForFunction(() => !document.querySelector('[data-download="xlsx"]')?.hasAttribute('disabled'));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-download="xlsx"]')]);
    const workbook = new ExcelJS.Workbook();
    const bytes = await readFile((await xlsx.path())!);
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const w = textsFor('nl').workbook;
    const summary = workbook.getWorksheet(w.sheets.summary)!;
    const summaryColumns = columnsOf(summary);
    const meanCell = findRow(summary, { [summaryColumns.get(w.columns.name)!]: 'payerNetResult' }).getCell(summaryColumns.get(textsFor('nl').statistics.mean)!);
    expect(meanCell.value).toBe(await figure('netResult'));
    const events = workbook.getWorksheet(w.sheets.events)!;
    const eventColumns = columnsOf(events);
    const lossCell = findRow(events, { [eventColumns.get(w.columns.name)!]: REPORT_EVENTS.providerLoses.name }).getCell(eventColumns.get(w.columns.probability)!);
    expect(lossCell.value).toBe(await figure('chanceProviderLoses'));
    const budgetCell = findRow(events, { [eventColumns.get(w.columns.name)!]: 'pageBudgetReached' }).getCell(eventColumns.get(w.columns.probability)!);
    expect(budgetCell.value).toBe(await figure('chanceBudgetReached'));

    // No second simulation: the page posted no job, and the service finished none.
    expect(simulationPosts.length).toBe(postsBefore);
    expect(await finishedSimulationJobs()).toBe(finishedBefore);
    await expect(page.locator('#download-status').textContent()).resolves.toMatch(/^Gedownload: /);
  });

  it('fits 400 px without horizontal overflow, with chart text of at least 10 px', async () => {
    await page.setViewportSize({ width: 400, height: 860 });
    await page.waitForTimeout(1500);
    const overflow = await overflowingElements(page);
    expect(overflow.elements, JSON.stringify(overflow)).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.viewport);
    expect(await smallestChartTextPx(page)).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: `${SCREENSHOTS}/workbench-results-400.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('says the same run in English, numbers written the English way', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.selectOption('#language', 'en');
    const euro = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
    const net = await figure('netResult');
    await expect.poll(() => page.locator('#figures [data-figure="netResult"] .figure-label').textContent(), { timeout: 10_000 }).toBe("The municipality's expected net result");
    await expect.poll(() => page.locator('#figures [data-figure="netResult"] .figure-value').textContent(), { timeout: 10_000 }).toBe(euro.format(Math.abs(net) < 0.5 ? 0 : net));
    await expect.poll(() => page.locator('#status').textContent(), { timeout: 10_000 }).toBe(`Done: ${ITERATIONS.toLocaleString('en-GB')} iterations, seed ${SEED}.`);
    await expectAccessible('results (en)');
    await page.selectOption('#language', 'nl');
  });
});
