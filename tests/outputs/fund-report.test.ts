import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';
import { columnsOf, findRow, readWorkbook, requireChromium, startOutputService, type OutputService } from './output-service.js';

/**
 * The fund report (POST /reports with model.kind portfolio) against POST /portfolios/compare for
 * the same strategies and seed: the report runs the same comparison on common random numbers, so
 * every figure it prints must be the comparison's own number. Expected values come from the
 * compare answer; the printed texts are formatted here with Intl (not with the service's
 * formatter), read back from the Chromium PDF with pdftotext, in Dutch and English.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const run = promisify(execFile);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const SEED = 17;
const ITERATIONS = 400;
/** The Rotterdam preset: four kinds of layer, three strategies (with and without outcome payments, grants instead of loans). */
const preset = PORTFOLIO_PRESETS.find((p) => p.id === 'rotterdam-place-based-fund')!;
const strategies = [{ name: preset.portfolio.name, portfolio: preset.portfolio }, ...preset.strategies.map((s) => ({ name: s.name, portfolio: s.portfolio }))];
const reportBody = (language: 'nl' | 'en', format: string) => ({
  model: { kind: 'portfolio', portfolio: preset.portfolio, strategies: preset.strategies },
  settings: { seed: SEED, iterations: ITERATIONS },
  language,
  format,
});
const LAYERS = ['schenking', 'eersteVerlies', 'junior', 'gemeente'];
const prefix = (id: string) => `layer${id[0].toUpperCase()}${id.slice(1)}`;

type Output = { name: string; mean: number | null; count: number; nanCount: number; percentiles: Record<string, number | null> };
type Comparison = { variants: { name: string; result: { outputs: Output[]; seed: number; iterations: number } }[] };

let service: OutputService;
let comparison: Comparison;
let expected: { strategies: string[]; outputs: { name: string; values: (number | null)[] }[] };
const outputOf = (s: number, name: string) => comparison.variants[s].result.outputs.find((o) => o.name === name)!;

beforeAll(async () => {
  service = await startOutputService();
  const response = await service.post('/portfolios/compare', { strategies, settings: { seed: SEED, iterations: ITERATIONS } }, { prefer: 'wait=120' });
  expect(response.status).toBe(200);
  const answer = await response.json();
  comparison = answer.simulation.result;
  expected = answer.expected;
});
afterAll(() => service?.close());

describe('fund report as data', () => {
  it('holds POST /portfolios/compare’s numbers for the same strategies and seed', async () => {
    const response = await service.post('/reports', reportBody('nl', 'json'));
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.strategies.map((s: { name: string }) => s.name)).toEqual(comparison.variants.map((v) => v.name));
    expect(report.reproduction.seed).toBe(SEED);
    report.strategies.forEach((strategy: { figures: Record<string, { mean: number; p10: number; p90: number }>; layers: { id: string; name: string; lossChance: number; multiple: { mean: number }; irr: { p50: number | null } }[] }, s: number) => {
      for (const name of ['capitalRecycled', 'sustainedPlacements', 'workerYears', 'avoidedCostsAttributable', 'avoidedCostsPerEuroInvested', 'outcomePayments', 'fundIrr']) {
        expect(strategy.figures[name].mean, `${s} ${name}`).toBe(outputOf(s, name).mean);
        expect(strategy.figures[name].p10, `${s} ${name}`).toBe(outputOf(s, name).percentiles.p10);
        expect(strategy.figures[name].p90, `${s} ${name}`).toBe(outputOf(s, name).percentiles.p90);
      }
      expect(strategy.layers.map((l) => l.id)).toEqual(LAYERS);
      for (const layer of strategy.layers) {
        expect(layer.lossChance).toBe(outputOf(s, `${prefix(layer.id)}LossOccurred`).mean);
        expect(layer.multiple.mean).toBe(outputOf(s, `${prefix(layer.id)}Multiple`).mean);
        expect(layer.irr.p50).toBe(outputOf(s, `${prefix(layer.id)}Irr`).percentiles.p50);
      }
    });
    // Layers are named by their providers, never by the model's ids.
    expect(report.layers.map((l: { name: string }) => l.name)).toEqual([
      'Zes vermogensfondsen (schenking)',
      'Zes vermogensfondsen (achtergesteld)',
      'Zes vermogensfondsen',
      'Gemeente Rotterdam',
    ]);
    // The preset's senior layer is almost never hit, the grant always "loses" (it is never repaid): a chance strictly between.
    const junior = report.strategies[0].layers.find((l: { id: string }) => l.id === 'junior');
    expect(junior.lossChance).toBeGreaterThan(0);
    expect(junior.lossChance).toBeLessThan(1);
  });
});

