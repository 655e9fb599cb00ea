import type { DomainError, FieldPath } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import type { ModelInput } from '../simulation/model.js';
import { hashIdentifier } from './counter-uniforms.js';
import { InputSlots } from '../simulation/input-slots.js';
import { PORTFOLIO_LIMITS } from './limits.js';
import type { Amortisation } from './loan-schedule.js';
import type { LayerKind, Portfolio } from './portfolio-schema.js';

/**
 * Turns a validated portfolio into a plan the kernel runs without looking at JSON again: every
 * numeric field becomes a slot in one parameter vector (named by its path), archetypes become
 * intake counts per year, and the enterprises are listed one by one for the drawn runs.
 */

/** Seniority in distributions: lower is paid first. */
export const LAYER_RANK: Readonly<Record<LayerKind, number>> = { senior: 0, junior: 1, firstLoss: 2, grant: 3 };

/** Years of one enterprise's counter space: counters are ordinal * YEAR_COUNTERS + fund year. */
export const YEAR_COUNTERS = 64;

export interface LayerPlan {
  id: string;
  provider: string;
  kind: LayerKind;
  rank: number;
  amount: number;
  targetReturn: number;
  fromMunicipality: boolean;
  /** Grants are not repaid: they take part only as the residual layer. */
  repayable: boolean;
}

export interface ArchetypePlan {
  id: string;
  label: string;
  count: number;
  /** Enterprises taken in per fund year. */
  intakeByYear: Int32Array;
  /** Years the fund holds a loan, stake or grant in each enterprise (for its per-enterprise costs). */
  heldYears: number;
  business: {
    startupCosts: number;
    ownCash: number;
    revenue: number;
    revenueGrowth: number;
    costs: number;
    costGrowth: number;
    resultVolatility: number;
    otherFailureRate: number;
  };
  jobs: { positions: number; rampUpYears: number; yearlyLeaveRate: number; sustainedAfterMonths: number; extraCostPerWorkerYear: number };
  loan: null | { amount: number; rate: number; termYears: number; graceYears: number; amortisation: Amortisation; recoveryRate: number };
  equity: null | { amount: number; stake: number; exitAfterYears: number; exitMultiple: number };
  grant: null | { amount: number };
  outcome: null | { pricePerSustainedPlacement: number; pricePerWorkerYear: number; paidByFund: boolean };
}

export interface PortfolioPlan {
  name: string;
  startYear: number;
  horizon: number;
  yearLabels: string[];
  investmentPeriod: number;
  revolving: boolean;
  layers: LayerPlan[];
  /** Repayable layers, most senior first (input order within a rank). */
  payOrder: Int32Array;
  /** For position k of payOrder: the exclusive end of its rank group (layers of one rank share pro rata). */
  groupEnd: Int32Array;
  residualLayer: number;
  costs: { fixedPerYear: number; perEnterpriseYear: number; managementFeeRate: number };
  regionalCorrelation: number;
  impact: { avoidedBenefitPerWorkerYear: number; administrationCostPerWorkerYear: number; deadweight: number; lksPerWorkerYear: number };
  municipalityName: string;
  municipalityOwnCostsPerYear: number;
  discountRate: number;
  archetypes: ArchetypePlan[];
  /** Per enterprise (archetypes expanded in order, then by intake): its archetype, intake year, draw stream and counter base. */
  enterpriseArchetype: Int32Array;
  enterpriseIntakeYear: Int32Array;
  enterpriseStream: Uint32Array;
  enterpriseCounterBase: Int32Array;
  /** Draw stream of the regional factor. */
  factorStream: number;
  /** Enterprises the fund holds an instrument in, per fund year, as planned (for per-enterprise costs). */
  enterprisesHeld: Float64Array;
}

export interface CompiledPortfolio {
  plan: PortfolioPlan;
  inputs: ModelInput[];
}

const FACTOR_STREAM_NAME = '\u0000regional-factor';

