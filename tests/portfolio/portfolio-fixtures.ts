import { createPortfolioModel, PortfolioSchema, type PortfolioInput, type PortfolioModel } from '../../models/portfolio/index.js';
import { createRng } from '../../models/random/index.js';
import { seriesLength } from '../../models/simulation/index.js';

/**
 * Small portfolios whose results can be written out by hand. "Healthy" enterprises have no
 * volatility and a large positive cash position, so the cash model never sinks them: their only
 * failure chance is `otherFailureRate`, a number the test chooses.
 */
export type EnterpriseInput = PortfolioInput['enterprises'][number];

export const healthyBusiness = (otherFailureRate: number): EnterpriseInput['business'] => ({
  revenue: 1_000_000,
  costs: 500_000,
  ownCash: 1_000_000,
  resultVolatility: 0,
  otherFailureRate,
});

/** One archetype of `count` enterprises at year 0 with a loan, under one senior layer large enough to fund them. */
export function loanPortfolio(options: {
  count: number;
  failureRate: number;
  correlation: number;
  horizonYears: number;
  loan?: EnterpriseInput['loan'];
}): PortfolioInput {
  const loan = options.loan ?? { amount: 100_000, rate: 0, termYears: options.horizonYears, amortisation: 'bullet' as const };
  return {
    name: 'test',
    horizonYears: options.horizonYears,
    fund: {
      investmentPeriodYears: 1,
      layers: [{ id: 'senior', provider: 'bank', kind: 'senior', amount: options.count * Number(loan.amount) }],
    },
    risk: { regionalCorrelation: options.correlation },
    enterprises: [{ id: 'firm', count: options.count, business: healthyBusiness(options.failureRate), loan }],
  };
}

export function compile(input: PortfolioInput): PortfolioModel {
  const built = createPortfolioModel(PortfolioSchema.parse(input));
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

export function scalarIndexOf(model: PortfolioModel, name: string): number {
  const index = model.scalarOutputs.findIndex((output) => output.name === name);
  if (index < 0) throw new Error(`no output ${name}`);
  return index;
}

/** The expected (rng null) scalars at the base inputs, by name. */
export function expectedScalars(model: PortfolioModel): Record<string, number> {
  const params = Float64Array.from(model.inputs, (input) => input.base);
  const scalars = new Float64Array(model.scalarOutputs.length);
  model.evaluate(params, model.createWorkspace(), null, scalars, new Float64Array(seriesLength(model)));
  return Object.fromEntries(model.scalarOutputs.map((output, k) => [output.name, scalars[k]]));
}

/** `draws` evaluations with drawn failures at the base inputs; the named scalars, one array each. */
export function drawScalars(model: PortfolioModel, names: string[], draws: number, seed: number): Record<string, Float64Array> {
  const params = Float64Array.from(model.inputs, (input) => input.base);
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));
  const rng = createRng(seed);
  const indices = names.map((name) => scalarIndexOf(model, name));
  const out = names.map(() => new Float64Array(draws));
  for (let i = 0; i < draws; i++) {
    model.evaluate(params, ws, rng, scalars, series);
    indices.forEach((k, n) => (out[n][i] = scalars[k]));
  }
  return Object.fromEntries(names.map((name, n) => [name, out[n]]));
}

export interface SampleMoments {
  mean: number;
  variance: number;
  /** Fourth central moment. */
  fourth: number;
  /** Standard error of the mean: sqrt(variance / n). */
  standardError: number;
  /** Standard error of the sample variance: sqrt((m4 - s^4) / n), the large-sample formula. */
  varianceStandardError: number;
}

export function moments(values: Float64Array): SampleMoments {
  const n = values.length;
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / n;
  let second = 0;
  let fourth = 0;
  for (const x of values) {
    const d = (x - mean) * (x - mean);
    second += d;
    fourth += d * d;
  }
  const variance = second / (n - 1);
  fourth /= n;
  return {
    mean,
    variance,
    fourth,
    standardError: Math.sqrt(variance / n),
    varianceStandardError: Math.sqrt((fourth - variance * variance) / n),
  };
}

/** Exact Binomial(n, p) probabilities by the ratio recursion f(k + 1) / f(k) = (n - k) / (k + 1) * p / (1 - p). */
export function binomialProbabilities(n: number, p: number): Float64Array {
  const probabilities = new Float64Array(n + 1);
  probabilities[0] = Math.pow(1 - p, n);
  for (let k = 0; k < n; k++) probabilities[k + 1] = (probabilities[k] * (n - k) * p) / ((k + 1) * (1 - p));
  return probabilities;
}

/** Tolerance for a Monte Carlo estimate: this many standard errors (two-sided chance of a false alarm about 6e-5). */
export const STANDARD_ERRORS = 4;
