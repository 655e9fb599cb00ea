import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { presetContract, readWorkbook, findRow, columnsOf, startOutputService, type OutputService } from './output-service.js';

/**
 * The report's key figures against the run's own numbers. The report (POST /reports) evaluates
 * the contract, simulates it and runs a tornado; its figures must be the simulation's numbers as
 * POST /simulations gives them for the same contract and seed, and the deterministic evaluation
 * of POST /contracts/evaluate. The HTML prints each figure with its exact value in data-value and
 * its text formatted for the reader (Dutch: € 190.503; English: €190,503).
 */

/** Simulations and browser runs share the machine with the rest of the suite: generous limits, no timed assertions. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const SEED = 11;
const ITERATIONS = 1000;
/** A social impact bond: it has investors, and the municipality's net result is uncertain (chance of loss > 0). */
const contract = presetContract('buzinezzclub-sib');
const reportBody = (language: 'nl' | 'en', format: string) => ({
  model: { kind: 'contract', contract },
  settings: { seed: SEED, iterations: ITERATIONS },
  language,
  format,
});

type Output = { name: string; mean: number; percentiles: Record<string, number> };
type Simulation = { outputs: Output[]; series: { name: string; labels: string[]; fan: Record<string, number[]> }[]; events: { name: string; probability: number }[] };

let service: OutputService;
/** The plain simulation of the same contract with the same seed, with events for "pays off" and "investors lose". */
let simulation: Simulation;
let evaluation: { summary: Record<string, number> };
let report: { keyFigures: Record<string, unknown> & { budgetP90ByYear: { year: string; amount: number }[]; investor: Record<string, number> | null }; simulation: Simulation; reproduction: { seed: number; softwareVersion: string }; findings: { kind: string }[] };

const output = (result: Simulation, name: string) => result.outputs.find((o) => o.name === name)!;

beforeAll(async () => {
  service = await startOutputService();
  const submitted = await service.post(
    '/simulations',
    { model: { kind: 'contract', contract }, settings: { seed: SEED, iterations: ITERATIONS, events: [{ name: 'paysOff', expression: 'payerNetResult > 0' }, { name: 'investorLoses', expression: 'investorLoss > 0' }] } },
    { prefer: 'wait=60' },
  );
  expect(submitted.status).toBe(200);
  simulation = (await submitted.json()).result;
  evaluation = await (await service.post('/contracts/evaluate', contract)).json();
  const response = await service.post('/reports', reportBody('nl', 'json'));
  expect(response.status).toBe(200);
  report = await response.json();
}, 120_000);
afterAll(() => service.close());

describe('report key figures', () => {
  it('are the simulation’s numbers for the same contract and seed', () => {
    const k = report.keyFigures;
    const net = output(simulation, 'payerNetResult');
    expect(k.expectedNetResult).toBe(net.mean);
    expect(k.netResultP10).toBe(net.percentiles.p10);
    expect(k.netResultP90).toBe(net.percentiles.p90);
    expect(k.chancePaysOff).toBe(simulation.events.find((e) => e.name === 'paysOff')!.probability);
    expect(k.chancePaysOff).toBeGreaterThan(0);
    expect(k.chancePaysOff).toBeLessThan(1);
    expect(k.peakAnnualPaymentP90).toBe(output(simulation, 'peakAnnualPayment').percentiles.p90);
    const payments = simulation.series.find((s) => s.name === 'yearlyOutcomePayments')!;
    expect(k.budgetP90ByYear.map(({ year, amount }) => ({ year, amount }))).toEqual(payments.labels.map((year, i) => ({ year, amount: payments.fan.p90[i] })));
    expect(k.providerIncomeMean).toBe(output(simulation, 'providerOutcomeIncome').mean);
    expect(k.providerMarginMean).toBe(output(simulation, 'providerMargin').mean);
    expect(k.investor).toEqual({
      drawnMean: output(simulation, 'investorDrawn').mean,
      receivedMean: output(simulation, 'investorReceived').mean,
      lossMean: output(simulation, 'investorLoss').mean,
      lossChance: simulation.events.find((e) => e.name === 'investorLoses')!.probability,
    });
  });

  it('give the deterministic net result of POST /contracts/evaluate beside the simulated one', () => {
    expect(report.keyFigures.baseNetResult).toBe(evaluation.summary.payerNetResult);
  });

  it('state the seed and the software version for reproduction', async () => {
    expect(report.reproduction.seed).toBe(SEED);
    const health = await (await fetch(`${service.baseUrl}/health`)).json();
    expect(report.reproduction.softwareVersion).toBe(health.version);
  });

  it('name the chance of a loss among what could go wrong, since the net result can be negative', () => {
    expect(report.findings.map((f) => f.kind)).toContain('lossChance');
    expect(report.findings.map((f) => f.kind)).toContain('driver');
  });
});