export function compilePortfolio(portfolio: Portfolio): Result<CompiledPortfolio, DomainError> {
  const totalEnterprises = portfolio.enterprises.reduce((sum, e) => sum + e.count, 0);
  if (totalEnterprises > PORTFOLIO_LIMITS.maxEnterprises)
    return fail({
      kind: 'limit-exceeded',
      problems: [{ path: ['enterprises'], message: `the archetypes add up to ${totalEnterprises} enterprises; at most ${PORTFOLIO_LIMITS.maxEnterprises} are allowed` }],
      limit: 'maxEnterprises',
      requested: totalEnterprises,
      allowed: PORTFOLIO_LIMITS.maxEnterprises,
    });

  const slots = new InputSlots();
  const H = portfolio.horizonYears;
  const fund = portfolio.fund;

  const layers: LayerPlan[] = fund.layers.map((layer, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['fund', 'layers', i, ...rest];
    return {
      id: layer.id,
      provider: layer.provider,
      kind: layer.kind,
      rank: LAYER_RANK[layer.kind],
      amount: slots.add(layer.amount, at('amount'), 'nonNegative'),
      targetReturn: slots.add(layer.targetReturn, at('targetReturn'), 'nonNegative'),
      fromMunicipality: layer.fromMunicipality,
      repayable: layer.kind !== 'grant',
    };
  });
  const repayable = layers.map((_, i) => i).filter((i) => layers[i].repayable);
  repayable.sort((a, b) => layers[a].rank - layers[b].rank || a - b);
  const payOrder = Int32Array.from(repayable);
  const groupEnd = new Int32Array(payOrder.length);
  for (let k = payOrder.length - 1; k >= 0; k--)
    groupEnd[k] = k + 1 < payOrder.length && layers[payOrder[k + 1]].rank === layers[payOrder[k]].rank ? groupEnd[k + 1] : k + 1;
  const residualLayer = fund.residualTo !== undefined ? layers.findIndex((l) => l.id === fund.residualTo) : mostJunior(layers);

  const costs = {
    fixedPerYear: slots.add(fund.costs.fixedPerYear, ['fund', 'costs', 'fixedPerYear'], 'nonNegative'),
    perEnterpriseYear: slots.add(fund.costs.perEnterpriseYear, ['fund', 'costs', 'perEnterpriseYear'], 'nonNegative'),
    managementFeeRate: slots.add(fund.costs.managementFeeRate, ['fund', 'costs', 'managementFeeRate'], 'probability'),
  };
  const regionalCorrelation = slots.add(portfolio.risk.regionalCorrelation, ['risk', 'regionalCorrelation'], 'probability');
  const impact = {
    avoidedBenefitPerWorkerYear: slots.add(portfolio.impact.avoidedBenefitPerWorkerYear, ['impact', 'avoidedBenefitPerWorkerYear'], 'nonNegative'),
    administrationCostPerWorkerYear: slots.add(
      portfolio.impact.administrationCostPerWorkerYear,
      ['impact', 'administrationCostPerWorkerYear'],
      'nonNegative',
    ),
    deadweight: slots.add(portfolio.impact.deadweight, ['impact', 'deadweight'], 'probability'),
    lksPerWorkerYear: slots.add(portfolio.impact.lksPerWorkerYear, ['impact', 'lksPerWorkerYear'], 'nonNegative'),
  };
  const municipalityOwnCostsPerYear = slots.add(portfolio.municipality.ownCostsPerYear, ['municipality', 'ownCostsPerYear'], 'nonNegative');
  const discountRate = slots.add(portfolio.money.discountRate, ['money', 'discountRate'], 'any');

  const archetypes: ArchetypePlan[] = portfolio.enterprises.map((e, i) => {
    const at = (...rest: (string | number)[]): FieldPath => ['enterprises', i, ...rest];
    const b = e.business;
    const intakeByYear = new Int32Array(H);
    const perYear = e.intake.perYear ?? e.count;
    for (let left = e.count, year = e.intake.firstYear; left > 0; year++) {
      const entering = Math.min(perYear, left);
      intakeByYear[year] += entering;
      left -= entering;
    }
    return {
      id: e.id,
      label: e.label ?? e.id,
      count: e.count,
      intakeByYear,
      heldYears: Math.max(1, e.loan?.termYears ?? 0, e.equity?.exitAfterYears ?? 0),
      business: {
        startupCosts: slots.add(b.startupCosts, at('business', 'startupCosts'), 'nonNegative'),
        ownCash: slots.add(b.ownCash, at('business', 'ownCash'), 'any'),
        revenue: slots.add(b.revenue, at('business', 'revenue'), 'nonNegative'),
        revenueGrowth: slots.add(b.revenueGrowth, at('business', 'revenueGrowth'), 'any'),
        costs: slots.add(b.costs, at('business', 'costs'), 'nonNegative'),
        costGrowth: slots.add(b.costGrowth, at('business', 'costGrowth'), 'any'),
        resultVolatility: slots.add(b.resultVolatility, at('business', 'resultVolatility'), 'nonNegative'),
        otherFailureRate: slots.add(b.otherFailureRate, at('business', 'otherFailureRate'), 'probability'),
      },
      jobs: {
        positions: slots.add(e.jobs.positions, at('jobs', 'positions'), 'nonNegative'),
        rampUpYears: e.jobs.rampUpYears,
        yearlyLeaveRate: slots.add(e.jobs.yearlyLeaveRate, at('jobs', 'yearlyLeaveRate'), 'probability'),
        sustainedAfterMonths: e.jobs.sustainedAfterMonths,
        extraCostPerWorkerYear: slots.add(e.jobs.extraCostPerWorkerYear, at('jobs', 'extraCostPerWorkerYear'), 'nonNegative'),
      },
      loan: e.loan
        ? {
            amount: slots.add(e.loan.amount, at('loan', 'amount'), 'nonNegative'),
            rate: slots.add(e.loan.rate, at('loan', 'rate'), 'nonNegative'),
            termYears: e.loan.termYears,
            graceYears: e.loan.graceYears,
            amortisation: e.loan.amortisation,
            recoveryRate: slots.add(e.loan.recoveryRate, at('loan', 'recoveryRate'), 'probability'),
          }
        : null,
      equity: e.equity
        ? {
            amount: slots.add(e.equity.amount, at('equity', 'amount'), 'nonNegative'),
            stake: slots.add(e.equity.stake, at('equity', 'stake'), 'probability'),
            exitAfterYears: e.equity.exitAfterYears,
            exitMultiple: slots.add(e.equity.exitMultiple, at('equity', 'exitMultiple'), 'nonNegative'),
          }
        : null,
      grant: e.grant ? { amount: slots.add(e.grant.amount, at('grant', 'amount'), 'nonNegative') } : null,
      outcome: e.outcomeContract
        ? {
            pricePerSustainedPlacement: slots.add(
              e.outcomeContract.pricePerSustainedPlacement,
              at('outcomeContract', 'pricePerSustainedPlacement'),
              'nonNegative',
            ),
            pricePerWorkerYear: slots.add(e.outcomeContract.pricePerWorkerYear, at('outcomeContract', 'pricePerWorkerYear'), 'nonNegative'),
            paidByFund: e.outcomeContract.paidBy === 'fund',
          }
        : null,
    };
  });

  // Draw streams: one per archetype from its id (so a strategy that shares an archetype with
  // another draws the same luck for it), kept distinct from each other and from the factor's.
  const factorStream = hashIdentifier(FACTOR_STREAM_NAME);
  const used = new Set<number>([factorStream]);
  const archetypeStream = archetypes.map((a) => {
    let stream = hashIdentifier(a.id);
    while (used.has(stream)) stream = (stream + 1) >>> 0;
    used.add(stream);
    return stream;
  });

  const enterpriseArchetype = new Int32Array(totalEnterprises);
  const enterpriseIntakeYear = new Int32Array(totalEnterprises);
  const enterpriseStream = new Uint32Array(totalEnterprises);
  const enterpriseCounterBase = new Int32Array(totalEnterprises);
  const enterprisesHeld = new Float64Array(H);
  let e = 0;
  archetypes.forEach((archetype, j) => {
    let ordinal = 0;
    for (let year = 0; year < H; year++) {
      for (let n = 0; n < archetype.intakeByYear[year]; n++, e++, ordinal++) {
        enterpriseArchetype[e] = j;
        enterpriseIntakeYear[e] = year;
        enterpriseStream[e] = archetypeStream[j];
        enterpriseCounterBase[e] = ordinal * YEAR_COUNTERS;
      }
      for (let t = year; t < Math.min(H, year + archetype.heldYears); t++) enterprisesHeld[t] += archetype.intakeByYear[year];
    }
  });

  if (slots.problems.length) return fail({ kind: 'invalid-input', problems: slots.problems });
  return ok({
    plan: {
      name: portfolio.name,
      startYear: portfolio.startYear,
      horizon: H,
      yearLabels: Array.from({ length: H }, (_, t) => String(portfolio.startYear + t)),
      investmentPeriod: fund.investmentPeriodYears,
      revolving: fund.revolving,
      layers,
      payOrder,
      groupEnd,
      residualLayer,
      costs,
      regionalCorrelation,
      impact,
      municipalityName: portfolio.municipality.name,
      municipalityOwnCostsPerYear,
      discountRate,
      archetypes,
      enterpriseArchetype,
      enterpriseIntakeYear,
      enterpriseStream,
      enterpriseCounterBase,
      factorStream,
      enterprisesHeld,
    },
    inputs: slots.inputs,
  });
}

/** The most junior layer: highest rank, the last listed among equals. */
function mostJunior(layers: LayerPlan[]): number {
  let chosen = 0;
  layers.forEach((layer, i) => {
    if (layer.rank >= layers[chosen].rank) chosen = i;
  });
  return chosen;
}
