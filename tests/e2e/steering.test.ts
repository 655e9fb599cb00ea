import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHROMIUM_ARGS } from '../../outputs/pdf/print-pdf.js';
import { requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';
import { overflowingElements, seriousA11yViolations } from './workbench-helpers.js';

/**
 * The Steering screen (#/steering) in real Chromium against the service: the small-municipality
 * preset's actuals read from a CSV file, a refused file's problem shown with its row and column
 * (the file import checks the schema; checks against the contract come with the re-forecast),
 * and the re-forecast's payments per year equal to POST /contracts/reforecast's for the same
 * contract, actuals and settings; axe-core and the 400 px layout.
 */
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const PRESET = 'small-municipality-pilot';
const starts = [0, 1, 0, 1, 1, 0, 0, 1, 0, 2, 0, 1, 0, 0];
function actualsCsv(): string {
  let inWork = 0;
  const rows = starts.map((s, month) => {
    const fallbacks = month === 8 ? 1 : 0;
    inWork += s - fallbacks;
    return `${month};${month === 0 || month === 6 ? 10 : 0};${s};${inWork};${fallbacks};${month > 3 ? '1000,00' : '0'}`;
  });
  return ['maand;instroom;gestart met werk;aan het werk einde maand;terugval in bijstand;betalingen (EUR)', ...rows].join('\n');
}

let service: OutputService;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  const executablePath = requireChromium();
  service = await startOutputService();
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${service.baseUrl}/#/contract`);
  await page.waitForSelector(`#preset option[value="${PRESET}"]`, { state: 'attached' });
  await page.selectOption('#preset', PRESET);
  await page.waitForFunction(() => document.querySelector('#contract-form') !== null);
  await page.click('a[data-route="steering"]');
  await page.waitForSelector('#actuals-file', { state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await service?.close();
});

describe('the Steering screen', () => {
  it('shows a refused file\'s problem with its row and column', async () => {
    const bad = 'maand;instroom;gestart met werk;terugval in bijstand;betalingen (EUR)\n0;10;0;0;0\n1;0;twaalf;0;0\n';
    await page.setInputFiles('#actuals-file', { name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.waitForSelector('#steering-problem');
    await expect.poll(() => page.locator('#steering-problem').textContent(), { timeout: 10_000 }).toContain('row 3, column C (gestart met werk)');
  });

  it('reads the actuals, re-forecasts, and shows the API\'s payments per year', async () => {
    await page.setInputFiles('#actuals-file', { name: 'realisaties.csv', mimeType: 'text/csv', buffer: Buffer.from(actualsCsv()) });
    await page.waitForSelector('#actuals-read');
    await page.fill('#steering-heading ~ .run-settings input >> nth=0', '2.000');
    await page.fill('#steering-heading ~ .run-settings input >> nth=1', '4');
    await page.click('#reforecast-run');
    await page.waitForSelector('#reforecast-result', { timeout: 120_000 });

    const preset = (await (await fetch(`${service.baseUrl}/presets/${PRESET}`)).json()) as { contract: unknown };
    const imported = await fetch(`${service.baseUrl}/contracts/actuals/import`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: actualsCsv() });
    const api = (await (await service.post('/contracts/reforecast', { contract: preset.contract, actuals: ((await imported.json()) as { actuals: unknown }).actuals, settings: { iterations: 2000, seed: 4 } })).json()) as {
      yearly: { year: string; forecast: { p10: number; p50: number; p90: number } }[];
    };
    const euro = (v: number) => new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(v);
    const first = api.yearly[1];
    const row = (await page.locator('#reforecast-yearly tbody tr').nth(1).textContent())!.replace(/[\u00a0\u202f]/g, ' ');
    expect(row).toContain(`${euro(first.forecast.p10)} / ${euro(first.forecast.p50)} / ${euro(first.forecast.p90)}`.replace(/[\u00a0\u202f]/g, ' '));
    expect(await page.locator('#plan-versus-actual tbody tr').count()).toBe(starts.length);
    expect(problems).toEqual([]);
  });

  it('has no serious accessibility violations and fits a 400 px screen', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 400, height: 900 });
    const overflow = await overflowingElements(page);
    expect(overflow.elements).toEqual([]);
  });
});
