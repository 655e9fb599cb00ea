import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { presetContract, requireChromium, startOutputService, type OutputService } from './output-service.js';

/**
 * The report printed to PDF by Debian's Chromium (installed by .ci/run; missing, these tests
 * fail rather than skip). The PDF is read back with pdftotext and pdfinfo (poppler-utils), and
 * saved under test-results/ for review.
 */

/** Simulations and browser runs share the machine with the rest of the suite: generous limits, no timed assertions. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const run = promisify(execFile);
const contract = presetContract('small-municipality-pilot');
const body = (language: 'nl' | 'en') => ({ model: { kind: 'contract', contract }, settings: { seed: 5, iterations: 1000 }, language });
/** Text as pdftotext gives it, with the no-break spaces Intl puts after € made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

let service: OutputService;
beforeAll(async () => {
  service = await startOutputService();
});
afterAll(() => service?.close());

describe.each([
  { language: 'nl' as const, locale: 'nl-NL', heading: 'Kerncijfers' },
  { language: 'en' as const, locale: 'en-GB', heading: 'Key figures' },
])('the report as PDF in $language', ({ language, locale, heading }) => {
  it('is a PDF of several A4 pages whose text holds the key figures of the same run', async () => {
    requireChromium();
    const figures = (await (await service.post('/reports', { ...body(language), format: 'json' })).json()).keyFigures;
    const response = await service.post(`/reports?format=pdf`, body(language));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="pilot-kleine-gemeente-besparingsdeling-(rapport|report)\.pdf"$/);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await mkdir('test-results/reports', { recursive: true });
    const file = `test-results/reports/report-${language}.pdf`;
    await writeFile(file, pdf);
    const info = (await run('pdfinfo', [file])).stdout;
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    // A4 is 595 × 842 points.
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842/);

    const text = plain((await run('pdftotext', ['-layout', file, '-'])).stdout);
    const euro = (value: number) => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value));
    expect(text).toContain(heading);
    expect(text).toContain(euro(figures.expectedNetResult));
    expect(text).toContain(euro(figures.peakAnnualPaymentP90));
    expect(text).toContain(euro(figures.providerIncomeMean));
    // Page numbers in the footer: "1 / N" (pdftotext may drop the spaces).
    expect(text).toMatch(new RegExp(`\\b1 ?/ ?${pages}\\b`));
  }, 120_000);
});

describe('when the server has no Chromium', () => {
  it('answers a PDF request with 503 problem+json and still serves the HTML', async () => {
    const withoutBrowser = await startOutputService({
      printer: {
        available: () => false,
        print: () => Promise.reject(new Error('no browser')),
      },
    });
    try {
      const pdf = await withoutBrowser.post('/reports?format=pdf', body('nl'));
      expect(pdf.status).toBe(503);
      expect(pdf.headers.get('content-type')).toContain('application/problem+json');
      expect((await pdf.json()).type).toBe('https://resultaatfinanciering.example/problems/pdf-unavailable');
      const html = await withoutBrowser.post('/reports?format=html', body('nl'));
      expect(html.status).toBe(200);
    } finally {
      await withoutBrowser.close();
    }
  }, 60_000);
});