describe.each([
  { language: 'nl' as const, locale: 'nl-NL', lossRow: 'Kans op verlies', notAvailable: 'n.v.t.', priceBasis: "euro's van 2026 (reëel" },
  { language: 'en' as const, locale: 'en-GB', lossRow: 'Chance of loss', notAvailable: 'n/a', priceBasis: 'euros of 2026 (real' },
])('the fund report as PDF in $language', ({ language, locale, lossRow, notAvailable, priceBasis }) => {
  const percent = (value: number, digits: number) => plain(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value));
  /** Whole percents, with "< 1%" and "> 99%" for a chance that is neither zero nor certain (as the report promises). */
  const chance = (value: number) => (value > 0 && value < 0.005 ? `< ${percent(0.01, 0)}` : value < 1 && value > 0.995 ? `> ${percent(0.99, 0)}` : percent(value, 0));
  const euro = (value: number) => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value));
  const count = (value: number) => plain(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value));
  const number = (value: number) => plain(new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value));

  it('prints, per strategy in columns, the chance of loss per layer, the multiples, IRRs, jobs and avoided costs of the comparison', async () => {
    requireChromium();
    const response = await service.post('/reports?format=pdf', reportBody(language, 'json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    mkdirSync('test-results', { recursive: true });
    const file = `test-results/fund-report-${language}.pdf`;
    writeFileSync(file, pdf);
    const text = plain((await run('pdftotext', ['-layout', file, '-'])).stdout);
    const strategyCount = comparison.variants.length;

    // One "chance of loss" line per layer, in the layers' order, one value per strategy.
    const lossLines = text
      .split('\n')
      .filter((line) => line.trim().startsWith(lossRow))
      .map((line) => line.trim().slice(lossRow.length).trim())
      // The chart's title starts with the same words but holds no figure.
      .filter((rest) => rest.includes('%'))
      .map((rest) => rest.split(/\s{2,}/));
    expect(lossLines).toEqual(LAYERS.map((id) => comparison.variants.map((_, s) => chance(outputOf(s, `${prefix(id)}LossOccurred`).mean!))));

    // pdftotext may drop the space after the euro sign in a right-aligned cell ("€0").
    const row = (values: string[]) => expect(text, values.join(' | ')).toMatch(new RegExp(values.map((v) => escape(v).replace(/ /g, ' ?')).join('\\s+')));
    const perStrategy = (render: (s: number) => string) => Array.from({ length: strategyCount }, (_, s) => render(s));
    row(perStrategy((s) => count(outputOf(s, 'sustainedPlacements').mean!)));
    row(perStrategy((s) => count(outputOf(s, 'workerYears').mean!)));
    row(perStrategy((s) => euro(outputOf(s, 'avoidedCostsAttributable').mean!)));
    row(perStrategy((s) => number(outputOf(s, 'avoidedCostsPerEuroInvested').mean!)));
    row(perStrategy((s) => euro(outputOf(s, 'capitalRecycled').mean!)));
    row(perStrategy((s) => euro(outputOf(s, 'outcomePayments').mean!)));
    row(perStrategy((s) => percent(outputOf(s, 'fundIrr').mean!, 1)));
    for (const id of LAYERS) {
      row(perStrategy((s) => number(outputOf(s, `${prefix(id)}Multiple`).mean!)));
      // The IRR row: the median where most runs have one, otherwise "n.v.t." with the reason below the table.
      row(
        perStrategy((s) => {
          const irr = outputOf(s, `${prefix(id)}Irr`);
          return irr.count === 0 || irr.nanCount > irr.count ? `${notAvailable} *` : percent(irr.percentiles.p50!, 1);
        }),
      );
    }
    expect(text).toContain(priceBasis);
    expect(text).toContain(String(SEED));
    // No raw JSON, no model ids where a layer is named.
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toContain('eersteVerlies');
  });
});

