import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { presetContract, readWorkbook, requireChromium, startOutputService, type OutputService } from './output-service.js';

/**
 * What a council asks of a contract report (issue 14), held against the API's own answers for
 * the same contract and seed: the yearly figures against POST /simulations' yearly series, the
 * present value against its payerNetPresentValue, the provider's chance of a loss against the
 * same event in POST /simulations, the break-even values against POST /sensitivity with the
 * settings the report states, and the "no effect" case against POST /contracts/evaluate of the
 * contract with the programme's rates set to the counterfactual ones (built here, independently
 * of the service's noEffectContract). Then the same figures read back from the PDF (pdftotext)
 * in Dutch and English, formatted here with Intl.
 */

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const run = promisify(execFile);
const SEED = 7;
const ITERATIONS = 1000;
/** Starts 2026-03 and runs 48 months: 2026 and 2030 are partial years. Its main driver, the deadweight, has a distribution. */
const pilot = presetContract('small-municipality-pilot');
/** A rate card of three bands and three profiles, with counterfactual rates: several break-even rows, payment for deadweight. */
const rotterdam = presetContract('rotterdam-prestatiecontract-werk');

type Band = { mean: number; p10: number; p90: number };
type Output = { name: string; mean: number; percentiles: Record<string, number> };
type Simulation = {
  outputs: Output[];
  series: { name: string; labels: string[]; mean: number[]; fan: Record<string, number[]> }[];
  events: { name: string; probability: number }[];
};
type BreakEvenRow = { kind: string; path: string; base: number; together: string[]; settings: Record<string, unknown>; result: { found: boolean; value?: number; outputAtValue?: number } };
type Report = {
  keyFigures: {
    yearly: { year: string; label: string; months: number; payments: Band; avoidedCosts: Band; netResult: Band }[];
    presentValue: Band;
    discountRate: number;
    chancePaysOff: number;
    providerLossChance: number;
    providerMarginMean: number;
    noEffect: { outcomePayments: number; netResult: number };
    breakEven: { kind: string; path: string; base: number; found: boolean; value: number | null }[];
    uncertainInputs: number;
  };
  breakEven: BreakEvenRow[];
  sensitivity: { bars: { path: string }[] };
  evaluation: { inputs: { path: string; base: number; uncertain: boolean }[]; summary: Record<string, number> };
  providerInWords: string;
  reproduction: { sensitivityRange: number | null };
};

let service: OutputService;
let pilotReport: Report;
let pilotSimulation: Simulation;
let rotterdamReport: Report;

const reportBody = (contract: unknown, extra: Record<string, unknown> = {}) => ({
  model: { kind: 'contract', contract },
  settings: { seed: SEED, iterations: ITERATIONS },
  format: 'json',
  ...extra,
});

async function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await service.post(path, body, headers);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return response.json() as Promise<T>;
}

beforeAll(async () => {
  service = await startOutputService();
  pilotReport = await postJson<Report>('/reports', reportBody(pilot));
  const simulated = await postJson<{ result: Simulation }>(
    '/simulations',
    {
      model: { kind: 'contract', contract: pilot },
      settings: { seed: SEED, iterations: ITERATIONS, events: [{ name: 'providerLoses', expression: 'providerMargin < 0' }, { name: 'paysOff', expression: 'payerNetResult > 0' }] },
    },
    { prefer: 'wait=120' },
  );
  pilotSimulation = simulated.result;
  rotterdamReport = await postJson<Report>('/reports', reportBody(rotterdam));
});
afterAll(() => service?.close());

const series = (result: Simulation, name: string) => result.series.find((s) => s.name === name)!;
const output = (result: Simulation, name: string) => result.outputs.find((o) => o.name === name)!;

