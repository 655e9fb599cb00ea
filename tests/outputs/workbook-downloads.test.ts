import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';
import { columnsOf, findRow, presetContract, readWorkbook, startOutputService, type OutputService } from './output-service.js';

/**
 * The xlsx downloads, opened with exceljs and held against the same endpoint's JSON answer:
 * every expected number below is the API's own number for the same request; the cells must hold
 * it exactly (as a number, not text) and show it with the euro, percent or count format.
 */

/** Simulations and browser runs share the machine with the rest of the suite: generous limits, no timed assertions. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** The euro display format of outputs/workbook/cell-formats.ts: whole euros, € before the sign. */
const EURO_FORMAT = '"€" #,##0;"€" -#,##0';
const MONTHLY_RATE_FORMAT = '0.00%';
const SHARE_FORMAT = '0.0%';

let service: OutputService;
beforeAll(async () => {
  service = await startOutputService();
});
afterAll(() => service.close());

const contract = presetContract('small-municipality-pilot');

function numberCell(cell: ExcelJS.Cell): number {
  expect(cell.type, `cell ${cell.address} holds a number`).toBe(ExcelJS.ValueType.Number);
  return cell.value as number;
}

describe('contract evaluation as xlsx', () => {
  let json: { summary: Record<string, number>; years: string[]; yearly: Record<string, number[]>; inputs: { path: string; base: number }[] };
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    json = await (await service.post('/contracts/evaluate', contract)).json();
    const response = await service.post('/contracts/evaluate?format=xlsx', contract);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pilot-kleine-gemeente-besparingsdeling-doorrekening.xlsx"');
    workbook = await readWorkbook(response);
  });

  it('has an about sheet, the inputs, the summary, yearly, monthly and per-trigger sheets in Dutch', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Over deze berekening',
      'Invoer',
      'Samenvatting',
      'Kasstromen per jaar',
      'Per maand',
      'Betalingen per prikkel',
    ]);
  });

  it('holds every summary figure as the number the JSON answer gives, euros in the euro format', () => {
    const sheet = workbook.getWorksheet('Samenvatting')!;
    const columns = columnsOf(sheet);
    for (const name of ['payerNetResult', 'payerOutcomePayments', 'avoidedCostsAttributable', 'providerMargin']) {
      const cell = findRow(sheet, { [columns.get('Naam')!]: name }).getCell(columns.get('Waarde')!);
      expect(numberCell(cell)).toBe(json.summary[name]);
      expect(cell.numFmt).toBe(EURO_FORMAT);
    }
    const placements = findRow(sheet, { [columns.get('Naam')!]: 'placements' }).getCell(columns.get('Waarde')!);
    expect(numberCell(placements)).toBe(json.summary.placements);
    expect(placements.numFmt).toBe('#,##0.0');
  });

  it('gives each party’s yearly flows per calendar year and their total', () => {
    const sheet = workbook.getWorksheet('Kasstromen per jaar')!;
    const columns = columnsOf(sheet);
    const row = findRow(sheet, { [columns.get('Naam')!]: 'yearlyPayerNet' });
    expect(row.getCell(columns.get('Partij')!).value).toBe('Gemeente');
    json.years.forEach((year, k) => {
      const cell = row.getCell(columns.get(year)!);
      expect(numberCell(cell)).toBe(json.yearly.yearlyPayerNet[k]);
      expect(cell.numFmt).toBe(EURO_FORMAT);
    });
    // The total is the sum of the years (what Excel's SUM over the row gives).
    const total = json.yearly.yearlyPayerNet.reduce((a, b) => a + b, 0);
    expect(numberCell(row.getCell(columns.get('Totaal')!))).toBeCloseTo(total, 6);
  });

  it('lists each input with the value used, its format by unit and its source', () => {
    const sheet = workbook.getWorksheet('Invoer')!;
    const columns = columnsOf(sheet);
    const base = columns.get('Basis (verwachte waarden)')!;
    const benefit = findRow(sheet, { [columns.get('Pad')!]: 'profiles[0].monthlyBenefit' });
    expect(numberCell(benefit.getCell(base))).toBe(json.inputs.find((i) => i.path === 'profiles[0].monthlyBenefit')!.base);
    expect(benefit.getCell(base).numFmt).toBe(EURO_FORMAT);
    expect(String(benefit.getCell(columns.get('Bron')!).value)).toContain('bijstandsnormen');
    const rate = findRow(sheet, { [columns.get('Pad')!]: 'profiles[0].programme.monthlyJobEntryRate' });
    expect(numberCell(rate.getCell(base))).toBe(json.inputs.find((i) => i.path === 'profiles[0].programme.monthlyJobEntryRate')!.base);
    expect(rate.getCell(base).numFmt).toBe(MONTHLY_RATE_FORMAT);
    const share = findRow(sheet, { [columns.get('Pad')!]: 'payment.triggers[0].share' });
    expect(numberCell(share.getCell(base))).toBe(0.45); // the preset's 45% share of savings
    expect(share.getCell(base).numFmt).toBe(SHARE_FORMAT);
  });

  it('answers the Accept header as well as ?format=, and in English with ?lang=en', async () => {
    const response = await service.post('/contracts/evaluate?lang=en', contract, {
      accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('-evaluation.xlsx');
    const english = await readWorkbook(response);
    expect(english.worksheets.map((s) => s.name)).toContain('Summary');
    const sheet = english.getWorksheet('Summary')!;
    const columns = columnsOf(sheet);
    const cell = findRow(sheet, { [columns.get('Name')!]: 'payerNetResult' }).getCell(columns.get('Value')!);
    expect(cell.value).toBe(json.summary.payerNetResult);
  });

  it('refuses a format the endpoint does not make: 400 for ?format=pdf, 406 for Accept: image/png', async () => {
    const badQuery = await service.post('/contracts/evaluate?format=pdf', contract);
    expect(badQuery.status).toBe(400);
    expect(badQuery.headers.get('content-type')).toContain('application/problem+json');
    expect((await badQuery.json()).errors[0].path).toBe('query.format');
    const notAcceptable = await service.post('/contracts/evaluate', contract, { accept: 'image/png' });
    expect(notAcceptable.status).toBe(406);
    expect(notAcceptable.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('simulation result as xlsx', () => {
  type Output = { name: string; mean: number; percentiles: Record<string, number> };
  type Series = { name: string; labels: string[]; fan: Record<string, number[]> };
  let result: { seed: number; iterations: number; outputs: Output[]; series: Series[] };
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const submitted = await service.post('/simulations', { model: { kind: 'contract', contract }, settings: { seed: 2026, iterations: 1000 } }, { prefer: 'wait=60' });
    expect(submitted.status).toBe(200);
    const job = await submitted.json();
    result = await (await fetch(`${service.baseUrl}/simulations/${job.id}/result`)).json();
    const download = await fetch(`${service.baseUrl}/simulations/${job.id}/result?format=xlsx`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="simulation-${job.id}-resultaat.xlsx"`);
    workbook = await readWorkbook(download);
  });

  it('states the seed and iterations on the about sheet', () => {
    const sheet = workbook.getWorksheet('Over deze berekening')!;
    expect(numberCell(findRow(sheet, { 1: 'Seed (startgetal toeval)' }).getCell(2))).toBe(2026);
    expect(numberCell(findRow(sheet, { 1: 'Iteraties' }).getCell(2))).toBe(result.iterations);
  });

  it('holds the mean and percentiles of each output as the JSON result gives them', () => {
    const sheet = workbook.getWorksheet('Samenvatting')!;
    const columns = columnsOf(sheet);
    const net = result.outputs.find((o) => o.name === 'payerNetResult')!;
    const row = findRow(sheet, { [columns.get('Naam')!]: 'payerNetResult' });
    const cells: [string, number][] = [
      ['Gemiddelde', net.mean],
      ['P10', net.percentiles.p10],
      ['P50', net.percentiles.p50],
      ['P90', net.percentiles.p90],
    ];
    for (const [header, value] of cells) {
      const cell = row.getCell(columns.get(header)!);
      expect(numberCell(cell)).toBe(value);
      expect(cell.numFmt).toBe(EURO_FORMAT);
    }
  });

  it('gives each party’s yearly cash flow as P10, P50 and P90 rows per year', () => {
    const sheet = workbook.getWorksheet('Kasstromen per jaar')!;
    const columns = columnsOf(sheet);
    for (const [name, party] of [
      ['yearlyPayerNet', 'Gemeente'],
      ['yearlyProviderNetCash', 'Aanbieder'],
    ]) {
      const series = result.series.find((s) => s.name === name)!;
      for (const [statistic, fan] of [
        ['P10', series.fan.p10],
        ['P50', series.fan.p50],
        ['P90', series.fan.p90],
      ] as const) {
        const row = findRow(sheet, { [columns.get('Naam')!]: name, [columns.get('Statistiek')!]: statistic });
        expect(row.getCell(columns.get('Partij')!).value).toBe(party);
        series.labels.forEach((year, k) => {
          const cell = row.getCell(columns.get(year)!);
          expect(numberCell(cell)).toBe(fan[k]);
          expect(cell.numFmt).toBe(EURO_FORMAT);
        });
      }
    }
  });
});

describe('sensitivity result as xlsx', () => {
  const request = {
    model: { kind: 'contract', contract },
    settings: {
      method: 'tornado',
      output: 'payerNetResult',
      ranges: [
        { path: 'profiles[0].monthlyBenefit', low: 1000, high: 1500 },
        { path: 'payment.triggers[0].share', low: 0.3, high: 0.6 },
      ],
      // Only these two: the preset's estimates (distributions since issue 14) would otherwise add their own bars.
      inputs: ['profiles[0].monthlyBenefit', 'payment.triggers[0].share'],
    },
  };
  type Bar = { path: string; low: number; high: number; outputAtLow: number; outputAtHigh: number; swing: number };

  it('holds each tornado bar’s range and outputs as the JSON result, outputs in euros and the share in percent', async () => {
    const json: { baseOutput: number; bars: Bar[] } = await (await service.post('/sensitivity', request)).json();
    const response = await service.post('/sensitivity?format=xlsx', request);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="pilot-kleine-gemeente-besparingsdeling-gevoeligheid-tornado.xlsx"');
    const workbook = await readWorkbook(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Over deze berekening', 'Gevoeligheid']);
    const sheet = workbook.getWorksheet('Gevoeligheid')!;
    const columns = columnsOf(sheet);
    expect(json.bars.map((b) => b.path)).toEqual(['payment.triggers[0].share', 'profiles[0].monthlyBenefit']);
    for (const bar of json.bars) {
      const row = findRow(sheet, { [columns.get('Pad')!]: bar.path });
      const inputFormat = bar.path === 'payment.triggers[0].share' ? SHARE_FORMAT : EURO_FORMAT;
      for (const [header, value, format] of [
        ['Laag', bar.low, inputFormat],
        ['Hoog', bar.high, inputFormat],
        ['Uitkomst bij laag', bar.outputAtLow, EURO_FORMAT],
        ['Uitkomst bij hoog', bar.outputAtHigh, EURO_FORMAT],
        ['Uitslag', bar.swing, EURO_FORMAT],
      ] as const) {
        const cell = row.getCell(columns.get(header)!);
        expect(numberCell(cell)).toBe(value);
        expect(cell.numFmt).toBe(format);
      }
    }
  });
});

describe('fund evaluation as xlsx', () => {
  const portfolio = PORTFOLIO_PRESETS.find((p) => p.id === 'small-municipality-fund')!.portfolio;
  type Layer = { id: string; provider: string; committed: number; paidIn: number; received: number; irr: number | null; netFlow: number[] };

  it('holds the summary, the yearly series and each capital layer as the JSON answer gives them', async () => {
    const json: { portfolio: string; years: string[]; summary: Record<string, number>; yearly: Record<string, number[]>; layers: Layer[] } = await (
      await service.post('/portfolios/evaluate', portfolio)
    ).json();
    const response = await service.post('/portfolios/evaluate?format=xlsx', portfolio);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-fonds\.xlsx"$/);
    const workbook = await readWorkbook(response);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Over deze berekening', 'Invoer', 'Samenvatting', 'Kasstromen per jaar', 'Kapitaallagen', 'Kasstromen per laag']);

    const summary = workbook.getWorksheet('Samenvatting')!;
    const s = columnsOf(summary);
    const net = findRow(summary, { [s.get('Naam')!]: 'municipalityNetPosition' }).getCell(s.get('Waarde')!);
    expect(numberCell(net)).toBe(json.summary.municipalityNetPosition);
    expect(net.numFmt).toBe(EURO_FORMAT);

    const yearly = workbook.getWorksheet('Kasstromen per jaar')!;
    const y = columnsOf(yearly);
    const row = findRow(yearly, { [y.get('Naam')!]: 'yearlyMunicipalityNet' });
    json.years.forEach((year, k) => expect(numberCell(row.getCell(y.get(year)!))).toBe(json.yearly.yearlyMunicipalityNet[k]));
    // A flow's total is the sum of its years; a level (the fund's cash at each year end) has none.
    const flowTotal = json.yearly.yearlyMunicipalityNet.reduce((a, b) => a + b, 0);
    expect(numberCell(row.getCell(y.get('Totaal')!))).toBeCloseTo(flowTotal, 6);
    const cash = findRow(yearly, { [y.get('Naam')!]: 'yearlyFundCash' });
    expect(cash.getCell(y.get('Totaal')!).value).toBeNull();

    const layers = workbook.getWorksheet('Kapitaallagen')!;
    const l = columnsOf(layers);
    expect(json.layers.length).toBeGreaterThan(0);
    for (const layer of json.layers) {
      const line = findRow(layers, { [l.get('Laag')!]: layer.provider });
      expect(numberCell(line.getCell(l.get('Toegezegd')!))).toBe(layer.committed);
      expect(numberCell(line.getCell(l.get('Ontvangen')!))).toBe(layer.received);
      expect(line.getCell(l.get('Toegezegd')!).numFmt).toBe(EURO_FORMAT);
      if (layer.irr !== null) expect(line.getCell(l.get('Rendement (IRR)')!).numFmt).toBe(SHARE_FORMAT);
    }
    const flows = workbook.getWorksheet('Kasstromen per laag')!;
    const f = columnsOf(flows);
    const first = json.layers[0];
    const netFlow = findRow(flows, { [f.get('Laag')!]: first.provider, 2: 'Netto kasstroom' });
    json.years.forEach((year, k) => expect(numberCell(netFlow.getCell(f.get(year)!))).toBe(first.netFlow[k]));
  });
});

describe('variant comparison as xlsx', () => {
  it('holds each variant’s statistics and the paired differences as the JSON result gives them', async () => {
    const submitted = await service.post(
      '/simulations/compare',
      {
        model: { kind: 'contract', contract },
        variants: [{ name: 'zestigProcent', changes: { contract: { payment: { triggers: [{ id: 'besparingsdeel', kind: 'shareOfSavings', share: 0.6, basis: 'attributable', payee: 'provider', lagMonths: 1 }] } } } }],
        settings: { seed: 8, iterations: 1000 },
      },
      { prefer: 'wait=60' },
    );
    expect(submitted.status).toBe(200);
    const job = await submitted.json();
    type Summary = { name: string; mean: number; percentiles: Record<string, number> };
    const result: { variants: { name: string; result: { outputs: Summary[] } }[]; differences: { variant: string; baseline: string; outputs: Summary[] }[] } = job.result;
    const workbook = await readWorkbook(await fetch(`${service.baseUrl}/simulations/${job.id}/result?format=xlsx`));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Over deze berekening', 'Samenvatting', 'Verschillen']);

    const summary = workbook.getWorksheet('Samenvatting')!;
    const s = columnsOf(summary);
    for (const variant of result.variants) {
      const cell = findRow(summary, { [s.get('Variant')!]: variant.name, [s.get('Naam')!]: 'payerNetResult' }).getCell(s.get('Gemiddelde')!);
      expect(numberCell(cell)).toBe(variant.result.outputs.find((o) => o.name === 'payerNetResult')!.mean);
      expect(cell.numFmt).toBe(EURO_FORMAT);
    }
    const differences = workbook.getWorksheet('Verschillen')!;
    const d = columnsOf(differences);
    const difference = result.differences[0];
    const net = difference.outputs.find((o) => o.name === 'payerNetResult')!;
    const row = findRow(differences, { [d.get('Variant')!]: `${difference.variant} − ${difference.baseline}`, [d.get('Naam')!]: 'payerNetResult' });
    expect(numberCell(row.getCell(d.get('Gemiddelde')!))).toBe(net.mean);
    expect(numberCell(row.getCell(d.get('P90')!))).toBe(net.percentiles.p90);
    // Paying 60% instead of 45% of the same savings costs the municipality in every iteration.
    expect(net.percentiles.p90).toBeLessThanOrEqual(0);
  });
});

