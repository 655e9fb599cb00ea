import { mkdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS } from '../../outputs/pdf/print-pdf.js';
import { columnsOf, findRow, requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';
import ExcelJS from 'exceljs';

/**
 * The web page at `/`, driven in headless Chromium (Debian's package, through playwright-core;
 * no browser is downloaded) against the service on 127.0.0.1 and an ephemeral port. What a user
 * does: pick a preset, change an input, run, see the figures and charts change, download the
 * report and the Excel file. Screenshots go to test-results/screenshots/ for review.
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

/** Clicks Doorrekenen and returns the report the page received from POST /reports. */
async function runAndWait(): Promise<{ keyFigures: Record<string, number>; reproduction: { seed: number; iterations: number } }> {
  const runs = Number((await page.locator('body').getAttribute('data-runs')) ?? 0);
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/reports') && r.request().method() === 'POST'), page.click('#run')]);
  expect(response.status()).toBe(200);
  await page.waitForFunction((n) => document.body.dataset.runs === String(n), runs + 1, { timeout: 60_000 });
  return response.json();
}

describe('the web page', () => {
  it('loads from / with the presets of GET /presets and no errors', async () => {
    const response = await page.goto(`${service.baseUrl}/`);
    expect(response!.status()).toBe(200);
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Kies een scenario'));
    const presets: { id: string; kind: string }[] = await (await fetch(`${service.baseUrl}/presets`)).json();
    const options = await page.locator('#preset option').evaluateAll((elements) => elements.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
    // The page edits contracts: it offers the contract presets, not the fund presets /presets also lists.
    expect(presets.some((p) => p.kind === 'portfolio')).toBe(true);
    expect(options).toEqual(presets.filter((p) => p.kind === 'contract').map((p) => p.id));
    expect(problems).toEqual([]);
  }, 60_000);

  let first: Awaited<ReturnType<typeof runAndWait>>;
  let firstChart: string;

  it('shows a preset’s inputs, runs it and shows the key figures and the three charts of the API’s report', async () => {
    await page.selectOption('#preset', PRESET);
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Scenario geladen'));
    // The preset pays 45% of the attributable savings, on 20 participants (scenarios/small-municipality-pilot.ts).
    expect(await page.inputValue('#price-number')).toBe('45');
    expect(await page.inputValue('#intake-number')).toBe('20');
    await page.fill('#iterations', ITERATIONS);
    first = await runAndWait();
    expect(first.reproduction.iterations).toBe(Number(ITERATIONS));
    const net = await figure('expectedNetResult');
    expect(net.value).toBe(first.keyFigures.expectedNetResult);
    expect(net.shown).toBe(new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(net.value));
    expect((await figure('chancePaysOff')).value).toBe(first.keyFigures.chancePaysOff);
    expect((await figure('peakAnnualPaymentP90')).value).toBe(first.keyFigures.peakAnnualPaymentP90);
    expect((await figure('providerIncomeMean')).value).toBe(first.keyFigures.providerIncomeMean);
    // The provider's chance of a loss: the report's figure, in a card and in words (the report's own sentence).
    const providerLoss = await figure('providerLossChance');
    expect(providerLoss.value).toBe(first.keyFigures.providerLossChance);
    expect(providerLoss.shown).toMatch(/%$/);
    const providerWords = (await page.locator('#provider-words').textContent()) ?? '';
    expect(providerWords).toContain('De kans dat de aanbieder verlies maakt, dus meer kosten heeft dan inkomsten, is ');
    expect(providerWords).toMatch(/in (ongeveer \d+ van de 10|meer dan|minder dan)|bijna altijd|zelden/);
    for (const chart of ['#chart-net', '#chart-fan', '#chart-tornado']) await expect(page.locator(`${chart} svg`).count()).resolves.toBe(1);
    firstChart = await page.locator('#chart-net svg').innerHTML();
    expect(await page.locator('#findings li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/web-page-first-run.png`, fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/web-page.png` });
    expect(problems).toEqual([]);
  }, 90_000);

  it('runs again after a changed input and shows the new figure and chart', async () => {
    // Paying 60% instead of 45% of the savings leaves the municipality less: its net result must fall.
    await page.fill('#price-number', '60');
    expect(await page.inputValue('#price-range')).toBe('60');
    const contract = JSON.parse(await page.inputValue('#contract-json'));
    expect(contract.payment.triggers[0].share).toBeCloseTo(0.6, 12);
    const second = await runAndWait();
    const net = await figure('expectedNetResult');
    expect(net.value).toBe(second.keyFigures.expectedNetResult);
    expect(net.value).toBeLessThan(first.keyFigures.expectedNetResult);
    expect((await figure('providerIncomeMean')).value).toBeGreaterThan(first.keyFigures.providerIncomeMean);
    expect(await page.locator('#chart-net svg').innerHTML()).not.toBe(firstChart);
    await page.screenshot({ path: `${SCREENSHOTS}/web-page-changed-input.png`, fullPage: true });
  }, 90_000);

  it('moves the contract with a slider: the job-entry rate becomes a PERT around the value with the uncertainty slider', async () => {
    await page.locator('#jobEntryRate-range').fill('5');
    expect(await page.inputValue('#jobEntryRate-number')).toBe('5');
    await page.locator('#jobEntryUncertainty-range').fill('20');
    const contract = JSON.parse(await page.inputValue('#contract-json'));
    const rate = contract.profiles[0].programme.monthlyJobEntryRate;
    // 5% a month, ±20%: PERT(4%, 5%, 6%).
    expect(rate.type).toBe('pert');
    expect(rate.mode).toBeCloseTo(0.05, 12);
    expect(rate.min).toBeCloseTo(0.04, 12);
    expect(rate.max).toBeCloseTo(0.06, 12);
  });

  it('downloads the report and the Excel file of the last run, with the figure the page shows', async () => {
    const shown = await figure('expectedNetResult');
    // The downloads post the body of the last run (before the slider moved), so they show its figures.
    const [htmlDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-download="html"]')]);
    expect(htmlDownload.suggestedFilename()).toBe('pilot-kleine-gemeente-besparingsdeling-rapport.html');
    const htmlPath = `${DOWNLOADS}/${htmlDownload.suggestedFilename()}`;
    await htmlDownload.saveAs(htmlPath);
    const html = await readFile(htmlPath, 'utf8');
    expect(html).toContain(`data-figure="expectedNetResult" data-value="${shown.value}"`);
    // The preset's description says 45%; the report names the input changed on the page.
    expect(html).toContain('Op de webpagina aangepast ten opzichte van dit scenario: Aandeel van de besparing dat wordt uitbetaald.');
    expect(html).toContain('60% van de toerekenbare besparing');

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.click('[data-download="xlsx"]')]);
    expect(xlsxDownload.suggestedFilename()).toBe('pilot-kleine-gemeente-besparingsdeling-rapport.xlsx');
    const xlsxPath = `${DOWNLOADS}/${xlsxDownload.suggestedFilename()}`;
    await xlsxDownload.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const summary = workbook.getWorksheet('Samenvatting')!;
    const columns = columnsOf(summary);
    expect(findRow(summary, { [columns.get('Naam')!]: 'payerNetResult' }).getCell(columns.get('Gemiddelde')!).value).toBe(shown.value);

    // The downloaded report, as a reader sees it.
    const reader = await browser.newPage({ viewport: { width: 900, height: 1250 } });
    await reader.setContent(html, { waitUntil: 'load' });
    expect(await reader.locator('.figure[data-figure="expectedNetResult"] .figure-value').textContent()).toBe(shown.shown);
    await reader.screenshot({ path: `${SCREENSHOTS}/report.png` });
    await reader.locator('#charts').scrollIntoViewIfNeeded();
    await reader.screenshot({ path: `${SCREENSHOTS}/report-full.png`, fullPage: true });
    await reader.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it('downloads the report as PDF, in English when English is chosen', async () => {
    await page.selectOption('#language', 'en');
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.click('[data-download="pdf"]')]);
    expect(download.suggestedFilename()).toBe('pilot-kleine-gemeente-besparingsdeling-report.pdf');
    const path = `${DOWNLOADS}/${download.suggestedFilename()}`;
    await download.saveAs(path);
    const pdf = await readFile(path);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.waitForFunction((name) => document.querySelector('#status')!.textContent === `Gedownload: ${name}`, download.suggestedFilename());
  }, 120_000);

  it('takes a pasted contract and shows the API’s problem when it is not valid', async () => {
    await page.click('#paste summary');
    const contract = JSON.parse(await page.inputValue('#contract-json'));
    contract.horizonMonths = 0;
    await page.fill('#contract-json', JSON.stringify(contract));
    await page.click('#apply-json');
    expect(await page.inputValue('#preset')).toBe('');
    await page.click('#run');
    await page.waitForSelector('#problems:not([hidden])');
    expect(await page.locator('#problems').textContent()).toContain('horizonMonths');
    // The figures of the earlier run stay, greyed out, and the problem is in view.
    expect(await page.locator('.results').getAttribute('class')).toContain('stale');
    expect(await page.locator('#problems').isVisible()).toBe(true);
    await page.locator('#problems').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/web-page-problem.png`, fullPage: false });
  }, 60_000);
});

describe('the web page on a service that refuses anonymous callers', () => {
  it('shows the 401 problem, and sends a typed API key as a Bearer token', async () => {
    const closed = await startOutputService({ allowAnonymous: false });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const guest = await context.newPage();
      await guest.goto(`${closed.baseUrl}/`);
      await guest.waitForSelector('#problems:not([hidden])');
      expect(await guest.locator('#status').textContent()).toBe('De scenario’s konden niet worden geladen.');
      expect(await guest.locator('#problems').textContent()).toContain('API key');
      const [request] = await Promise.all([
        guest.waitForRequest((r) => r.url().endsWith('/presets')),
        guest.fill('#api-key', 'rf_example').then(() => guest.locator('#api-key').dispatchEvent('change')),
      ]);
      expect(request.headers().authorization).toBe('Bearer rf_example');
    } finally {
      await context.close();
      await closed.close();
    }
  }, 60_000);
});
