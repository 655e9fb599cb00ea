import { ABSENT, type ContractPlan } from '../compile-contract.js';
import type { ContractWorkspace } from '../contract-workspace.js';
import type { ProfileCounts } from '../world-booking.js';
import { partyOf } from './budget-holder-schema.js';
import type { BudgetOutputLayout } from './budget-holder-outputs.js';
import type { BudgetPlan } from './compile-budget-holders.js';

/** Buffers of the per-municipality accounting of a regional contract, allocated once per workspace. */
export interface RegionalWorkspace {
  savings: Float64Array;
  pays: Float64Array;
  ownCosts: Float64Array;
  participants: Float64Array;
  /** Net result per municipality and year, at `m * years + y`. */
  yearlyNet: Float64Array;
  /** Per trigger and municipality, at `k * municipalities + m`: due (after lag) and not yet paid. */
  pending: Float64Array;
  weight: Float64Array;
  /** Per profile: persons gone for other reasons so far, programme and counterfactual. */
  exitedProgramme: Float64Array;
  exitedCounterfactual: Float64Array;
  /** Per municipality: attributable job starts over the horizon (to share milestone effects). */
  attributableStarts: Float64Array;
  /** Per municipality and year: municipal milestone effects still to be shared, region-wide per year at `y`. */
  milestoneEffectsByYear: Float64Array;
  /** Per year: municipal values of outcomes beyond work, shared by participants. */
  byParticipantsByYear: Float64Array;
}

export function createRegionalWorkspace(plan: ContractPlan, budget: BudgetPlan): RegionalWorkspace | null {
  if (!budget.regional) return null;
  const M = budget.regional.ids.length;
  const Y = plan.calendar.yearLabels.length;
  const P = plan.profiles.length;
  return {
    savings: new Float64Array(M),
    pays: new Float64Array(M),
    ownCosts: new Float64Array(M),
    participants: new Float64Array(M),
    yearlyNet: new Float64Array(M * Y),
    pending: new Float64Array(plan.triggers.length * M),
    weight: new Float64Array(M),
    exitedProgramme: new Float64Array(P),
    exitedCounterfactual: new Float64Array(P),
    attributableStarts: new Float64Array(M),
    milestoneEffectsByYear: new Float64Array(Y),
    byParticipantsByYear: new Float64Array(Y),
  };
}

/**
 * A regional contract per municipality: each saves on and pays for its own residents.
 *
 * Savings per profile follow the booking rules of `world-booking.ts` on the counts per profile of
 * both worlds (the programme's copied before the counterfactual reuses the buffers; a deadweight
 * counterfactual has `share` of the programme's work and the same other exits): benefit avoided
 * by work and other exits, administration, loonkostensubsidie, and the municipal effects per
 * month in work, on benefit or per job start. Municipal effects per completed milestone are not
 * counted per profile by the kernels, so they are shared by attributable job starts.
 *
 * Outcome payments: the part of each trigger's payment the municipal payers fund is shared by
 * what each municipality's residents earned of that trigger when it fell due (job starts, or
 * starts N months before for a sustained trigger, times the profile's price; benefit months
 * saved times price; attributable savings for share-of-savings and custom rules), followed
 * through lag, caps and threshold like the payer split. Own costs are shared by participants.
 * The municipalities' nets add up to the region's municipal net (tested), and a region of two
 * municipalities that do not interact gives each what its own contract would (tested).
 */
