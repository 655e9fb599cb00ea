import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';
import { presetContract, startOutputService, type OutputService } from './output-service.js';

/**
 * The CSV downloads: one tidy table (section, variant, party, name, label, period, statistic,
 * value, unit) for every result, parsed with csv-parse and held against the same endpoint's JSON
 * answer. Values are written in full precision with a decimal point, so they parse back exactly.
 */

/** Simulations and browser runs share the machine with the rest of the suite: generous limits, no timed assertions. */
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

interface Row {
  section: string;
  variant: string;
  party: string;
  name: string;
  label: string;
  period: string;
  statistic: string;
  value: string;
  unit: string;
}

let service: OutputService;
beforeAll(async () => {
  service = await startOutputService();
});
afterAll(() => service.close());

const contract = presetContract('small-municipality-pilot');

async function readCsv(response: Response): Promise<Row[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const text = await response.text();
  expect(text.split('\r\n')[0]).toBe('section,variant,party,name,label,period,statistic,value,unit');
  return parse(text, { columns: true, skip_empty_lines: true });
}

function valueOf(rows: Row[], match: Partial<Row>): { value: number; unit: string } {
  const found = rows.filter((row) => Object.entries(match).every(([key, value]) => row[key as keyof Row] === value));
  expect(found, JSON.stringify(match)).toHaveLength(1);
  return { value: Number(found[0].value), unit: found[0].unit };
}

describe('CSV downloads', () => {
  it('writes a contract evaluation’s summary, yearly flows and inputs as the JSON answer gives them', async () => {
    const json = await (await service.post('/contracts/evaluate', contract)).json();
    const rows = await readCsv(await service.post('/contracts/evaluate?format=csv', contract));
    expect(valueOf(rows, { section: 'summary', name: 'payerNetResult' })).toEqual({ value: json.summary.payerNetResult, unit: 'EUR' });
    expect(valueOf(rows, { section: 'summary', name: 'placements' })).toEqual({ value: json.summary.placements, unit: 'count' });
    json.years.forEach((year: string, k: number) =>
      expect(valueOf(rows, { section: 'yearly', name: 'yearlyPayerNet', period: year })).toEqual({ value: json.yearly.yearlyPayerNet[k], unit: 'EUR' }),
    );
    expect(rows.find((r) => r.section === 'yearly' && r.name === 'yearlyPayerNet')!.party).toBe('payer');
    expect(valueOf(rows, { section: 'input', name: 'profiles[0].monthlyBenefit', statistic: 'base' })).toEqual({ value: 1283.83, unit: 'EUR' }); // the preset's bijstand norm
    // Labels in Dutch by default.
    expect(rows.find((r) => r.section === 'summary' && r.name === 'payerNetResult')!.label).toBe('Nettoresultaat voor de gemeente');
  });

  it('writes a simulation’s percentiles and yearly fans as the JSON result gives them, labels in English with lang=en', async () => {
    const submitted = await service.post('/simulations', { model: { kind: 'contract', contract }, settings: { seed: 7, iterations: 1000 } }, { prefer: 'wait=60' });
    const job = await submitted.json();
    const result = await (await fetch(`${service.baseUrl}/simulations/${job.id}/result`)).json();
    const rows = await readCsv(await fetch(`${service.baseUrl}/simulations/${job.id}/result?lang=en`, { headers: { accept: 'text/csv' } }));
    expect(valueOf(rows, { section: 'run', name: 'seed' }).value).toBe(7);
    const net = result.outputs.find((o: { name: string }) => o.name === 'payerNetResult');
    for (const statistic of ['p10', 'p50', 'p90'] as const)
      expect(valueOf(rows, { section: 'output', name: 'payerNetResult', statistic })).toEqual({ value: net.percentiles[statistic], unit: 'EUR' });
    expect(valueOf(rows, { section: 'output', name: 'payerNetResult', statistic: 'mean' }).value).toBe(net.mean);
    const fan = result.series.find((s: { name: string }) => s.name === 'yearlyProviderNetCash');
    fan.labels.forEach((year: string, k: number) => {
      for (const statistic of ['p10', 'p50', 'p90'] as const)
        expect(valueOf(rows, { section: 'yearly', name: 'yearlyProviderNetCash', period: year, statistic }).value).toBe(fan.fan[statistic][k]);
    });
    expect(rows.find((r) => r.section === 'output' && r.name === 'payerNetResult')!.label).toBe('Net result for the municipality');
  });

  it('writes a tornado’s bars with the input’s unit for the range and the output’s for the results', async () => {
    const request = {
      model: { kind: 'contract', contract },
      // Only the share: the preset's estimates (distributions since issue 14) would otherwise add their own bars.
      settings: {
        method: 'tornado',
        output: 'payerNetResult',
        ranges: [{ path: 'payment.triggers[0].share', low: 0.3, high: 0.6 }],
        inputs: ['payment.triggers[0].share'],
      },
    };
    const json = await (await service.post('/sensitivity', request)).json();
    const rows = await readCsv(await service.post('/sensitivity?format=csv', request));
    const bar = json.bars[0];
    const path = 'payment.triggers[0].share';
    expect(valueOf(rows, { section: 'tornado', name: path, statistic: 'low' })).toEqual({ value: 0.3, unit: 'share' });
    expect(valueOf(rows, { section: 'tornado', name: path, statistic: 'outputAtLow' })).toEqual({ value: bar.outputAtLow, unit: 'EUR' });
    expect(valueOf(rows, { section: 'tornado', name: path, statistic: 'swing' })).toEqual({ value: bar.swing, unit: 'EUR' });
    expect(valueOf(rows, { section: 'tornado', name: 'payerNetResult', statistic: 'baseOutput' })).toEqual({ value: json.baseOutput, unit: 'EUR' });
    expect(valueOf(rows, { section: 'tornado', name: 'payerNetResult', statistic: 'lowQuantile' })).toEqual({ value: 0.1, unit: 'probability' });
  });

  it('writes a fund evaluation’s summary and each capital layer’s flows as the JSON answer gives them', async () => {
    const portfolio = PORTFOLIO_PRESETS.find((p) => p.id === 'small-municipality-fund')!.portfolio;
    const json = await (await service.post('/portfolios/evaluate', portfolio)).json();
    const rows = await readCsv(await service.post('/portfolios/evaluate', portfolio, { accept: 'text/csv' }));
    expect(valueOf(rows, { section: 'summary', name: 'municipalityNetPosition' })).toEqual({ value: json.summary.municipalityNetPosition, unit: 'EUR' });
    const layer = json.layers[0];
    expect(valueOf(rows, { section: 'layer', name: layer.id, statistic: 'committed' })).toEqual({ value: layer.committed, unit: 'EUR' });
    json.years.forEach((year: string, k: number) =>
      expect(valueOf(rows, { section: 'layer', name: layer.id, statistic: 'netFlow', period: year }).value).toBe(layer.netFlow[k]),
    );
  });
});