describe('the council report of a contract, against the API', () => {
  it('gives per calendar year the mean and P10–P90 of POST /simulations’ yearly payments, avoided costs and net result', () => {
    const yearly = pilotReport.keyFigures.yearly;
    const measures = [
      ['payments', 'yearlyOutcomePayments'],
      ['avoidedCosts', 'yearlyAvoidedCostsAttributable'],
      ['netResult', 'yearlyPayerNet'],
    ] as const;
    expect(yearly.map((y) => y.year)).toEqual(series(pilotSimulation, 'yearlyPayerNet').labels);
    for (const [measure, name] of measures) {
      const s = series(pilotSimulation, name);
      yearly.forEach((year, k) => expect(year[measure]).toEqual({ mean: s.mean[k], p10: s.fan.p10[k], p90: s.fan.p90[k] }));
    }
    // The years add up to the whole term: the mean is linear (up to rounding in the sums).
    const total = yearly.reduce((sum, y) => sum + y.netResult.mean, 0);
    expect(total).toBeCloseTo(output(pilotSimulation, 'payerNetResult').mean, 6);
  });

  it('labels the partial first and last year with their months (2026-03 + 48 months: 10 and 2)', () => {
    expect(pilotReport.keyFigures.yearly.map((y) => [y.label, y.months])).toEqual([
      ['2026 (mrt–dec, 10 mnd)', 10],
      ['2027', 12],
      ['2028', 12],
      ['2029', 12],
      ['2030 (jan–feb, 2 mnd)', 2],
    ]);
  });

  it('gives the present value of POST /simulations’ payerNetPresentValue, at the contract’s 2.25% real rate', () => {
    const pv = output(pilotSimulation, 'payerNetPresentValue');
    expect(pilotReport.keyFigures.presentValue).toEqual({ mean: pv.mean, p10: pv.percentiles.p10, p90: pv.percentiles.p90 });
    expect(pilotReport.keyFigures.discountRate).toBe(0.0225);
  });

  it('gives the provider’s chance of a loss as the providerMargin < 0 event of POST /simulations', () => {
    expect(pilotReport.keyFigures.providerLossChance).toBe(pilotSimulation.events.find((e) => e.name === 'providerLoses')!.probability);
    expect(pilotReport.keyFigures.providerMarginMean).toBe(output(pilotSimulation, 'providerMargin').mean);
  });

  it('shows a chance strictly between 0 and 100% for a preset whose main driver (the deadweight) is uncertain', () => {
    expect(pilotReport.evaluation.inputs.find((i) => i.path === 'counterfactual.deadweightShare')!.uncertain).toBe(true);
    expect(pilotReport.keyFigures.chancePaysOff).toBe(pilotSimulation.events.find((e) => e.name === 'paysOff')!.probability);
    expect(pilotReport.keyFigures.chancePaysOff).toBeGreaterThan(0);
    expect(pilotReport.keyFigures.chancePaysOff).toBeLessThan(1);
  });

  it('gives the break-even values POST /sensitivity gives for the same settings: each rate-card band and each profile', async () => {
    // scenarios/rotterdam-prestatiecontract-werk.ts: one sustained-12 trigger with three price bands, three profiles.
    // Each band and profile alone, then all bands and all profiles together by one factor.
    expect(rotterdamReport.breakEven.map((r) => [r.kind, r.path, r.together.length])).toEqual([
      ['price', 'payment.triggers[0].price.bands[0].price', 0],
      ['price', 'payment.triggers[0].price.bands[1].price', 0],
      ['price', 'payment.triggers[0].price.bands[2].price', 0],
      ['price', 'payment.triggers[0].price.bands[0].price', 2],
      ['jobEntryRate', 'profiles[0].programme.monthlyJobEntryRate', 0],
      ['jobEntryRate', 'profiles[1].programme.monthlyJobEntryRate', 0],
      ['jobEntryRate', 'profiles[2].programme.monthlyJobEntryRate', 0],
      ['jobEntryRate', 'profiles[0].programme.monthlyJobEntryRate', 2],
    ]);
    // The pilot: its share of the savings and its one profile.
    expect(pilotReport.breakEven.map((r) => [r.kind, r.path, r.together.length])).toEqual([
      ['price', 'payment.triggers[0].share', 0],
      ['jobEntryRate', 'profiles[0].programme.monthlyJobEntryRate', 0],
    ]);
    for (const [contract, report] of [
      [rotterdam, rotterdamReport],
      [pilot, pilotReport],
    ] as const) {
      for (const row of report.breakEven) {
        const direct = await postJson<BreakEvenRow['result']>('/sensitivity', { model: { kind: 'contract', contract }, settings: row.settings });
        expect(row.result).toEqual(direct);
        const figure = report.keyFigures.breakEven[report.breakEven.indexOf(row)];
        expect(figure.path).toBe(row.path);
        expect(figure.value).toBe(direct.found ? direct.value : null);
      }
    }
    // Rotterdam's caps (EUR 1.5 million in all) hold its payments below its avoided costs at any band price:
    // no band, alone or with the others, brings its net result to zero within 0..4x the prices.
    expect(rotterdamReport.breakEven.filter((r) => r.kind === 'price').every((r) => !r.result.found)).toBe(true);
    expect(pilotReport.breakEven[0].result.found).toBe(true);
  });

  it('finds the common factor on every profile’s job-entry rate at which POST /contracts/evaluate gives a net result of zero', async () => {
    const row = rotterdamReport.breakEven.find((r) => r.kind === 'jobEntryRate' && r.together.length > 0)!;
    expect(row.result.found).toBe(true);
    const factor = row.result.value! / row.base;
    // The deterministic evaluation uses each rate's mean (the input's base); a plain number at mean × factor is the same input moved.
    const base = (path: string) => rotterdamReport.evaluation.inputs.find((i) => i.path === path)!.base;
    const contract = structuredClone(rotterdam) as { profiles: { programme: { monthlyJobEntryRate: unknown } }[] };
    contract.profiles.forEach((profile, p) => (profile.programme.monthlyJobEntryRate = base(`profiles[${p}].programme.monthlyJobEntryRate`) * factor));
    const evaluation = await postJson<{ summary: Record<string, number> }>('/contracts/evaluate', contract);
    expect(Math.abs(evaluation.summary.payerNetResult)).toBeLessThan(0.01);
    expect(factor).toBeGreaterThan(0);
    expect(factor).toBeLessThan(1);
  });

  it('finds a break-even share at which POST /contracts/evaluate gives a net result of zero (a second method)', async () => {
    const row = pilotReport.breakEven[0];
    const contract = structuredClone(pilot) as { payment: { triggers: { share: unknown }[] } };
    contract.payment.triggers[0].share = row.result.value!;
    const evaluation = await postJson<{ summary: Record<string, number> }>('/contracts/evaluate', contract);
    // Zero within a cent, on avoided costs of about EUR 100,000.
    expect(Math.abs(evaluation.summary.payerNetResult)).toBeLessThan(0.01);
    expect(row.result.value!).toBeGreaterThan(row.base);
  });

  it('gives what the municipality pays if the programme has no effect: POST /contracts/evaluate with programme rates = counterfactual rates', async () => {
    const contract = structuredClone(rotterdam) as { profiles: { programme: unknown; counterfactual: unknown }[] };
    for (const profile of contract.profiles) profile.programme = structuredClone(profile.counterfactual);
    const evaluation = await postJson<{ summary: Record<string, number> }>('/contracts/evaluate', contract);
    expect(rotterdamReport.keyFigures.noEffect.outcomePayments).toBe(evaluation.summary.payerOutcomePayments);
    expect(rotterdamReport.keyFigures.noEffect.netResult).toBe(evaluation.summary.payerNetResult);
    // A contract paying per sustained job pays for the jobs that come anyway.
    expect(evaluation.summary.payerOutcomePayments).toBeGreaterThan(0);
    expect(evaluation.summary.placementsAttributable).toBeCloseTo(0, 9);
  });
});