describe('fund workbooks', () => {
  const PERCENT = '0.0%';
  function numberCell(cell: ExcelJS.Cell): number {
    expect(cell.type, `cell ${cell.address} holds a number`).toBe(ExcelJS.ValueType.Number);
    return cell.value as number;
  }

  it.each([
    { what: 'the fund report', request: () => service.post('/reports', reportBody('nl', 'xlsx')) },
    { what: 'POST /portfolios/compare', request: () => service.post('/portfolios/compare?format=xlsx', { strategies, settings: { seed: SEED, iterations: ITERATIONS } }, { prefer: 'wait=120' }) },
    {
      what: 'the comparison job’s download',
      request: async () => {
        const job = (await (await service.post('/portfolios/compare', { strategies, settings: { seed: SEED, iterations: ITERATIONS } }, { prefer: 'wait=120' })).json()).simulation;
        return fetch(`${service.baseUrl}/simulations/${job.id}/result?format=xlsx`);
      },
    },
  ])('$what puts strategies in columns, names layers by provider, and keeps chances as fractions in percent cells', async ({ request }) => {
    const response = await request();
    expect(response.status).toBe(200);
    const workbook = await readWorkbook(response);

    const side = workbook.getWorksheet('Strategieën naast elkaar')!;
    // Columns E, F, G (5..7 after label, name, statistic, unit) are the strategies, in order.
    expect([1, 2, 3, 4].map((c) => side.getRow(1).getCell(c).value)).toEqual(['Omschrijving', 'Naam', 'Statistiek', 'Eenheid']);
    comparison.variants.forEach((variant, s) => expect(side.getRow(1).getCell(5 + s).value).toBe(variant.name));
    const sideColumns = columnsOf(side);
    for (const id of LAYERS) {
      const line = findRow(side, { [sideColumns.get('Naam')!]: `${prefix(id)}LossOccurred`, [sideColumns.get('Statistiek')!]: 'Kans op verlies' });
      comparison.variants.forEach((_, s) => {
        const cell = line.getCell(5 + s);
        expect(numberCell(cell)).toBe(outputOf(s, `${prefix(id)}LossOccurred`).mean);
        expect(cell.numFmt).toBe(PERCENT);
      });
      expect(String(line.getCell(1).value)).not.toContain(`'${id}'`);
    }
    const placements = findRow(side, { [sideColumns.get('Naam')!]: 'sustainedPlacements', [sideColumns.get('Statistiek')!]: 'P90' });
    comparison.variants.forEach((_, s) => expect(numberCell(placements.getCell(5 + s))).toBe(outputOf(s, 'sustainedPlacements').percentiles.p90));

    const layers = workbook.getWorksheet('Lagen naast elkaar')!;
    comparison.variants.forEach((variant, s) => expect(layers.getRow(1).getCell(4 + s).value).toBe(variant.name));
    const names = new Set<string>();
    layers.eachRow((row, r) => {
      if (r > 1) names.add(String(row.getCell(1).value));
    });
    expect([...names]).toEqual(['Zes vermogensfondsen (schenking)', 'Zes vermogensfondsen (achtergesteld)', 'Zes vermogensfondsen', 'Gemeente Rotterdam']);
    const gemeente = findRow(layers, { 1: 'Gemeente Rotterdam', 3: 'layerGemeenteLossOccurred' });
    comparison.variants.forEach((_, s) => {
      expect(numberCell(gemeente.getCell(4 + s))).toBe(outputOf(s, 'layerGemeenteLossOccurred').mean);
      expect(gemeente.getCell(4 + s).numFmt).toBe(PERCENT);
    });
  });

  it('gives, beside the Monte Carlo figures, POST /portfolios/compare’s expected values one strategy per column', async () => {
    const workbook = await readWorkbook(await service.post('/reports', reportBody('en', 'xlsx')));
    const sheet = workbook.getWorksheet('Expected, side by side')!;
    expected.strategies.forEach((name, s) => expect(sheet.getRow(1).getCell(4 + s).value).toBe(name));
    const c = columnsOf(sheet);
    for (const output of expected.outputs) {
      const row = findRow(sheet, { [c.get('Name')!]: output.name });
      output.values.forEach((value, s) => {
        if (value === null) expect(row.getCell(4 + s).value).toBeNull();
        else expect(numberCell(row.getCell(4 + s))).toBe(value);
      });
    }
    expect(findRow(sheet, { [c.get('Name')!]: 'layerJuniorLossOccurred' }).getCell(4).numFmt).toBe(PERCENT);
  });

  it('names the layers of a fund evaluation workbook by provider, not by id', async () => {
    const workbook = await readWorkbook(await service.post('/portfolios/evaluate?format=xlsx', preset.portfolio));
    const layers = workbook.getWorksheet('Kapitaallagen')!;
    const l = columnsOf(layers);
    const shown: string[] = [];
    layers.eachRow((row, r) => {
      if (r > 1) shown.push(String(row.getCell(l.get('Laag')!).value));
    });
    expect(shown).toEqual(['Zes vermogensfondsen (schenking)', 'Zes vermogensfondsen (achtergesteld)', 'Zes vermogensfondsen', 'Gemeente Rotterdam']);
    // A share (failures / funded) is a percentage on screen and the fraction in the cell.
    const json = await (await service.post('/portfolios/evaluate', preset.portfolio)).json();
    const summary = workbook.getWorksheet('Samenvatting')!;
    const s = columnsOf(summary);
    const failureShare = findRow(summary, { [s.get('Naam')!]: 'failureShare' }).getCell(s.get('Waarde')!);
    expect(numberCell(failureShare)).toBe(json.summary.failureShare);
    expect(failureShare.numFmt).toBe(PERCENT);
  });
});