/** `data-value` and the shown text of each key figure card, and the budget rows, read from the HTML. */
function printedFigures(html: string) {
  const cards = new Map<string, { value: number; shown: string }>();
  for (const match of html.matchAll(/data-figure="([^"]+)" data-value="([^"]*)">\s*<div class="figure-label">[^<]*<\/div>\s*<div class="figure-value">([^<]*)<\/div>/g))
    cards.set(match[1], { value: Number(match[2]), shown: decode(match[3]) });
  for (const match of html.matchAll(/<td class="number" data-figure="(budgetP90:[^"]+)" data-value="([^"]*)">([^<]*)<\/td>/g))
    cards.set(match[1], { value: Number(match[2]), shown: decode(match[3]) });
  return cards;
}
const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe.each([
  { language: 'nl' as const, locale: 'nl-NL', heading: 'Kerncijfers', label: 'Verwacht nettoresultaat voor de gemeente' },
  { language: 'en' as const, locale: 'en-GB', heading: 'Key figures', label: 'Expected net result for the municipality' },
])('the report as HTML in $language', ({ language, locale, heading, label }) => {
  let html: string;
  beforeAll(async () => {
    const response = await service.post('/reports', reportBody(language, 'html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    html = await response.text();
  }, 120_000);

  /** What a reader sees: whole euros and whole percents in the report's locale (formatted here with Intl, independently of the service). */
  const euro = (value: number) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
  const percent = (value: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

  it('prints the four key figures with the run’s exact values and formatted for the reader', () => {
    const k = report.keyFigures as Record<string, number>;
    const printed = printedFigures(html);
    expect(printed.get('expectedNetResult')).toEqual({ value: k.expectedNetResult, shown: euro(k.expectedNetResult) });
    expect(printed.get('chancePaysOff')).toEqual({ value: k.chancePaysOff, shown: percent(k.chancePaysOff) });
    expect(printed.get('peakAnnualPaymentP90')).toEqual({ value: k.peakAnnualPaymentP90, shown: euro(k.peakAnnualPaymentP90) });
    expect(printed.get('providerIncomeMean')).toEqual({ value: k.providerIncomeMean, shown: euro(k.providerIncomeMean) });
    expect(printed.get('investorReceivedMean')!.value).toBe(report.keyFigures.investor!.receivedMean);
    expect(report.keyFigures.budgetP90ByYear.length).toBeGreaterThan(1);
    for (const { year, amount } of report.keyFigures.budgetP90ByYear) expect(printed.get(`budgetP90:${year}`)).toEqual({ value: amount, shown: euro(amount) });
  });

  it(`is in ${language === 'nl' ? 'Dutch' : 'English'}, with its headings and labels`, () => {
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain(`<h2>${heading}</h2>`);
    expect(html).toContain(`<div class="figure-label">${label}</div>`);
  });

  it('stands alone: four charts as inline SVG (net result, yearly figures, cash flows, tornado), no scripts, nothing fetched from elsewhere', () => {
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).not.toMatch(/<script|<link |<img |<iframe/i);
    expect(html).not.toMatch(/\ssrc=/i);
  });

  it('lists every input of the calculation with its value and source, and the seed', () => {
    const inputRows = [...html.matchAll(/<td class="number" data-path="([^"]+)" data-value="([^"]*)">/g)];
    const evaluated = (evaluation as unknown as { inputs: { path: string; base: number }[] }).inputs;
    expect(inputRows.map((m) => m[1])).toEqual(evaluated.map((i) => i.path));
    inputRows.forEach((m, i) => expect(Number(m[2])).toBe(evaluated[i].base));
    expect(html).toContain(`<dd data-reproduction="seed">${SEED}</dd>`);
  });

  it('has charts labelled in euros, with axis titles and the P10, P90 and mean marked in text', () => {
    expect(html).toContain(language === 'nl' ? 'Nettoresultaat voor de gemeente (euro)' : 'Net result for the municipality (euro)');
    const svgText = [...html.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => decode(m[1]));
    expect(svgText).toContain('P10');
    expect(svgText).toContain('P90');
    expect(svgText.some((t) => t.includes('€'))).toBe(true);
    // The tornado names each bar's end in words, not only by colour.
    expect(svgText.some((t) => t.startsWith(language === 'nl' ? 'laag: ' : 'low: '))).toBe(true);
    expect(svgText.some((t) => t.startsWith(language === 'nl' ? 'hoog: ' : 'high: '))).toBe(true);
  });
});

describe('the report as xlsx', () => {
  it('has the inputs, yearly P10/P50/P90 per party, the summary and the tornado, with the key figure as in the report', async () => {
    const response = await service.post('/reports', reportBody('nl', 'xlsx'));
    expect(response.status).toBe(200);
    const workbook = await readWorkbook(response);
    const names = workbook.worksheets.map((s) => s.name);
    for (const sheet of ['Invoer', 'Kasstromen per jaar', 'Samenvatting', 'Gevoeligheid']) expect(names).toContain(sheet);
    const summary = workbook.getWorksheet('Samenvatting')!;
    const columns = columnsOf(summary);
    const row = findRow(summary, { [columns.get('Naam')!]: 'payerNetResult' });
    expect(row.getCell(columns.get('Gemiddelde')!).value).toBe(report.keyFigures.expectedNetResult);
    expect(row.getCell(columns.get('P90')!).value).toBe(report.keyFigures.netResultP90);
  });
});
