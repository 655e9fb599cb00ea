import { describe, expect, it } from 'vitest';
import { ContractSchema, createContractModel, evaluateContractExpected, type Contract } from '../../models/contract/index.js';
import { compileDistribution, type Distribution } from '../../models/distributions/index.js';
import { createPortfolioModel, PortfolioSchema } from '../../models/portfolio/index.js';
import { runSensitivity, TornadoSettingsSchema } from '../../models/sensitivity/index.js';
import type { CompiledModel, ModelInput } from '../../models/simulation/model.js';
import { pathTemplate } from '../../outputs/inputs/input-labels.js';
import { NORM_COUPLE_2024, NORM_SINGLE_2024 } from '../../scenarios/figures.js';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';
import { PORTFOLIO_PRESETS } from '../../scenarios/portfolios/index.js';

/**
 * Issue 14: every preset separates what is fixed (by law, by the contract, by policy, by the
 * business plan the fund underwrites) from what is estimated, and every estimate is a
 * distribution that carries its source. Before issue 14 every preset input was a plain number,
 * so each test below failed then (no distribution at all; a tornado with no bars).
 */

const DISTRIBUTION_TYPES = new Set(['fixed', 'uniform', 'triangular', 'pert', 'normal', 'truncatedNormal', 'lognormal', 'beta', 'discrete', 'interval90']);

/** Every distribution object in a preset's JSON, with its path. */
function distributionsIn(value: unknown, path = ''): { path: string; distribution: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => distributionsIn(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.type === 'string' && DISTRIBUTION_TYPES.has(record.type)) return [{ path, distribution: record }];
  return Object.entries(record).flatMap(([key, item]) => distributionsIn(item, path ? `${path}.${key}` : key));
}

const hasSpread = (input: ModelInput): boolean => {
  if (input.distribution === null || input.distribution.type === 'fixed') return false;
  const compiled = compileDistribution(input.distribution);
  return compiled.quantile(0.9) > compiled.quantile(0.1);
};

