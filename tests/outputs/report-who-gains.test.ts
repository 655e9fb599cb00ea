import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presetContract, readWorkbook, startOutputService, type OutputService } from './output-service.js';

/**
 * The who-gains views in the council report (issue 17, part 7): the regional preset's report as
 * JSON, HTML and xlsx, in Dutch and English. Every printed figure is held against the run it
 * comes from: the expected evaluation's whoGains table and the simulation's outputs.
 */
const SEED = 4242;
const ITERATIONS = 200;

interface Holder {
  holder: string;
  net: number;
}
interface Report {
  evaluation: {
    summary: Record<string, number | null>;
    whoGains?: {
      holders: Holder[];
      payers: { id: string; pays: number; net: number }[];
      municipalities?: { id: string; net: number }[];
      perspectives: { perspective: string; cashPresentValue: number; nonCashPresentValue: number }[];
    };
  };
  simulation: { outputs: { name: string; mean: number | null }[] };
}

let service: OutputService;
let report: Report;
let html: string;
const body = (id: string, extra: Record<string, unknown> = {}) => ({
  model: { kind: 'contract', contract: presetContract(id) },
  settings: { seed: SEED, iterations: ITERATIONS },
  ...extra,
});

beforeAll(async () => {
  service = await startOutputService();
  const json = await service.post('/reports', body('regional-contract-province', { format: 'json' }));
  expect(json.status).toBe(200);
  report = (await json.json()) as Report;
  html = await (await service.post('/reports', body('regional-contract-province', { format: 'html' }))).text();
}, 300_000);
afterAll(() => service?.close());

const dataValue = (page: string, figure: string): number => {
  const match = new RegExp(`data-figure="${figure.replace(/[:]/g, '\\:')}" data-value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no figure ${figure}`);
  return Number(match[1]);
};

describe('the council report shows who pays and who gains', () => {
  it('prints each budget\'s expected net result as the evaluation computed it', () => {
    const table = report.evaluation.whoGains!;
    expect(html).toContain('<section id="who-gains">');
    expect(html).toContain('Wie betaalt en wie wint');
    for (const holder of table.holders) expect(dataValue(html, `budgetNet:${holder.holder}`)).toBe(holder.net);
    for (const m of table.municipalities!) expect(dataValue(html, `municipalityNet:${m.id}`)).toBe(m.net);
  });

  it('prints each payer\'s chance of loss as the simulation\'s mean of payerLoses (the province: always)', () => {
    const mean = (name: string) => report.simulation.outputs.find((o) => o.name === name)!.mean;
    expect(dataValue(html, 'payerLossChance:provincie')).toBe(1);
    expect(dataValue(html, 'payerLossChance:gemeenten')).toBe(mean('payerLoses_gemeenten'));
    expect(dataValue(html, 'budgetNetMean:uwv')).toBe(mean('budgetNet_uwv'));
  });

  it('keeps non-cash values in their own column of the MKBA table, never in a cash figure', () => {
    const society = report.evaluation.whoGains!.perspectives.find((p) => p.perspective === 'society')!;
    expect(society.nonCashPresentValue).toBeGreaterThan(0);
    expect(dataValue(html, 'mkbaCash:society')).toBe(society.cashPresentValue);
    expect(dataValue(html, 'mkbaNonCash:society')).toBe(society.nonCashPresentValue);
    expect(html).toContain('Niet-geldelijke waarden (welzijn) staan apart');
  });

  it('has the same tables in the workbook', async () => {
    const workbook = await readWorkbook(await service.post('/reports', body('regional-contract-province', { format: 'xlsx' })));
    const budgets = workbook.getWorksheet('Wie wint')!;
    const table = report.evaluation.whoGains!;
    table.holders.forEach((holder, k) => expect(budgets.getRow(k + 2).getCell(5).value).toBe(holder.net));
    const payers = workbook.getWorksheet('Betalers')!;
    expect(payers.getRow(3).getCell(3).value).toBe(table.payers[1].pays);
    expect(payers.getRow(3).getCell(6).value).toBe(1);
    expect(workbook.getWorksheet('Gemeenten')!.getRow(2).getCell(5).value).toBe(table.municipalities![0].net);
    expect(workbook.getWorksheet('MKBA')).toBeDefined();
    // The model's own lines in Dutch; payments name their payer.
    const lines = workbook.getWorksheet('Wie wint per post')!;
    expect(lines.getRow(2).getCell(1).value).toBe('Bijstand bespaard (toerekenbaar)');
    const labels = lines.getColumn(1).values as unknown[];
    expect(labels).toContain('Resultaatbetalingen, betaald door Provincie');
  });

  it('speaks English when asked', async () => {
    const english = await (await service.post('/reports', body('regional-contract-province', { format: 'html', language: 'en' }))).text();
    expect(english).toContain('Who pays and who gains');
    expect(english).toContain('Chance of loss');
  });

  it('gives the Rotterdam-style preset a who-gains table', async () => {
    const rotterdam = await (await service.post('/reports', body('rotterdam-prestatiecontract-werk', { format: 'html', settings: { seed: SEED, iterations: 100 } }))).text();
    expect(rotterdam).toContain('<section id="who-gains">');
    expect(rotterdam).toContain('UWV: premies werknemersverzekeringen');
  });
});
