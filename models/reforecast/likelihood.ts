import type { ContractPlan } from '../contract/compile-contract.js';
import { clampRate } from '../contract/clamp-rate.js';
import type { CheckedActuals } from '../actuals/validate-actuals.js';
import type { PersonsAtRisk } from './at-risk.js';
import { logBinomialKernel } from './log-binomial.js';

/**
 * The log-likelihood of the actuals under one draw of the contract's inputs, by month, from the
 * persons at risk that the actuals give (not only totals):
 * - job starts ~ Binomial(persons waiting, job-entry rate): the programme rate for those within
 *   their programme months, the counterfactual rate after;
 * - other exits ~ Binomial(waiting persons who did not start, other-exit rate / (1 - job-entry
 *   rate)), the kernel's competing-risk split;
 * - fall-backs ~ Binomial(persons in work, hazard of their band of months in work);
 * - part-time starts ~ Binomial(job starts, part-time share), when recorded;
 * - comparison group job starts ~ Binomial(at risk, counterfactual job-entry rate), when recorded.
 * Where the persons at risk are a mix (profiles whose counts are pooled, or programme and after),
 * the count is taken as binomial with the mix's average chance: exact for one profile within its
 * programme months, an approximation otherwise (a sum of binomials with different chances has a
 * little less variance than that). Months are independent given the persons at risk, so the
 * log-likelihood is a sum over months.
 */
export interface LikelihoodData {
  atRisk: PersonsAtRisk;
  /** Observation groups: each profile when the actuals name profiles, else one group of all. */
  groups: number[][];
  /** Observed counts per group and month at `g * months + t`. */
  jobStarts: Float64Array;
  otherExits: Float64Array;
  fallbacks: Float64Array;
  /** Per month, summed over profiles; null when not recorded. */
  partTimeStarts: Float64Array | null;
  totalJobStarts: Float64Array;
  comparison: CheckedActuals['comparison'];
  /** Profile weights (normalised shares) for the comparison group's average counterfactual rate. */
  profileWeights: Float64Array;
}

export function likelihoodData(checked: CheckedActuals, atRisk: PersonsAtRisk, profileShares: readonly number[]): LikelihoodData {
  const M = checked.months;
  const P = atRisk.profiles;
  const groups = checked.byProfile ? Array.from({ length: P }, (_, p) => [p]) : [Array.from({ length: P }, (_, p) => p)];
  const G = groups.length;
  const state = checked.state;
  const perGroup = (read: Int32Array) => {
    const out = new Float64Array(G * M);
    groups.forEach((members, g) => {
      for (const p of members) for (let t = 0; t < M; t++) out[g * M + t] += read[p * M + t];
    });
    return out;
  };
  const total = profileShares.reduce((s, x) => s + Math.max(0, x), 0);
  const totalJobStarts = Float64Array.from(checked.totals.jobStarts);
  const partTime = checked.totals.partTimeStarts;
  return {
    atRisk,
    groups,
    jobStarts: perGroup(state.jobStarts),
    otherExits: perGroup(state.otherExits),
    fallbacks: perGroup(state.fallbacks),
    partTimeStarts: partTime.every((x) => x !== null) ? Float64Array.from(partTime as number[]) : null,
    totalJobStarts,
    comparison: checked.comparison,
    profileWeights: Float64Array.from(profileShares, (s) => (total > 0 ? Math.max(0, s) / total : 1 / P)),
  };
}

/** ln L(actuals | params) up to a constant. */
export function logLikelihood(plan: ContractPlan, data: LikelihoodData, params: Float64Array): number {
  const risk = data.atRisk;
  const M = risk.months;
  const B = risk.bands;
  let total = 0;
  for (let g = 0; g < data.groups.length; g++) {
    const members = data.groups[g];
    for (let t = 0; t < M; t++) {
      let waiting = 0;
      let expectedStarts = 0;
      let expectedOtherShare = 0;
      let workers = 0;
      let expectedFallbacks = 0;
      for (let m = 0; m < members.length; m++) {
        const p = members[m];
        const profile = plan.profiles[p];
        const inProgramme = risk.waitingInProgramme[p * M + t];
        const after = risk.waitingAfterProgramme[p * M + t];
        const jobIn = clampRate(params[profile.programmeJobEntry]);
        const jobAfter = clampRate(params[profile.counterfactualJobEntry]);
        waiting += inProgramme + after;
        expectedStarts += inProgramme * jobIn + after * jobAfter;
        expectedOtherShare +=
          inProgramme * otherShare(jobIn, clampRate(params[profile.programmeOtherExit])) + after * otherShare(jobAfter, clampRate(params[profile.counterfactualOtherExit]));
        for (let b = 0; b < B; b++) {
          const n = risk.inWorkByBand[(p * M + t) * B + b];
          if (n === 0) continue;
          workers += n;
          expectedFallbacks += n * clampRate(params[plan.hazardBandRates[b]]);
        }
      }
      const at = g * M + t;
      const starts = data.jobStarts[at];
      if (waiting > 0) {
        total += logBinomialKernel(starts, waiting, expectedStarts / waiting);
        total += logBinomialKernel(data.otherExits[at], waiting - starts, expectedOtherShare / waiting);
      } else if (starts > 0 || data.otherExits[at] > 0) return -Infinity;
      if (workers > 0) total += logBinomialKernel(data.fallbacks[at], workers, expectedFallbacks / workers);
      else if (data.fallbacks[at] > 0) return -Infinity;
      if (total === -Infinity) return total;
    }
  }
  if (data.partTimeStarts) {
    const share = clampRate(params[plan.partTimeShare]);
    for (let t = 0; t < M; t++) total += logBinomialKernel(data.partTimeStarts[t], data.totalJobStarts[t], share);
  }
  const comparison = data.comparison;
  if (comparison) {
    let rate = 0;
    for (let p = 0; p < plan.profiles.length; p++) rate += data.profileWeights[p] * clampRate(params[plan.profiles[p].counterfactualJobEntry]);
    for (let t = 0; t < M; t++) if (comparison.recorded[t]) total += logBinomialKernel(comparison.jobStarts[t], comparison.atRisk[t], rate);
  }
  return total;
}

/** Of those not starting work, the share leaving for other reasons (as `population.ts` splits them). */
const otherShare = (jobEntry: number, otherExit: number): number => (jobEntry < 1 ? Math.min(1, otherExit / (1 - jobEntry)) : 0);