export function settleMunicipalities(
  plan: ContractPlan,
  budget: BudgetPlan,
  layout: BudgetOutputLayout,
  params: Float64Array,
  ws: ContractWorkspace,
  paidByTrigger: Float64Array,
  leftAfterPayment: Float64Array,
  municipalShareOfTrigger: Float64Array,
  rws: RegionalWorkspace,
  scalars: Float64Array,
  scalarOffset: number,
  series: Float64Array,
  seriesOffset: number,
): void {
  const regional = budget.regional!;
  const progCounts = ws.programmeCounts!;
  const cfCounts: ProfileCounts = ws.population.counts;
  const rates = plan.counterfactual.method === 'rates';
  const deadweight = plan.counterfactual.method === 'deadweight' ? Math.min(1, Math.max(0, params[plan.counterfactual.deadweightShare])) : 0;
  const H = plan.horizon;
  const P = plan.profiles.length;
  const M = regional.ids.length;
  const T = plan.triggers.length;
  const Y = plan.calendar.yearLabels.length;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const ofProfile = regional.municipalityOfProfile;
  const rawShare = params[plan.partTimeBenefitShare];
  const partTimeBenefitShare = rawShare < 0 ? 0 : rawShare > 1 ? 1 : rawShare;
  const lksMonthly = params[plan.lksMonthlyAmount];

  rws.savings.fill(0);
  rws.pays.fill(0);
  rws.ownCosts.fill(0);
  rws.participants.fill(0);
  rws.yearlyNet.fill(0);
  rws.exitedProgramme.fill(0);
  rws.exitedCounterfactual.fill(0);
  rws.attributableStarts.fill(0);
  rws.milestoneEffectsByYear.fill(0);
  rws.byParticipantsByYear.fill(0);

  // Counterfactual counts of profile p in month t.
  const cf = (progValue: number, cfArray: Float64Array, at: number): number => (rates ? cfArray[at] : deadweight * progValue);

  const book = (m: number, y: number, value: number) => {
    rws.savings[m] += value;
    rws.yearlyNet[m * Y + y] += value;
  };

  for (let t = 0; t < H; t++) {
    const y = yearOf[t];
    const benefitIndex = ws.benefitIndex[y];
    const costIndex = ws.costIndex[y];
    for (let p = 0; p < P; p++) {
      const m = ofProfile[p];
      const at = p * H + t;
      rws.participants[m] += ws.intakeByProfile[at];
      const fullP = progCounts.fullTime[at];
      const partP = progCounts.partTime[at];
      const lksP = progCounts.withLks[at];
      const fullC = cf(fullP, cfCounts.fullTime, at);
      const partC = cf(partP, cfCounts.partTime, at);
      const lksC = cf(lksP, cfCounts.withLks, at);
      rws.exitedProgramme[p] += progCounts.otherExits[at];
      rws.exitedCounterfactual[p] += rates ? cfCounts.otherExits[at] : progCounts.otherExits[at];
      const exited = rws.exitedProgramme[p] - rws.exitedCounterfactual[p];
      const profile = plan.profiles[p];
      const benefit = params[profile.monthlyBenefit];
      const administration = params[profile.administrationCostPerYear] / 12;
      book(m, y, benefitIndex * benefit * (fullP - fullC + (partP - partC) * (1 - partTimeBenefitShare) + exited));
      book(m, y, costIndex * administration * (fullP - fullC + exited));
      book(m, y, -lksMonthly * costIndex * (lksP - lksC));
      const startsP = progCounts.placements[at];
      const startsC = cf(startsP, cfCounts.placements, at);
      rws.attributableStarts[m] += startsP - startsC;
      for (let l = 0; l < budget.lines.length; l++) {
        const line = budget.lines[l];
        const source = line.source;
        if (source.kind !== 'effect' || !line.cash || partyOf(line.holder) !== 'gemeente' || source.milestone >= 0) continue;
        let units: number;
        if (source.basis === 'monthInWork') units = fullP - fullC + source.partTimeFactor * (partP - partC);
        else if (source.basis === 'monthInWorkFullTime') units = fullP - fullC;
        else if (source.basis === 'monthInWorkPartTime') units = partP - partC;
        else if (source.basis === 'monthInWorkWithLks') units = lksP - lksC;
        else if (source.basis === 'monthOnBenefit') units = progCounts.onBenefit[at] - (rates ? cfCounts.onBenefit[at] : progCounts.onBenefit[at] + (1 - deadweight) * (fullP + partP));
        else units = startsP - startsC;
        if (units === 0) continue;
        book(m, y, params[source.amount] * (source.byBenefitIndex ? benefitIndex : costIndex) * units);
      }
    }
    // Outcomes beyond work are not counted per profile: their municipal values are shared by participants.
    for (let l = 0; l < budget.lines.length; l++) {
      const line = budget.lines[l];
      if (line.source.kind !== 'outcome' || !line.cash || partyOf(line.holder) !== 'gemeente') continue;
      const series = ws.outcomes!;
      const i = line.source.outcome * H + t;
      rws.byParticipantsByYear[y] +=
        costIndex *
        (params[line.source.once] * (series.programme[i] - series.counterfactual[i]) +
          params[line.source.perMonthAfter] * (series.programmeCumulative[i] - series.counterfactualCumulative[i]));
    }
    // Milestone effects on municipal budgets: the region's, shared after the loop.
    for (let l = 0; l < budget.lines.length; l++) {
      const line = budget.lines[l];
      const source = line.source;
      if (source.kind !== 'effect' || !line.cash || partyOf(line.holder) !== 'gemeente' || source.milestone < 0) continue;
      const i = source.milestone * H + t;
      const units = ws.programme.milestoneReached[i] - ws.counterfactual.milestoneReached[i];
      rws.milestoneEffectsByYear[y] += params[source.amount] * (source.byBenefitIndex ? benefitIndex : costIndex) * units;
    }
  }

  let participantsTotal = 0;
  let startsTotal = 0;
  for (let m = 0; m < M; m++) {
    participantsTotal += rws.participants[m];
    startsTotal += rws.attributableStarts[m];
  }
  const participantShare = (m: number) => (participantsTotal > 0 ? rws.participants[m] / participantsTotal : 1 / M);
  for (let m = 0; m < M; m++) {
    const startShare = startsTotal !== 0 ? rws.attributableStarts[m] / startsTotal : participantShare(m);
    for (let y = 0; y < Y; y++) book(m, y, rws.milestoneEffectsByYear[y] * startShare + rws.byParticipantsByYear[y] * participantShare(m));
  }

  // Own costs by participants.
  for (let t = 0; t < H; t++)
    for (let m = 0; m < M; m++) {
      const cost = ws.payerOwnCosts[t] * participantShare(m);
      rws.ownCosts[m] += cost;
      rws.yearlyNet[m * Y + yearOf[t]] -= cost;
    }

  // Outcome payments the municipal payers fund, by what each municipality's residents earned.
  rws.pending.fill(0);
  for (let t = 0; t < H; t++) {
    for (let k = 0; k < T; k++) {
      const trigger = plan.triggers[k];
      const from = t - trigger.lag;
      if (from >= 0) {
        const due = ws.dueByTrigger[k * H + from];
        if (due !== 0) {
          earnedByMunicipality(plan, params, ws, k, from, progCounts, rws.weight, M, ofProfile);
          let total = 0;
          for (let m = 0; m < M; m++) total += rws.weight[m];
          for (let m = 0; m < M; m++) rws.pending[k * M + m] += due * (total > 0 ? rws.weight[m] / total : participantShare(m));
        }
      }
      const paid = paidByTrigger[k * H + t] * municipalShareOfTrigger[k];
      let pendingTotal = 0;
      for (let m = 0; m < M; m++) pendingTotal += rws.pending[k * M + m];
      if (paid !== 0)
        for (let m = 0; m < M; m++) {
          const part = paid * (pendingTotal > 0 ? rws.pending[k * M + m] / pendingTotal : participantShare(m));
          rws.pays[m] += part;
          rws.yearlyNet[m * Y + yearOf[t]] -= part;
        }
      for (let m = 0; m < M; m++) rws.pending[k * M + m] *= leftAfterPayment[t];
    }
  }

  const at = layout.at;
  for (let m = 0; m < M; m++) {
    scalars[scalarOffset + at.municipalityNet + m] = rws.savings[m] - rws.pays[m] - rws.ownCosts[m];
    scalars[scalarOffset + at.municipalitySavings + m] = rws.savings[m];
    scalars[scalarOffset + at.municipalityPays + m] = rws.pays[m];
    scalars[scalarOffset + at.municipalityParticipants + m] = rws.participants[m];
    for (let y = 0; y < Y; y++) series[seriesOffset + (layout.seriesAt.municipalityNet + m) * Y + y] = rws.yearlyNet[m * Y + y];
  }
}