function contractModel(contract: unknown): CompiledModel & { inputs: ReadonlyArray<ModelInput> } {
  const built = createContractModel(ContractSchema.parse(contract));
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

function portfolioModel(portfolio: unknown): CompiledModel {
  const built = createPortfolioModel(PortfolioSchema.parse(portfolio));
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  return built.value;
}

/**
 * The inputs a contract preset may leave as plain numbers, by path template, each with why. A
 * job-entry rate, deadweight, fall-back band, other-exit rate, part-time or LKS share, cost or
 * administration cost is not here: a preset that fixes one fails.
 */
const CONTRACT_FIXED: Record<string, { why: string; onlyValues?: readonly number[] }> = {
  'profiles[].monthlyBenefit': { why: 'law: the bijstandsnorm', onlyValues: [NORM_SINGLE_2024, NORM_COUPLE_2024] },
  'profiles[].share': { why: 'the scenario: the mix of people the municipality refers' },
  'intake.delayMonths': { why: 'contract: the start', onlyValues: [0] },
  'payment.triggers[].price': { why: 'contract: the price' },
  'payment.triggers[].price.bands[].price': { why: 'contract: the rate card' },
  'payment.triggers[].share': { why: 'contract: the share of savings paid' },
  'payment.caps.perParticipant': { why: 'contract: a cap' },
  'payment.caps.perYear': { why: 'contract: a cap' },
  'payment.caps.total': { why: 'contract: a cap' },
  'payment.threshold.minimumImprovement': { why: 'contract: the threshold' },
  'investor.commitment': { why: 'contract: the investment' },
  'investor.financedShare': { why: 'contract: the investment' },
  'investor.returnCap': { why: 'contract: the return cap' },
  'investor.hurdleRate': { why: "the investors' own required rate" },
  'investor.firstLossGuarantee.amount': { why: 'contract: the guarantee' },
  'money.discountRate': { why: 'policy: MKBA 2.25% (Werkgroep discontovoet 2020)', onlyValues: [0.0225] },
  'funding.payers[].share': { why: 'contract: the co-funding shares' },
  // Amounts are in euros of the start year (real terms): no indexation by construction.
  'money.benefitIndexation': { why: 'policy: real terms', onlyValues: [0] },
  'money.priceIndexation': { why: 'policy: real terms', onlyValues: [0] },
  'money.costIndexation': { why: 'policy: real terms', onlyValues: [0] },
  // Instruments a scenario leaves out are zero, said so in its assumptions.
  'work.lksShare': { why: 'no LKS in this scenario', onlyValues: [0] },
  'work.lksMonthlyAmount': { why: 'no LKS in this scenario', onlyValues: [0] },
  'provider.costPerPlacement': { why: 'no such cost in this scenario', onlyValues: [0] },
  'provider.fixedCostPerMonth': { why: 'no such cost in this scenario', onlyValues: [0] },
};

/** Fund presets: the fund's terms, the business plans it underwrites (their risk is in resultVolatility and otherFailureRate) and policy. */
const PORTFOLIO_FIXED: Record<string, { why: string; onlyValues?: readonly number[] }> = {
  'fund.layers[].amount': { why: 'contract: committed capital' },
  'fund.layers[].targetReturn': { why: 'contract: required return' },
  'fund.costs.managementFeeRate': { why: 'contract: the fee' },
  'enterprises[].loan.amount': { why: 'contract: the loan' },
  'enterprises[].loan.rate': { why: 'contract: the loan' },
  'enterprises[].equity.amount': { why: 'contract: the stake' },
  'enterprises[].equity.stake': { why: 'contract: the stake' },
  'enterprises[].grant.amount': { why: 'contract: the grant' },
  'enterprises[].outcomeContract.pricePerSustainedPlacement': { why: 'contract: the price' },
  'enterprises[].outcomeContract.pricePerWorkerYear': { why: 'contract: the price' },
  'enterprises[].business.startupCosts': { why: 'business plan' },
  'enterprises[].business.ownCash': { why: 'business plan' },
  'enterprises[].business.revenue': { why: 'business plan' },
  'enterprises[].business.revenueGrowth': { why: 'business plan' },
  'enterprises[].business.costs': { why: 'business plan' },
  'enterprises[].business.costGrowth': { why: 'business plan' },
  'enterprises[].jobs.positions': { why: 'business plan' },
  'money.discountRate': { why: 'policy: MKBA 2.25%', onlyValues: [0.0225] },
  'impact.lksPerWorkerYear': { why: 'no LKS in this scenario', onlyValues: [0] },
};

/** Plain inputs outside the allowed list, or with a value the list does not allow. */
function disallowedFixed(model: CompiledModel, allowed: typeof CONTRACT_FIXED): string[] {
  return model.inputs
    .filter((input) => input.distribution === null)
    .filter((input) => {
      const rule = allowed[pathTemplate(input.path)];
      return rule === undefined || (rule.onlyValues !== undefined && !rule.onlyValues.includes(input.base));
    })
    .map((input) => `${input.path} = ${input.base}`);
}

describe.each(CONTRACT_PRESETS.map((p) => [p.id, p] as const))('contract preset %s', (_, preset) => {
  const contract: Contract = ContractSchema.parse(preset.contract);
  const model = contractModel(preset.contract);
  const input = (path: string) => model.inputs.find((i) => i.path === path)!;

  it('is uncertain where the world is: every programme job-entry rate and the counterfactual have a spread', () => {
    contract.profiles.forEach((_profile, p) => expect(hasSpread(input(`profiles[${p}].programme.monthlyJobEntryRate`)), `profile ${p}`).toBe(true));
    if (contract.counterfactual.method === 'deadweight') expect(hasSpread(input('counterfactual.deadweightShare'))).toBe(true);
    else contract.profiles.forEach((_profile, p) => expect(hasSpread(input(`profiles[${p}].counterfactual.monthlyJobEntryRate`)), `profile ${p}`).toBe(true));
  });

  it('gives every estimate a source', () => {
    const found = distributionsIn(preset.contract);
    expect(found.length).toBeGreaterThan(5);
    const withoutSource = found.filter(({ distribution }) => typeof distribution.source !== 'string' || distribution.source.trim() === '');
    expect(withoutSource.map((d) => d.path)).toEqual([]);
  });

  it('leaves only fixed kinds of input as plain numbers (law, contract, policy)', () => {
    // The counterfactual rates are estimates under the deadweight method too: they apply after the programme months and after a fall-back.
    expect(disallowedFixed(model, CONTRACT_FIXED)).toEqual([]);
  });

  it('a default tornado varies exactly the uncertain inputs: never the bijstandsnorm or a contract term', () => {
    const settings = TornadoSettingsSchema.parse({ method: 'tornado', output: 'payerNetResult' });
    const result = runSensitivity(model, settings);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    if (result.value.method !== 'tornado') throw new Error('not a tornado');
    const uncertain = model.inputs.filter((i) => i.distribution !== null && i.distribution.type !== 'fixed').map((i) => i.path);
    const plain = model.inputs.filter((i) => i.distribution === null).map((i) => i.path);
    expect(result.value.bars.map((bar) => bar.path).sort()).toEqual([...uncertain].sort());
    expect(result.value.bars.every((bar) => bar.rangeFrom === 'quantiles')).toBe(true);
    expect(result.value.skippedInputs.sort()).toEqual([...plain].sort());
    expect(plain).toContain('profiles[0].monthlyBenefit');
    // ... and it does vary the estimates (before issue 14 it had no bar at all).
    expect(result.value.bars.map((bar) => bar.path)).toContain('profiles[0].programme.monthlyJobEntryRate');
  });
});

describe.each(PORTFOLIO_PRESETS.map((p) => [p.id, p] as const))('fund preset %s', (_, preset) => {
  it('gives every estimate a source, in the portfolio and in every strategy', () => {
    for (const portfolio of [preset.portfolio, ...preset.strategies.map((s) => s.portfolio)]) {
      const found = distributionsIn(portfolio);
      expect(found.length).toBeGreaterThan(5);
      expect(found.filter(({ distribution }) => typeof distribution.source !== 'string' || distribution.source.trim() === '').map((d) => d.path)).toEqual([]);
    }
  });

  it('leaves only fixed kinds of input as plain numbers (fund terms, business plans, policy), and deadweight is uncertain', () => {
    const model = portfolioModel(preset.portfolio);
    expect(disallowedFixed(model, PORTFOLIO_FIXED)).toEqual([]);
    expect(hasSpread(model.inputs.find((i) => i.path === 'impact.deadweight')!)).toBe(true);
  });

  it('states the number of enterprises its data holds', () => {
    // The summary names "<total> sociale ondernemingen (<count> <kind>, ...)"; the data's counts are summed here.
    const match = /(\d+) sociale ondernemingen \(([^)]*)\)/.exec(preset.summary);
    expect(match, preset.summary).not.toBeNull();
    const counts = preset.portfolio.enterprises.map((e) => e.count ?? 1);
    expect(Number(match![1])).toBe(counts.reduce((a, b) => a + b, 0));
    expect(match![2].split(', ').map((part) => Number(part.split(' ')[0]))).toEqual(counts);
  });
});

