import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DistributionSchema, meanOf } from '../../models/distributions/index.js';
import { evaluatePortfolioExpected, PortfolioSchema } from '../../models/portfolio/index.js';
import type { VariantComparisonResult } from '../../models/simulation/index.js';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';
import { startService } from './http-client.js';

let service: Awaited<ReturnType<typeof startService>>;
beforeAll(async () => {
  service = await startService({ WORKER_THREADS: 2 });
});
afterAll(async () => service.close());

const rotterdam = PORTFOLIO_PRESETS.find((preset) => preset.id === 'rotterdam-place-based-fund')!;

/**
 * The portfolio with every distribution replaced by its mean: the inputs the expected evaluation
 * uses. The expected failures are the mean over drawn failures at those inputs; with uncertain
 * inputs the Monte Carlo mean also averages over them and differs by the model's curvature (with
 * the preset's estimates as distributions, issue 14, by about 0.5 failures).
 */
function atTheirMeans<T>(value: T): T {
  if (Array.isArray(value)) return value.map(atTheirMeans) as T;
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  if (typeof record.type === 'string' && ('min' in record || 'mean' in record || 'values' in record || 'low' in record || 'alpha' in record))
    return meanOf(DistributionSchema.parse(record)) as T;
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, atTheirMeans(item)])) as T;
}

describe('portfolios over HTTP', () => {
  it('evaluates a fund with the same numbers as the model does in-process', async () => {
    const direct = evaluatePortfolioExpected(PortfolioSchema.parse(rotterdam.portfolio));
    if (!direct.ok) throw new Error(JSON.stringify(direct.error));
    const { data, response } = await service.client.POST('/portfolios/evaluate', { body: rotterdam.portfolio as never });
    expect(response.status).toBe(200);
    expect(JSON.stringify(data)).toBe(JSON.stringify(direct.value));
  });

  it('compares strategies: expected side by side, and a Monte Carlo comparison whose differences are paired', async () => {
    const strategies = [{ name: 'withContract', portfolio: rotterdam.portfolio }, ...rotterdam.strategies.map((s) => ({ name: s.name, portfolio: s.portfolio }))].map(
      (s) => ({ name: s.name, portfolio: atTheirMeans(s.portfolio) }),
    );
    const { data, response } = await service.client.POST('/portfolios/compare', {
      body: { strategies: strategies as never, settings: { seed: 2026, iterations: 2_000 } },
      params: { header: { prefer: 'wait=120' } },
    });
    expect(response.status).toBe(200);
    expect(data!.expected.strategies).toEqual(strategies.map((s) => s.name));
    const comparison = data!.simulation!.result as VariantComparisonResult;
    expect(comparison.variants.map((v) => v.name)).toEqual(strategies.map((s) => s.name));
    // A paired difference's mean is the difference of the means (same iterations, same count).
    const failures = (v: number) => comparison.variants[v].result.outputs.find((o) => o.name === 'failures')!;
    const difference = comparison.differences[0].outputs.find((o) => o.name === 'failures')!;
    expect(difference.mean!).toBeCloseTo(failures(1).mean! - failures(0).mean!, 9);
    // The expected comparison lists the expected failures of each strategy: the Monte Carlo means agree within 5 standard errors.
    const expectedFailures = data!.expected.outputs.find((o) => o.name === 'failures')!.values;
    for (const v of [0, 1]) expect(Math.abs(failures(v).mean! - expectedFailures[v]!)).toBeLessThan(5 * failures(v).standardError!);
  });

  it('refuses a portfolio with a bad field, naming it', async () => {
    const broken = structuredClone(rotterdam.portfolio) as { horizonYears?: unknown };
    broken.horizonYears = 99;
    const response = await fetch(`${service.baseUrl}/portfolios/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(broken),
    });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors[0].path).toBe('horizonYears');
  });
});
