import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { requireChromium, startOutputService, type OutputService } from '../outputs/output-service.js';
import { conjugateActuals, conjugateContract } from './reforecast-fixtures.js';

/**
 * The yearly progress report (voortgangsrapportage) printed to PDF by the machine's Chromium and
 * read back with pdftotext: its figures are those of POST /contracts/reforecast for the same
 * request (same seed), formatted as the report formats euros and counts. Saved under
 * test-results/ for review.
 */
vi.setConfig({ testTimeout: 180_000, hookTimeout: 120_000 });

const run = promisify(execFile);
const contract = conjugateContract(2, 38, 200);
const body = { contract, actuals: conjugateActuals(200, 3000), settings: { seed: 21, iterations: 2_000 }, inference: { planPathDraws: 100 } };
/** Text as pdftotext gives it, with the no-break spaces Intl puts after € made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

let service: OutputService;
beforeAll(async () => {
  service = await startOutputService();
});
afterAll(() => service?.close());

type Band = { p10: number; p50: number; p90: number };
type Reforecast = {
  yearly: { year: string; forecast: Band }[];
  netResult: { municipality: { plan: number; forecast: number } };
  actualsSummary: { paymentsMade: number };
};

describe.each([
  { language: 'nl' as const, locale: 'nl-NL', heading: 'Bijgestelde prognose' },
  { language: 'en' as const, locale: 'en-GB', heading: 'Updated forecast' },
])('the progress report as PDF in $language', ({ language, locale, heading }) => {
  it('holds the figures of POST /contracts/reforecast for the same request', async () => {
    requireChromium();
    const api = (await (await service.post('/contracts/reforecast', body)).json()) as Reforecast;
    const response = await service.post(`/contracts/reforecast/report?format=pdf&lang=${language}`, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    await mkdir('test-results/reports', { recursive: true });
    const file = `test-results/reports/progress-report-${language}.pdf`;
    await writeFile(file, pdf);
    const text = plain((await run('pdftotext', [file, '-'])).stdout);
    const euro = (value: number) => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(Math.abs(value) < 0.5 ? 0 : value));
    expect(text).toContain(heading);
    expect(text).toContain(euro(api.actualsSummary.paymentsMade));
    expect(text).toContain(euro(api.netResult.municipality.plan));
    expect(text).toContain(euro(api.netResult.municipality.forecast));
    const year = api.yearly[1];
    expect(text).toContain(`${euro(year.forecast.p10)} / ${euro(year.forecast.p50)} / ${euro(year.forecast.p90)}`);
  });
});

describe('the progress report as HTML', () => {
  it('says the counterfactual is not informed without a comparison group', async () => {
    const response = await service.post('/contracts/reforecast/report?format=html&lang=en', body);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('stays as uncertain as at signing unless a comparison group is recorded');
  });
});