describe('the Rotterdam-style fund preset', () => {
  it('says 23 enterprises, as its three archetypes hold 10 + 8 + 5 (the text said 18)', () => {
    const preset = PORTFOLIO_PRESETS.find((p) => p.id === 'rotterdam-place-based-fund')!;
    expect(preset.summary).toContain('23 sociale ondernemingen (10 horeca, 8 schoonmaak, 5 circulair)');
  });
});

describe('distribution sources', () => {
  const pert = (source?: string): Distribution => ({ type: 'pert', min: 0.01, mode: 0.02, max: 0.04, lambda: 4, ...(source === undefined ? {} : { source }) });

  it('survive parsing, so a contract keeps its citations through export, import and saving', () => {
    const preset = CONTRACT_PRESETS.find((p) => p.id === 'small-municipality-pilot')!;
    const parsed = ContractSchema.parse(JSON.parse(JSON.stringify(preset.contract)));
    const given = distributionsIn(preset.contract).map((d) => d.distribution.source);
    expect(given.length).toBeGreaterThan(5);
    expect(distributionsIn(parsed).map((d) => d.distribution.source)).toEqual(given);
    // A caller's own estimate keeps its source too (zod used to strip the unknown key).
    const own = structuredClone(preset.contract);
    own.profiles[0].programme.monthlyJobEntryRate = pert('eigen meting 2025');
    const reparsed = ContractSchema.parse(own).profiles[0].programme.monthlyJobEntryRate;
    expect(typeof reparsed === 'object' ? reparsed.source : undefined).toBe('eigen meting 2025');
  });

  it('change no number: the compiled inputs and the expected result are identical with and without them', () => {
    const preset = CONTRACT_PRESETS.find((p) => p.id === 'rotterdam-prestatiecontract-werk')!;
    const stripped = JSON.parse(JSON.stringify(preset.contract, (key, value) => (key === 'source' ? undefined : value)));
    expect(distributionsIn(stripped).every((d) => d.distribution.source === undefined)).toBe(true);
    const withSources = evaluateContractExpected(ContractSchema.parse(preset.contract));
    const without = evaluateContractExpected(ContractSchema.parse(stripped));
    if (!withSources.ok || !without.ok) throw new Error('evaluation failed');
    expect(without.value.summary).toEqual(withSources.value.summary);
    expect(contractModel(stripped).inputs.map((i) => i.base)).toEqual(contractModel(preset.contract).inputs.map((i) => i.base));
  });

  it('are refused above 1,000 characters, naming the field', () => {
    const contract = structuredClone(CONTRACT_PRESETS.find((p) => p.id === 'small-municipality-pilot')!.contract);
    contract.profiles[0].programme.monthlyJobEntryRate = pert('x'.repeat(1_001));
    const parsed = ContractSchema.safeParse(contract);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toContain('profiles.0.programme.monthlyJobEntryRate.source');
    contract.profiles[0].programme.monthlyJobEntryRate = pert('x'.repeat(1_000));
    expect(ContractSchema.safeParse(contract).success).toBe(true);
  });
});
