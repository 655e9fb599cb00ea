import { describe, expect, it } from 'vitest';
import { isExpressionName } from '../../models/expressions/names.js';
import { createPortfolioModel, PORTFOLIO_LIMITS, PortfolioSchema, type PortfolioInput } from '../../models/portfolio/index.js';
import { healthyBusiness, loanPortfolio } from './portfolio-fixtures.js';

const valid = (): PortfolioInput => loanPortfolio({ count: 4, failureRate: 0.05, correlation: 0.1, horizonYears: 5 });

describe('portfolio schema and compilation', () => {
  it('lists every numeric field as an input by its JSON path, with the mean of a distribution as base', () => {
    const input = valid();
    input.enterprises[0].loan = { amount: 100_000, rate: { type: 'uniform', min: 0.03, max: 0.05 }, termYears: 5 };
    const built = createPortfolioModel(PortfolioSchema.parse(input));
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const rate = built.value.inputs.find((i) => i.path === 'enterprises[0].loan.rate')!;
    expect(rate.base).toBeCloseTo(0.04, 12);
    expect(rate.distribution).not.toBeNull();
    const paths = built.value.inputs.map((i) => i.path);
    expect(paths).toContain('risk.regionalCorrelation');
    expect(paths).toContain('fund.layers[0].amount');
    expect(paths).toContain('enterprises[0].business.resultVolatility');
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('names every output so that expressions can use it, once', () => {
    const built = createPortfolioModel(PortfolioSchema.parse(valid()));
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const names = [...built.value.scalarOutputs, ...built.value.seriesOutputs].map((o) => o.name);
    names.forEach((name) => expect(isExpressionName(name), name).toBe(true));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('layerSeniorIrr');
  });

  it(`refuses more than ${PORTFOLIO_LIMITS.maxEnterprises} enterprises after expanding archetypes`, () => {
    const input = valid();
    input.fund.investmentPeriodYears = 5;
    input.enterprises = [
      { id: 'a', count: 300, intake: { perYear: 100 }, business: healthyBusiness(0) },
      { id: 'b', count: 201, intake: { perYear: 201 }, business: healthyBusiness(0) },
    ];
    const built = createPortfolioModel(PortfolioSchema.parse(input));
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.error).toMatchObject({ kind: 'limit-exceeded', requested: 501, allowed: PORTFOLIO_LIMITS.maxEnterprises });
  });

  it('refuses an intake after the investment period, a grace period as long as the term and duplicate layer ids', () => {
    const input = valid();
    input.enterprises[0].intake = { firstYear: 0, perYear: 1 };
    input.enterprises[0].loan = { amount: 1, rate: 0, termYears: 3, graceYears: 3 };
    input.fund.layers.push({ id: 'Senior', provider: 'x', kind: 'junior', amount: 1 });
    const parsed = PortfolioSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['enterprises.0.intake', 'enterprises.0.loan.graceYears', 'fund.layers.1.id']));
  });

  it('refuses a share whose distribution leaves [0, 1], naming the field', () => {
    const input = valid();
    input.impact = { deadweight: { type: 'uniform', min: 0.5, max: 1.2 } };
    const built = createPortfolioModel(PortfolioSchema.parse(input));
    expect(built.ok).toBe(false);
    if (!built.ok && built.error.kind === 'invalid-input') expect(built.error.problems[0].path).toEqual(['impact', 'deadweight']);
  });
});