/** What the residents of each municipality earned of trigger k in month `from` (weights; only their ratios matter). */
function earnedByMunicipality(
  plan: ContractPlan,
  params: Float64Array,
  ws: ContractWorkspace,
  k: number,
  from: number,
  prog: ProfileCounts,
  weight: Float64Array,
  M: number,
  ofProfile: Int32Array,
): void {
  const H = plan.horizon;
  const trigger = plan.triggers[k];
  weight.fill(0, 0, M);
  for (let p = 0; p < plan.profiles.length; p++) {
    const at = p * H + from;
    let earned: number;
    switch (trigger.kind) {
      case 'jobStart':
      case 'sustained': {
        const slot = trigger.priceByProfile[p];
        const startMonth = from - trigger.tenure;
        earned = slot === ABSENT || startMonth < 0 ? 0 : prog.placements[p * H + startMonth] * params[slot];
        break;
      }
      case 'perMonthOffBenefit': {
        const slot = trigger.priceByProfile[p];
        const saved =
          trigger.basis === 'gross'
            ? ws.programme.benefitMonthsSavedByProfile[at]
            : Math.max(0, ws.programme.benefitMonthsSavedByProfile[at] - ws.counterfactual.benefitMonthsSavedByProfile[at]);
        earned = slot === ABSENT ? 0 : saved * params[slot];
        break;
      }
      default: {
        // Share of savings and custom rules: the benefit months the profile saved beyond the
        // counterfactual, valued at its benefit (its part of the attributable savings from work).
        const saved = ws.programme.benefitMonthsSavedByProfile[at] - ws.counterfactual.benefitMonthsSavedByProfile[at];
        earned = Math.max(0, saved) * params[plan.profiles[p].monthlyBenefit];
      }
    }
    weight[ofProfile[p]] += earned;
  }
}
