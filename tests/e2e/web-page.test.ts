import { mkdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS } from '../../outputs/pdf/print-pdf.js';
import { columnsOf, findRow, requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';

/**
 * The workbench at `/`, driven in headless Chromium (Debian's package, through playwright-core; no
 * browser is downloaded) against the service on 127.0.0.1 and an ephemeral port. The first thing a
 * user does: pick a preset, change an input, run, see the figures change, download the report and
 * the Excel file. Screenshots go to test-results/screenshots/ for review.
 */

/** Simulations and browser runs share the machine with the rest of the suite: generous limits, no timed assertions. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SCREENSHOTS = 'test-results/screenshots';
const DOWNLOADS = 'test-results/downloads';
const PRESET = 'small-municipality-pilot';
/** Fewer iterations than the page's default keep each run near a second. */
const ITERATIONS = '1000';

let service: OutputService;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const executablePath = requireChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  await mkdir(DOWNLOADS, { recursive: true });
  service = await startOutputService();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'nl-NL' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

/** The value behind a key figure card and the text it shows. */
async function figure(name: string): Promise<{ value: number; shown: string }> {
  const card = page.locator(`#figures .figure[data-figure="${name}"]`);
  return { value: Number(await card.getAttribute('data-value')), shown: (await card.locator('.figure-value').textContent()) ?? '' };
}

/** Runs from the Results screen and waits until the figures of the new run show. */
async function run(): Promise<void> {
  await page.click('a[data-route="results"]');
  await page.fill('#iterations', ITERATIONS);
  // The Results screen runs a job (POST /simulations); its section names the job and its phase.
  const before = await page.locator('section[data-phase]').getAttribute('data-job');
  await page.click('#run');
  await page.waitForFunction(
    (b) => {
      const section = document.querySelector('section[data-phase]');
      return section?.getAttribute('data-phase') === 'succeeded' && section.getAttribute('data-job') !== b && document.querySelector('#figures [data-figure="netResult"][data-value]') !== null;
    },
    before,
    { timeout: 90_000 },
  );
}

describe('the workbench at /', () => {
  it('loads from / with the contract presets of GET /presets and no errors', async () => {
    const response = await page.goto(`${service.baseUrl}/`);
    expect(response!.status()).toBe(200);
    await page.waitForSelector(`#preset option[value="${PRESET}"]`, { state: 'attached' });
    const presets: { id: string; kind: string }[] = await (await fetch(`${service.baseUrl}/presets`)).json();
    const options = await page.locator('#preset option').evaluateAll((elements) => elements.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    // The contract screen offers the contract presets, not the fund presets /presets also lists.
    expect(presets.some((p) => p.kind === 'portfolio')).toBe(true);
    expect(options).toEqual(presets.filter((p) => p.kind === 'contract').map((p) => p.id));
    expect(problems).toEqual([]);
  });

  let firstNet: number;

  it('shows a preset\'s inputs in the forms, runs it and shows the key figures and charts', async () => {
    await page.selectOption('#preset', PRESET);
    await page.waitForSelector('#contract-form');
    // The preset pays 45% of the attributable savings, on 20 participants (scenarios/small-municipality-pilot.ts).
    expect(await page.inputValue('#f-payment-triggers-0-share')).toBe('45');
    // (Read from the JSON box, which shows the contract as it will be sent; the test never types in it.)
    const contract = JSON.parse(await page.inputValue('#contract-json')) as { intake: { cohorts: { count: number }[] } };
    expect(contract.intake.cohorts.reduce((a, c) => a + c.count, 0)).toBe(20);
    await run();
    firstNet = (await figure('netResult')).value;
    const shown = (await figure('netResult')).shown;
    expect(shown).toBe(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Math.abs(firstNet) < 0.5 ? 0 : firstNet));
    await page.waitForSelector('.chart-canvas svg');
    await page.screenshot({ path: `${SCREENSHOTS}/web-page-first-run.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('runs again after a changed input and shows the new figure', async () => {
    // Paying 60% instead of 45% of the savings leaves the municipality less: its net result must fall.
    await page.click('a[data-route="contract"]');
    await page.fill('#f-payment-triggers-0-share', '60');
    await expect.poll(() => page.locator('#f-payment-triggers-0-share-sent').getAttribute('data-sent'), { timeout: 10_000 }).toBe('[0.6]');
    await run();
    expect((await figure('netResult')).value).toBeLessThan(firstNet);
  });

  it('downloads the report and the Excel file of the run, with the figure the page shows', async () => {
    const shown = await figure('netResult');
    const [htmlDownload] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-download="html"]')]);
    const htmlPath = `${DOWNLOADS}/${htmlDownload.suggestedFilename()}`;
    expect(htmlDownload.suggestedFilename()).toMatch(/\.html$/);
    await htmlDownload.saveAs(htmlPath);
    const html = await readFile(htmlPath, 'utf8');
    expect(html).toContain(`data-figure="expectedNetResult" data-value="${shown.value}"`);
    // The preset's description says 45%; the report names the input changed on the page and prints 60%.
    expect(html).toContain('Op de webpagina aangepast ten opzichte van dit scenario: Aandeel van de besparing.');
    expect(html).toContain('60% van de toerekenbare besparing');

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-download="xlsx"]')]);
    const xlsxPath = `${DOWNLOADS}/${xlsxDownload.suggestedFilename()}`;
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    await xlsxDownload.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const summary = workbook.getWorksheet('Samenvatting')!;
    const columns = columnsOf(summary);
    expect(findRow(summary, { [columns.get('Naam')!]: 'payerNetResult' }).getCell(columns.get('Gemiddelde')!).value).toBe(shown.value);
    expect(problems).toEqual([]);
  });

  it('downloads the report as PDF, in English when English is chosen', async () => {
    await page.selectOption('#report-language', 'en');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-download="pdf"]')]);
    expect(download.suggestedFilename()).toMatch(/-report\.pdf$/);
    const path = `${DOWNLOADS}/${download.suggestedFilename()}`;
    await download.saveAs(path);
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('the workbench on a service that refuses anonymous callers', () => {
  it('shows the 401 problem, and sends a typed API key as a Bearer token', async () => {
    const closed = await startOutputService({ allowAnonymous: false });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const guest = await context.newPage();
      await guest.goto(`${closed.baseUrl}/#/contract`);
      await guest.waitForSelector('#other-problems');
      expect(await guest.locator('#other-problems').textContent()).toContain('API key');
      const [request] = await Promise.all([
        guest.waitForRequest((r) => r.url().endsWith('/presets')),
        guest.fill('#api-key', 'rf_example').then(() => guest.locator('#api-key').dispatchEvent('change')),
      ]);
      expect(request.headers().authorization).toBe('Bearer rf_example');
    } finally {
      await context.close();
      await closed.close();
    }
  });
});
