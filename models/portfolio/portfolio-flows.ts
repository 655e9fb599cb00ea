import { standardNormalQuantile } from '../distributions/index.js';
import type { Rng } from '../random/rng.js';
import type { ArchetypePlan, PortfolioPlan } from './compile-portfolio.js';
import { counterUniform, drawIterationKey } from './counter-uniforms.js';
import { nonNegative, clampProbability, type EnterpriseYears } from './enterprise-cash-model.js';
import { factorLoadings, latentShock } from './regional-factor.js';
import type { PortfolioWorkspace, PortfolioYears } from './portfolio-workspace.js';

/**
 * Sums what the enterprises do per fund year. Both modes book through the same two functions
 * (an enterprise-year lived, an enterprise-year failed), weighted:
 *
 * - expected (no generator): n enterprises of an archetype entering in year y contribute, in
 *   year y + a, weight n S(a) for "operated through year a" and n (S(a-1) - S(a)) for "failed in
 *   year a", S the survival of the cash model. Every quantity booked is linear in these
 *   indicators, so the yearly sums are their exact expectations whatever the correlation (the
 *   copula changes how failures cluster, not how likely each one is).
 * - drawn: each enterprise in turn, year by year, fails when its latent shock
 *   sqrt(rho) Z_t + sqrt(1 - rho) e falls below Phi^-1(h(a)), with weight 1 on what happens.
 *   Z_t is shared by all enterprises in fund year t. Jobs and placements within a living
 *   enterprise stay at their expected values (failure is what is drawn).
 */

/** Books year a (fund year t) of an archetype-j enterprise that operated through it, with weight w. */
function bookOperatingYear(archetype: ArchetypePlan, ey: EnterpriseYears, out: PortfolioYears, i: number, a: number, t: number, w: number): void {
  out.active[t] += w;
  out.inflows[t] += w * (ey.interest[i] + ey.principal[i]);
  if (archetype.equity && a === archetype.equity.exitAfterYears - 1) {
    out.inflows[t] += w * ey.stakeValue[i];
    out.equityProceeds[t] += w * ey.stakeValue[i];
  }
  out.workerYears[t] += w * ey.positions[i];
  out.hires[t] += w * ey.hires[i];
  out.sustained[t] += w * ey.sustained[i];
  if (archetype.outcome?.paidByFund) out.outcomeByFund[t] += w * ey.outcomeIncome[i];
  else out.outcomeByMunicipality[t] += w * ey.outcomeIncome[i];
}

/** Books the failure, in fund year t, of an archetype-j enterprise at age a, with weight w. */
function bookFailure(archetype: ArchetypePlan, params: Float64Array, ey: EnterpriseYears, out: PortfolioYears, i: number, t: number, w: number): void {
  out.failures[t] += w;
  if (archetype.loan) {
    const outstanding = ey.outstandingBefore[i];
    const recovery = clampProbability(params[archetype.loan.recoveryRate]);
    out.inflows[t] += w * recovery * outstanding;
    out.loanLosses[t] += w * (1 - recovery) * outstanding;
  }
}

/** Books the horizon's end for an enterprise of age a still operating: its loan at book value and a stake not yet sold. */
function bookTerminal(archetype: ArchetypePlan, ey: EnterpriseYears, out: PortfolioYears, i: number, a: number, w: number): void {
  let value = ey.outstandingBefore[i] - ey.principal[i];
  if (archetype.equity && a < archetype.equity.exitAfterYears - 1) value += ey.stakeValue[i];
  out.terminalValue[0] += w * value;
}

function bookIntake(archetype: ArchetypePlan, params: Float64Array, out: PortfolioYears, y: number, n: number): void {
  const loan = archetype.loan ? nonNegative(params[archetype.loan.amount]) : 0;
  const equity = archetype.equity ? nonNegative(params[archetype.equity.amount]) : 0;
  const grant = archetype.grant ? nonNegative(params[archetype.grant.amount]) : 0;
  out.loanDisbursed[y] += n * loan;
  out.equityInvested[y] += n * equity;
  out.grantsPaid[y] += n * grant;
  out.investments[y] += n * (loan + equity + grant);
}

/** Expected yearly flows: exact expectations over failures (see above). */
export function addExpectedFlows(plan: PortfolioPlan, params: Float64Array, ws: PortfolioWorkspace): void {
  const H = plan.horizon;
  const ey = ws.enterprise;
  const out = ws.portfolio;
  for (let j = 0; j < plan.archetypes.length; j++) {
    const archetype = plan.archetypes[j];
    for (let y = 0; y < H; y++) {
      const n = archetype.intakeByYear[y];
      if (n === 0) continue;
      bookIntake(archetype, params, out, y, n);
      let alivePrevious = 1;
      for (let a = 0; y + a < H; a++) {
        const i = j * H + a;
        const alive = ey.survival[i];
        bookOperatingYear(archetype, ey, out, i, a, y + a, n * alive);
        bookFailure(archetype, params, ey, out, i, y + a, n * (alivePrevious - alive));
        alivePrevious = alive;
      }
      const last = H - 1 - y;
      bookTerminal(archetype, ey, out, j * H + last, last, n * ey.survival[j * H + last]);
    }
  }
}

/** Drawn yearly flows: one regional factor per year, one idiosyncratic draw per enterprise-year. Two generator draws per call. */
export function addDrawnFlows(plan: PortfolioPlan, params: Float64Array, ws: PortfolioWorkspace, rng: Rng): void {
  const H = plan.horizon;
  const ey = ws.enterprise;
  const out = ws.portfolio;
  const key = ws.iterationKey;
  drawIterationKey(rng, key);
  for (let t = 0; t < H; t++) ws.regionalFactor[t] = standardNormalQuantile(counterUniform(key, plan.factorStream, t));
  factorLoadings(params[plan.regionalCorrelation], ws.loadings);
  const factorLoading = ws.loadings[0];
  const idiosyncraticLoading = ws.loadings[1];

  const enterprises = plan.enterpriseArchetype.length;
  for (let e = 0; e < enterprises; e++) {
    const j = plan.enterpriseArchetype[e];
    const archetype = plan.archetypes[j];
    const y = plan.enterpriseIntakeYear[e];
    const stream = plan.enterpriseStream[e];
    const counterBase = plan.enterpriseCounterBase[e];
    bookIntake(archetype, params, out, y, 1);
    let operating = true;
    let a = 0;
    for (; y + a < H; a++) {
      const t = y + a;
      const i = j * H + a;
      const idiosyncratic = standardNormalQuantile(counterUniform(key, stream, counterBase + t));
      if (latentShock(ws.regionalFactor[t], idiosyncratic, factorLoading, idiosyncraticLoading) < ey.threshold[i]) {
        bookFailure(archetype, params, ey, out, i, t, 1);
        operating = false;
        break;
      }
      bookOperatingYear(archetype, ey, out, i, a, t, 1);
    }
    if (operating) bookTerminal(archetype, ey, out, j * H + (H - 1 - y), H - 1 - y, 1);
  }
}
