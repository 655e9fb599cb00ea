import { standardNormalCdf } from '../distributions/index.js';
import type { ArchetypePlan } from './compile-portfolio.js';
import { fillLoanSchedule } from './loan-schedule.js';
import { failureThreshold } from './regional-factor.js';

/**
 * One enterprise's years, by age a = 0, 1, ... since its intake, as long as it lives: its jobs,
 * outcome income, cash position and the chance that the year sinks it. Every quantity here is
 * conditional on the enterprise still operating, so it is the same for every enterprise of an
 * archetype and is computed once per evaluation.
 *
 * The cash model, in euros of the start year:
 *   cash at intake      = own cash + loan + equity + grant - startup costs
 *   operating result(a) = revenue (1 + g)^a - costs (1 + gc)^a - extra cost per worker x workers(a) + outcome income(a)
 *   cash position(a)    = cash at intake + sum over k <= a of (operating result(k) - interest(k) - repayment(k))
 * The year's result also carries a shock with standard deviation volatility x revenue(a). The
 * enterprise fails in year a when its cash position plus the shock falls below zero, or for
 * other reasons with the yearly `otherFailureRate`:
 *   h(a) = 1 - (1 - Phi(-cash position(a) / sd(a))) (1 - other rate).
 * A shock does not carry over into later years' cash positions (each year is judged on the
 * expected path plus that year's shock): this keeps h(a) free of the path, so expected values
 * over failures are exact; the shocks of different enterprises in one year are correlated
 * through the regional factor.
 *
 * Jobs: positions(a) = positions x min(1, (a + 1) / (rampUpYears + 1)); hires(0) = positions(0),
 * hires(a) = leave rate x positions(a - 1) + growth of positions; a hire reaches the sustained
 * period of m months in year a + ceil(m / 12) - 1 with probability (1 - leave rate)^(m / 12).
 */
export interface EnterpriseYears {
  /** Per archetype j and age a at index j * H + a. */
  interest: Float64Array;
  principal: Float64Array;
  outstandingBefore: Float64Array;
  revenue: Float64Array;
  operatingResult: Float64Array;
  cashPosition: Float64Array;
  /** h(a): the chance of failing in year a given the enterprise reached it. */
  hazard: Float64Array;
  /** Phi^-1(h(a)): the latent threshold of the copula. */
  threshold: Float64Array;
  /** Chance of still operating at the end of year a (product of 1 - h). */
  survival: Float64Array;
  positions: Float64Array;
  hires: Float64Array;
  sustained: Float64Array;
  outcomeIncome: Float64Array;
  /** What the fund's stake would fetch if sold at the end of year a. */
  stakeValue: Float64Array;
}

export function createEnterpriseYears(archetypes: number, horizon: number): EnterpriseYears {
  const size = archetypes * horizon;
  return {
    interest: new Float64Array(size),
    principal: new Float64Array(size),
    outstandingBefore: new Float64Array(size),
    revenue: new Float64Array(size),
    operatingResult: new Float64Array(size),
    cashPosition: new Float64Array(size),
    hazard: new Float64Array(size),
    threshold: new Float64Array(size),
    survival: new Float64Array(size),
    positions: new Float64Array(size),
    hires: new Float64Array(size),
    sustained: new Float64Array(size),
    outcomeIncome: new Float64Array(size),
    stakeValue: new Float64Array(size),
  };
}

export const clampProbability = (x: number): number => (x > 0 ? (x < 1 ? x : 1) : 0);
export const nonNegative = (x: number): number => (x > 0 ? x : 0);

/** Amounts the fund pays an enterprise of archetype j at intake. */
export function intakeAmounts(archetype: ArchetypePlan, params: Float64Array): { loan: number; equity: number; grant: number } {
  return {
    loan: archetype.loan ? nonNegative(params[archetype.loan.amount]) : 0,
    equity: archetype.equity ? nonNegative(params[archetype.equity.amount]) : 0,
    grant: archetype.grant ? nonNegative(params[archetype.grant.amount]) : 0,
  };
}