describe('the council report as xlsx', () => {
  it('has the yearly figures with partial years labelled and the break-even values, as in the report', async () => {
    const response = await service.post('/reports', reportBody(pilot, { format: 'xlsx' }));
    expect(response.status).toBe(200);
    const workbook = await readWorkbook(response);
    const yearly = workbook.getWorksheet('Per kalenderjaar')!;
    const rows = pilotReport.keyFigures.yearly;
    rows.forEach((year, k) => {
      const row = yearly.getRow(k + 2);
      expect(row.getCell(1).value).toBe(year.label);
      expect(row.getCell(2).value).toBe(year.months);
      expect(row.getCell(3).value).toBe(year.payments.mean);
      expect(row.getCell(9).value).toBe(year.netResult.mean);
    });
    const breakEven = workbook.getWorksheet('Omslagpunten')!;
    expect(breakEven.getRow(2).getCell(2).value).toBe('payment.triggers[0].share');
    expect(breakEven.getRow(2).getCell(4).value).toBe(pilotReport.keyFigures.breakEven[0].value);
  });
});

describe('the tornado of the report', () => {
  it('varies only inputs with a distribution by default: the bijstandsnorm and the intake stay fixed', () => {
    const uncertain = new Set(pilotReport.evaluation.inputs.filter((i) => i.uncertain).map((i) => i.path));
    expect(pilotReport.sensitivity.bars.length).toBeGreaterThan(0);
    for (const bar of pilotReport.sensitivity.bars) expect(uncertain.has(bar.path), bar.path).toBe(true);
    expect(pilotReport.reproduction.sensitivityRange).toBeNull();
  });

  it('moves plain numbers too when the request gives a sensitivityRange', async () => {
    const report = await postJson<Report>('/reports', reportBody(pilot, { sensitivityRange: 0.25 }));
    const paths = report.sensitivity.bars.map((b) => b.path);
    // The single norm (a plain number in the preset) moves ±25%.
    expect(paths).toContain('profiles[0].monthlyBenefit');
    expect(report.reproduction.sensitivityRange).toBe(0.25);
  });
});

