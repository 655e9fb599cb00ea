import { describe, expect, it } from 'vitest';
import { differingSettings } from '../../api/reports/report-simulation.js';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import { reportSimulationSettings } from '../../outputs/index.js';
import { budgetEvent, BUDGET_EVENT_NAME, yearlyCapOf } from '../../web/src/screens/results/budget-event.js';
import { jobSettings, reportSettings } from '../../web/src/screens/results/run-settings.js';
import { estimateTimeLeft } from '../../web/src/screens/results/time-left.js';

/** The Results screen's pure parts: the time-left estimate, and the two shapes of a run's settings. */

describe('time left of a running simulation', () => {
  it('is the remaining iterations at the rate since the first poll that showed progress', () => {
    // Queued until 1 s (no progress), 2,048 done at 1.5 s, 10,240 at 3.5 s: 8,192 in 2 s = 4,096 a second;
    // 1,000,000 - 10,240 = 989,760 left / 4,096 = 241.64 s (by hand).
    const estimate = estimateTimeLeft(
      [
        { atMs: 0, completed: 0 },
        { atMs: 1000, completed: 0 },
        { atMs: 1500, completed: 2048 },
        { atMs: 3500, completed: 10240 },
      ],
      1_000_000,
    );
    expect(estimate!.perSecond).toBe(4096);
    expect(estimate!.secondsLeft).toBeCloseTo(989_760 / 4096, 10);
  });

  it('is not given before two polls have shown progress', () => {
    expect(estimateTimeLeft([{ atMs: 0, completed: 0 }, { atMs: 500, completed: 1024 }], 10_000)).toBeNull();
    expect(estimateTimeLeft([], 10_000)).toBeNull();
  });
});

describe('a run’s settings', () => {
  const contract = { payment: { caps: { perYear: 150_000 } } } as never;
  const input = { contract, seed: 7, iterations: 5000, budget: 150_000 };

  it('for the job are what POST /reports runs for the report’s settings, so the report accepts the job', () => {
    // The server's own check (api/reports/report-simulation.ts) on both, parsed as the API parses them.
    const ran = SimulationSettingsSchema.parse(jobSettings(input));
    const needed = reportSimulationSettings(SimulationSettingsSchema.parse(reportSettings(input)));
    expect(differingSettings(ran, needed)).toEqual([]);
    expect(ran.events.map((e) => e.name)).toContain(BUDGET_EVENT_NAME);
  });

  it('without a budget carry no budget event', () => {
    expect(reportSettings({ ...input, budget: null }).events).toEqual([]);
  });

  it('take the budget from a plain yearly cap, not from a ranged one', () => {
    expect(yearlyCapOf(contract)).toBe(150_000);
    expect(yearlyCapOf({ payment: { caps: { perYear: { distribution: 'pert', min: 1, mode: 2, max: 3 } } } })).toBeNull();
    expect(budgetEvent(150_000).expression).toBe('peakAnnualPayment >= 149999.995');
  });
});

describe('the Results screen’s figures from a job’s result', () => {
  const percentiles = (p10: number, p50: number, p90: number) => ({ p1: null, p5: null, p10, p25: null, p50, p75: null, p90, p95: null, p99: null });
  const output = (name: string, mean: number, p10: number, p90: number) => ({ name, unit: 'EUR', description: '', count: 10, nanCount: 0, mean, sd: null, standardError: null, min: null, max: null, percentiles: percentiles(p10, mean, p90), histogram: null });
  const result = {
    iterations: 10,
    seed: 1,
    outputs: [output('payerNetResult', 100, -50, 250), output('payerNetPresentValue', 90, -55, 230), output('peakAnnualPayment', 140_000, 90_000, 150_000), output('providerMargin', 20, -5, 40)],
    series: [
      {
        name: 'yearlyOutcomePayments',
        unit: 'EUR',
        description: '',
        labels: ['2026', '2027'],
        mean: [10, 20],
        nanCount: [0, 0],
        fan: { p5: [0, 0], p10: [1, 2], p25: [0, 0], p50: [5, 15], p75: [0, 0], p90: [9, 30], p95: [0, 0] },
      },
    ],
    events: [
      { name: 'reportPayerGains', expression: '', probability: 0.7, standardError: null, undefinedCount: 0 },
      { name: 'reportProviderLoses', expression: '', probability: 0.2, standardError: null, undefinedCount: 0 },
      { name: BUDGET_EVENT_NAME, expression: '', probability: 0.4, standardError: null, undefinedCount: 0 },
    ],
  } as never;

  it('takes each key figure from its output or event, unchanged', async () => {
    const { keyFigureValues } = await import('../../web/src/screens/results/key-figure-values.js');
    const figures = Object.fromEntries(keyFigureValues(result, { budget: 150_000, investor: false }).map((f) => [f.name, f]));
    expect(figures.netResult).toMatchObject({ value: 100, p10: -50, p90: 250 });
    expect(figures.netPresentValue.value).toBe(90);
    expect(figures.chanceGains.value).toBe(0.7);
    expect(figures.chanceBudgetReached.value).toBe(0.4);
    expect(figures.peakYearP90.value).toBe(150_000);
    expect(figures.providerMargin).toMatchObject({ value: 20, p10: -5, p90: 40 });
    expect(figures.chanceProviderLoses.value).toBe(0.2);
    // No investor, no budget: no cards for them.
    expect(figures.investorMultiple).toBeUndefined();
    expect(keyFigureValues(result, { budget: null, investor: false }).map((f) => f.name)).not.toContain('chanceBudgetReached');
  });

  it('labels a calendar year the contract covers only partly with its months, as the report does', async () => {
    const { yearlyFanRows } = await import('../../web/src/screens/results/result-charts.js');
    // March 2026 + 22 months: March–December 2026 (10 months) and all of 2027 (12).
    const rows = yearlyFanRows(result, { startMonth: '2026-03', horizonMonths: 22 }, 'nl');
    expect(rows.map((r) => r.year)).toEqual(['2026 (mrt–dec, 10 mnd)', '2027']);
    expect(rows[1]).toMatchObject({ p10: 2, p50: 15, p90: 30, mean: 20 });
    expect(yearlyFanRows(result, { startMonth: '2026-03', horizonMonths: 22 }, 'en')[0].year).toBe('2026 (Mar–Dec, 10 months)');
  });
});