describe('a fund report without alternative strategies', () => {
  it('is the fund’s own simulation: the numbers of POST /simulations for the same portfolio and seed', async () => {
    const small = PORTFOLIO_PRESETS.find((p) => p.id === 'small-municipality-fund')!.portfolio;
    const settings = { seed: 3, iterations: 200 };
    const simulated = await service.post('/simulations', { model: { kind: 'portfolio', portfolio: small }, settings }, { prefer: 'wait=60' });
    expect(simulated.status).toBe(200);
    const outputs: Output[] = (await simulated.json()).result.outputs;
    const response = await service.post('/reports', { model: { kind: 'portfolio', portfolio: small }, settings, format: 'json' });
    expect(response.status).toBe(200);
    const report = await response.json();
    expect(report.strategies).toHaveLength(1);
    const find = (name: string) => outputs.find((o) => o.name === name)!;
    expect(report.strategies[0].figures.sustainedPlacements.mean).toBe(find('sustainedPlacements').mean);
    expect(report.strategies[0].figures.avoidedCostsAttributable.p90).toBe(find('avoidedCostsAttributable').percentiles.p90);
    for (const layer of report.strategies[0].layers) expect(layer.lossChance).toBe(find(`${prefix(layer.id)}LossOccurred`).mean);
    // The CSV keeps machine-readable numbers and names layers by provider in its labels.
    const csv = await (await service.post('/reports', { model: { kind: 'portfolio', portfolio: small }, settings, format: 'csv' })).text();
    expect(csv).toContain('layerLokaleBankLossOccurred');
    expect(csv).toContain("'Lokale bank'");
    expect(csv).not.toContain("'lokaleBank'");
  });
});

describe('bad fund report requests', () => {
  it('answers 400 naming the field path inside the portfolio', async () => {
    const portfolio = structuredClone(preset.portfolio) as { fund: { layers: { kind: string }[] } };
    portfolio.fund.layers[1].kind = 'mezzanine';
    const response = await service.post('/reports', { model: { kind: 'portfolio', portfolio }, settings: { seed: 1, iterations: 100 } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('model.portfolio.fund.layers[1].kind');
  });

  it('answers 400 naming a strategy that repeats the portfolio’s name', async () => {
    const response = await service.post('/reports', {
      model: { kind: 'portfolio', portfolio: preset.portfolio, strategies: [{ name: preset.portfolio.name, portfolio: preset.strategies[0].portfolio }] },
      settings: { seed: 1, iterations: 100 },
    });
    expect(response.status).toBe(400);
    const problem = await response.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain('model.strategies[0].name');
  });
});