/** Fills ages 0 .. H - 1 of archetype j. Allocates nothing. */
export function fillEnterpriseYears(archetype: ArchetypePlan, j: number, params: Float64Array, H: number, out: EnterpriseYears): void {
  const base = j * H;
  const loan = archetype.loan;
  const loanAmount = loan ? nonNegative(params[loan.amount]) : 0;
  if (loan) fillLoanSchedule(loanAmount, nonNegative(params[loan.rate]), loan.termYears, loan.graceYears, loan.amortisation, out.interest, out.principal, out.outstandingBefore, base, H);
  else {
    out.interest.fill(0, base, base + H);
    out.principal.fill(0, base, base + H);
    out.outstandingBefore.fill(0, base, base + H);
  }
  const equityAmount = archetype.equity ? nonNegative(params[archetype.equity.amount]) : 0;
  const grantAmount = archetype.grant ? nonNegative(params[archetype.grant.amount]) : 0;

  const b = archetype.business;
  const revenue0 = nonNegative(params[b.revenue]);
  const revenueGrowth = 1 + Math.max(-1, params[b.revenueGrowth]);
  const costs0 = nonNegative(params[b.costs]);
  const costGrowth = 1 + Math.max(-1, params[b.costGrowth]);
  const volatility = nonNegative(params[b.resultVolatility]);
  const otherSurvival = 1 - clampProbability(params[b.otherFailureRate]);

  const jobs = archetype.jobs;
  const fullPositions = nonNegative(params[jobs.positions]);
  const leave = clampProbability(params[jobs.yearlyLeaveRate]);
  const extraCost = nonNegative(params[jobs.extraCostPerWorkerYear]);
  const sustainedOffset = Math.ceil(jobs.sustainedAfterMonths / 12) - 1;
  const sustainedRetention = Math.pow(1 - leave, jobs.sustainedAfterMonths / 12);
  const outcome = archetype.outcome;
  const pricePerSustained = outcome ? nonNegative(params[outcome.pricePerSustainedPlacement]) : 0;
  const pricePerWorkerYear = outcome ? nonNegative(params[outcome.pricePerWorkerYear]) : 0;
  const equity = archetype.equity;
  const stake = equity ? clampProbability(params[equity.stake]) : 0;
  const exitMultiple = equity ? nonNegative(params[equity.exitMultiple]) : 0;

  let cash = params[b.ownCash] + loanAmount + equityAmount + grantAmount - nonNegative(params[b.startupCosts]);
  let revenue = revenue0;
  let costs = costs0;
  let survival = 1;
  let previousPositions = 0;
  for (let a = 0; a < H; a++) {
    const i = base + a;
    const positions = fullPositions * Math.min(1, (a + 1) / (jobs.rampUpYears + 1));
    const hires = a === 0 ? positions : leave * previousPositions + nonNegative(positions - previousPositions);
    out.positions[i] = positions;
    out.hires[i] = hires;
    const sustained = a >= sustainedOffset ? out.hires[i - sustainedOffset] * sustainedRetention : 0;
    out.sustained[i] = sustained;
    const outcomeIncome = pricePerSustained * sustained + pricePerWorkerYear * positions;
    out.outcomeIncome[i] = outcomeIncome;

    const result = revenue - costs - extraCost * positions + outcomeIncome;
    out.revenue[i] = revenue;
    out.operatingResult[i] = result;
    cash += result - out.interest[i] - out.principal[i];
    out.cashPosition[i] = cash;

    const sd = volatility * revenue;
    const cashFailure = sd > 0 ? standardNormalCdf(-cash / sd) : cash < 0 ? 1 : 0;
    const hazard = 1 - (1 - cashFailure) * otherSurvival;
    out.hazard[i] = hazard;
    out.threshold[i] = failureThreshold(hazard);
    survival *= 1 - hazard;
    out.survival[i] = survival;

    const debtAfter = out.outstandingBefore[i] - out.principal[i];
    out.stakeValue[i] = stake * nonNegative(exitMultiple * result - debtAfter);

    previousPositions = positions;
    revenue *= revenueGrowth;
    costs *= costGrowth;
  }
}
