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