describe('a contract whose inputs are all fixed', () => {
  it('says plainly that the report shows no uncertainty, beside any chance it prints', async () => {
    const fixed = {
      name: 'Alles vast',
      startMonth: '2026-01',
      horizonMonths: 24,
      programmeMonths: 12,
      intake: { cohorts: [{ month: 0, count: 50 }] },
      profiles: [
        { id: 'a', share: 1, monthlyBenefit: 1_300, administrationCostPerYear: 2_883, programme: { monthlyJobEntryRate: 0.05 }, counterfactual: { monthlyJobEntryRate: 0.02 } },
      ],
      payment: { triggers: [{ id: 'start', kind: 'jobStart', price: 2_000 }] },
    };
    const json = await postJson<Report>('/reports', { ...reportBody(fixed), settings: { seed: SEED, iterations: 200 } });
    expect(json.keyFigures.uncertainInputs).toBe(0);
    expect(json.sensitivity.bars).toEqual([]);
    const html = await (await service.post('/reports', { ...reportBody(fixed), settings: { seed: SEED, iterations: 200 }, format: 'html' })).text();
    expect(html).toContain('Alle invoer is als vast getal ingevoerd: de berekening toont daarom geen onzekerheid over de aannames');
    expect(html).toContain('Er is geen gevoeligheidsgrafiek: geen enkele aanname heeft een onzekerheidsbereik.');
  });
});

/** Text as pdftotext gives it, with the no-break spaces Intl puts after € made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe.each([
  { language: 'nl' as const, locale: 'nl-NL', first: '2026 (mrt–dec, 10 mnd)', last: '2030 (jan–feb, 2 mnd)', pv: 'Contante waarde van het nettoresultaat', provider: 'De kans dat de aanbieder verlies maakt' },
  { language: 'en' as const, locale: 'en-GB', first: '2026 (Mar–Dec, 10 months)', last: '2030 (Jan–Feb, 2 months)', pv: 'Present value of the net result', provider: 'The chance that the provider makes a loss' },
])('the council report as PDF in $language', ({ language, locale, first, last, pv, provider }) => {
  let text: string;
  let html: string;
  beforeAll(async () => {
    requireChromium();
    const body = { ...reportBody(pilot), language };
    html = await (await service.post('/reports', { ...body, format: 'html' })).text();
    const response = await service.post('/reports', { ...body, format: 'pdf' });
    expect(response.status).toBe(200);
    await mkdir('test-results/reports', { recursive: true });
    const file = `test-results/reports/council-report-${language}.pdf`;
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    text = plain((await run('pdftotext', ['-layout', file, '-'])).stdout);
  });

  const euro = (value: number) => plain(new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value));
  const percent = (value: number, digits: number) => plain(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(value));

  it('prints each year’s mean payments, avoided costs and net result of the simulation, partial years labelled', () => {
    // The JSON report is in Dutch; its figures do not depend on the language.
    for (const year of pilotReport.keyFigures.yearly)
      for (const band of [year.payments, year.avoidedCosts, year.netResult]) expect(text).toContain(euro(band.mean));
    expect(text).toContain(first);
    expect(text).toContain(last);
  });

  it('prints the present value, the break-even share, the no-effect payments and the provider’s chance of a loss', () => {
    expect(text).toContain(pv);
    expect(text).toContain(euro(pilotReport.keyFigures.presentValue.mean));
    const share = pilotReport.keyFigures.breakEven.find((b) => b.kind === 'price')!;
    expect(share.found).toBe(true);
    // A share is printed with one decimal (outputs/format-numbers.ts byUnit 'share').
    expect(text).toContain(percent(share.value!, 1));
    expect(text).toContain(euro(pilotReport.keyFigures.noEffect.netResult));
    expect(text.replace(/\s+/g, ' ')).toContain(provider);
    const chance = pilotReport.keyFigures.providerLossChance;
    expect(text).toContain(chance > 0.995 && chance < 1 ? `> ${percent(0.99, 0)}` : percent(chance, 0));
  });

  it('holds no raw JSON: the full input is a download in the HTML, and the PDF says where to find it', () => {
    expect(text).not.toContain('"monthlyJobEntryRate"');
    expect(text).not.toMatch(/"[a-zA-Z]+":/);
    const link = /<a download="([^"]+)" href="data:application\/json;charset=utf-8,([^"]+)">/.exec(html)!;
    expect(link[1]).toBe(language === 'nl' ? 'pilot-kleine-gemeente-besparingsdeling-invoer.json' : 'pilot-kleine-gemeente-besparingsdeling-input.json');
    const input = JSON.parse(decodeURIComponent(link[2]));
    expect(input.model.contract.name).toBe(pilot.name);
    expect(input.settings).toMatchObject({ seed: SEED, iterations: ITERATIONS });
    expect(text.replace(/\s+/g, ' ')).toContain(language === 'nl' ? 'De volledige invoer (contract en instellingen) staat als JSON-bestand' : 'The full input (contract and settings) is a JSON file');
  });
});
