import { describe, expect, it } from 'vitest';
import {
  comparePortfoliosExpected,
  createPortfolioModel,
  evaluatePortfolioExpected,
  PortfolioComparisonSchema,
  PortfolioEvaluationSchema,
  PortfolioSchema,
} from '../../models/portfolio/index.js';
import { runSimulation, SimulationSettingsSchema } from '../../models/simulation/index.js';
import { PORTFOLIO_PRESETS, PortfolioPresetSummarySchema } from '../../scenarios/portfolios/index.js';

describe('portfolio presets', () => {
  it('have unique ids, sources and a statement of what is assumed', () => {
    expect(new Set(PORTFOLIO_PRESETS.map((p) => p.id)).size).toBe(PORTFOLIO_PRESETS.length);
    expect(PORTFOLIO_PRESETS.map((p) => p.id)).toEqual(expect.arrayContaining(['rotterdam-place-based-fund', 'small-municipality-fund']));
    for (const preset of PORTFOLIO_PRESETS) {
      expect(preset.sources.length).toBeGreaterThan(0);
      expect(preset.assumptions.length).toBeGreaterThan(40);
      PortfolioPresetSummarySchema.parse({ ...preset, kind: 'portfolio', strategies: preset.strategies.map(({ name, description }) => ({ name, description })) });
    }
  });

  describe.each(PORTFOLIO_PRESETS.map((p) => [p.id, p] as const))('%s', (_, preset) => {
    const strategies = [{ name: preset.title, portfolio: preset.portfolio }, ...preset.strategies].map((s) => ({
      name: s.name,
      portfolio: PortfolioSchema.parse(s.portfolio),
    }));

    it('compiles and evaluates every strategy to a valid result', () => {
      for (const { portfolio } of strategies) {
        const evaluated = evaluatePortfolioExpected(portfolio);
        if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.error));
        const result = PortfolioEvaluationSchema.parse(evaluated.value);
        expect(result.years).toHaveLength(portfolio.horizonYears);
        expect(result.summary.enterprisesFunded).toBeGreaterThan(0);
        expect(result.summary.fundingShortfall).toBe(0);
        expect(result.summary.workerYears).toBeGreaterThan(0);
      }
    });

    it('compares its strategies side by side', () => {
      const compared = comparePortfoliosExpected(strategies);
      if (!compared.ok) throw new Error(JSON.stringify(compared.error));
      const comparison = PortfolioComparisonSchema.parse(compared.value);
      const outcome = comparison.outputs.find((o) => o.name === 'outcomePayments')!;
      expect(outcome.values[0]).toBeGreaterThan(0);
      expect(outcome.values[1]).toBe(0);
    });

    it('runs through the Monte Carlo engine', () => {
      const model = createPortfolioModel(strategies[0].portfolio);
      if (!model.ok) throw new Error(JSON.stringify(model.error));
      const result = runSimulation(model.value, SimulationSettingsSchema.parse({ seed: 1, iterations: 1_000 }));
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      const failures = result.value.outputs.find((o) => o.name === 'failures')!;
      expect(failures.nanCount).toBe(0);
      expect(failures.mean).toBeGreaterThan(0);
    });
  });
});
