import type { ContractPlan } from './compile-contract.js';
import { EVERY_TENURE, type ContractWorkspace, type WorldSeries } from './contract-workspace.js';
import { clampRate } from './clamp-rate.js';

/**
 * Hazard-band pools and job starts of the expected-rate kernel, allocated once per workspace
 * (band pools at `p * bands + b`, job starts by month at `p * horizon + t`).
 */
export interface ExpectedScratch {
  /** Persons in work in each fall-back hazard band at the start of the month, at `p * bands + b`. */
  bandPool: Float64Array;
  /** Per band: its monthly fall-back hazard, 1 minus it, and the share of starters reaching its first tenure. */
  bandHazard: Float64Array;
  bandStay: Float64Array;
  bandReach: Float64Array;
}

export function createExpectedScratch(profiles: number, bands: number): ExpectedScratch {
  return {
    bandPool: new Float64Array(profiles * bands),
    bandHazard: new Float64Array(bands),
    bandStay: new Float64Array(bands),
    bandReach: new Float64Array(bands),
  };
}

/**
 * One world (the programme's or the counterfactual) with expected rates (fractional counts),
 * following the monthly rules in `population.ts` with a handful of numbers per profile instead of
 * a state per months since intake or per tenure. Every quantity is a recurrence over months:
 *
 * - Waiting within the programme months: everyone who came in during the last `programmeMonths`
 *   months and stayed, W(t) = stay W(t - 1) + intake(t) - intake(t - A) stay^A, with
 *   stay = (1 - jobEntry)(1 - otherExit') the monthly share staying on benefit; the cohort leaving
 *   its programme months joins one pool that moves with the counterfactual rates. When no cohort is
 *   within its programme months W is exactly 0 (no rounding residue).
 * - In work: within a fall-back hazard band [s_b, s_(b+1)) the hazard h_b does not depend on
 *   tenure, so the persons in the band are one pool: N_b(t + 1) = (1 - h_b) N_b(t) +
 *   starts(t - s_b) S(s_b) - starts(t - s_(b+1)) S(s_(b+1)), with S(k) the share of starters still in
 *   work after k months; the last band has no upper end. Fall-backs in month t are sum_b h_b N_b(t).
 * - The four work types are a fixed split at placement and the hazard does not depend on the type,
 *   so every tenure holds them in the same proportion: one count and the type shares give four.
 * - Milestones and per-participant payments at one tenure k are starts(t - k) S(k); per-month
 *   payments by tenure are a short convolution, done after the month loop.
 *
 * Each profile's month is counted in `ProfileCounts`; `bookWorld` turns the counts into money. The results are those of moving every
 * state month by month, up to the order of floating-point operations (checked against the
 * state-by-state kernel in tests/contract/kernel-regression.test.ts). Cost per profile and month:
 * about 30 floating-point operations, one pass over the bands and 7 count stores, some 30 ns on
 * the bench machine; `bookWorld` adds about 15 ns per profile and month (bench/run.ts).
 */
export function simulateExpectedWorld(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace, world: WorldSeries, isProgramme: boolean): void {
  const H = plan.horizon;
  const A = plan.programmeMonths;
  const P = plan.profiles.length;
  const B = plan.hazardBandStarts.length;
  const bandStarts = plan.hazardBandStarts;
  const scratch = ws.population;
  const ex = scratch.expected;
  const survival = scratch.survivalByTenure;
  const hazard = ws.hazardByTenure;
  const intake = ws.intakeByProfile;
  const counts = scratch.counts;
  const placed = counts.placements;
  const onBenefitCount = counts.onBenefit;
  const fullTimeCount = counts.fullTime;
  const partTimeCount = counts.partTime;
  const lksCount = counts.withLks;
  const fallbackCount = counts.fallbacks;
  const otherExitCount = counts.otherExits;

  for (let b = 0; b < B; b++) {
    const start = bandStarts[b];
    ex.bandHazard[b] = hazard[start];
    ex.bandStay[b] = 1 - hazard[start];
    ex.bandReach[b] = survival[start];
  }
  ex.bandPool.fill(0);
  const partTimeShare = scratch.partTimeShare;
  const fullTimeShare = 1 - partTimeShare;
  const lksShare = scratch.lksShare;
  const pools = ex.bandPool;
  const bandHazard = ex.bandHazard;
  const bandStay = ex.bandStay;
  const bandReach = ex.bandReach;

  for (let p = 0; p < P; p++) {
    const profile = plan.profiles[p];
    const row = p * H;
    const poolRow = p * B;
    const cfJobEntry = clampRate(params[profile.counterfactualJobEntry]);
    const cfOtherExit = clampRate(params[profile.counterfactualOtherExit]);
    const jobEntryIn = isProgramme ? clampRate(params[profile.programmeJobEntry]) : cfJobEntry;
    const otherExitRateIn = isProgramme ? clampRate(params[profile.programmeOtherExit]) : cfOtherExit;
    // Other exits compete with job entry: of those not starting work, a share otherExit / (1 - jobEntry) leaves.
    const otherExitShareIn = jobEntryIn < 1 ? Math.min(1, otherExitRateIn / (1 - jobEntryIn)) : 0;
    const otherExitShareAfter = cfJobEntry < 1 ? Math.min(1, cfOtherExit / (1 - cfJobEntry)) : 0;
    const jobEntryAfter = cfJobEntry;
    const otherExitIn = (1 - jobEntryIn) * otherExitShareIn;
    const otherExitAfter = (1 - cfJobEntry) * otherExitShareAfter;
    const stayIn = (1 - jobEntryIn) * (1 - otherExitShareIn);
    const stayAfter = (1 - cfJobEntry) * (1 - otherExitShareAfter);
    // Share of an intake cohort still waiting when its programme months end: stayIn^programmeMonths.
    let leavingProgramme = 1;
    for (let age = 1; age <= A; age++) leavingProgramme *= stayIn;
    const backOtherExit = cfOtherExit;
    let waitingIn = 0;
    let waitingAfter = 0;
    let back = 0;
    let inWork = 0;
    let cohorts = 0;
    for (let t = 0; t < H; t++) {
      // 1-2. Leaving benefit, from the programme months and from the pool after them.
      const placements = jobEntryIn * waitingIn + jobEntryAfter * waitingAfter;
      const leftWaiting = otherExitIn * waitingIn + otherExitAfter * waitingAfter;
      waitingAfter *= stayAfter;
      if (t >= A) waitingAfter += intake[row + t - A] * leavingProgramme;
      placed[row + t] = placements;
      // Fall-back from each band's pool, and the pools at the start of next month: stay, enter at
      // the band's first tenure, leave past its last.
      let fallbacks = 0;
      for (let b = 0; b < B; b++) {
        const at = poolRow + b;
        const pool = pools[at];
        fallbacks += bandHazard[b] * pool;
        let next = bandStay[b] * pool;
        const start = bandStarts[b];
        if (t >= start) next += placed[row + t - start] * bandReach[b];
        if (b + 1 < B) {
          const end = bandStarts[b + 1];
          if (t >= end) next -= placed[row + t - end] * bandReach[b + 1];
        }
        pools[at] = next;
      }
      back += fallbacks;
      inWork += placements - fallbacks;

      // 3. Back on bijstand after work: only other exits.
      const leftBack = back * backOtherExit;
      back -= leftBack;

      // 4. Intake joins; everyone within the programme months after this month's moves.
      waitingIn *= stayIn;
      const arriving = intake[row + t];
      if (arriving !== 0) {
        waitingIn += arriving;
        cohorts++;
      }
      if (t >= A) {
        const leaving = intake[row + t - A];
        if (leaving !== 0) {
          waitingIn -= leaving * leavingProgramme;
          cohorts--;
        }
      }
      if (cohorts === 0) waitingIn = 0;

      const at = row + t;
      onBenefitCount[at] = waitingIn + waitingAfter + back;
      fullTimeCount[at] = fullTimeShare * inWork;
      partTimeCount[at] = partTimeShare * inWork;
      lksCount[at] = lksShare * inWork;
      fallbackCount[at] = fallbacks;
      otherExitCount[at] = leftWaiting + leftBack;
    }
  }

  const milestones = plan.milestones;
  const reached = world.milestoneReached;
  for (let m = 0; m < milestones.length; m++) {
    const tenure = milestones[m];
    const reach = survival[tenure];
    const out = m * H;
    reached.fill(0, out, out + Math.min(tenure, H));
    for (let t = tenure; t < H; t++) {
      let persons = 0;
      for (let p = 0; p < P; p++) persons += placed[p * H + t - tenure] * reach;
      reached[out + t] = persons;
    }
  }
  if (isProgramme && plan.triggers.length > 0) for (let p = 0; p < P; p++) owePerParticipant(plan, ws, p);
}

/**
 * Per-participant triggers of profile p pay by tenure: persons at tenure k times what one person
 * of the type mix is owed at k (base-year euros, indexed to the month), added to the amounts due.
 */
function owePerParticipant(plan: ContractPlan, ws: ContractWorkspace, p: number): void {
  const H = plan.horizon;
  const K = plan.tenureBuckets;
  const T = plan.triggers.length;
  const scratch = ws.population;
  const placed = scratch.counts.placements;
  const survival = scratch.survivalByTenure;
  const mixed = scratch.mixedPaymentByTenure;
  const triggerTenure = ws.triggerTenure;
  const due = ws.dueByTrigger;
  const priceIndex = ws.priceIndex;
  const yearOf = plan.calendar.yearIndexOfMonth;
  const row = p * H;
  // Tenures from K - 1 on (the payment table's last bucket) are one pool with the last hazard.
  const longestTracked = K - 2;
  const lastStay = 1 - ws.hazardByTenure[K - 1];
  const reachLastBucket = survival[K - 1];
  for (let trigger = 0; trigger < T; trigger++) {
    const tenure = triggerTenure[trigger];
    const mixedRow = (p * T + trigger) * K;
    const dueRow = trigger * H;
    if (tenure >= 0) {
      const perStarter = survival[tenure] * mixed[mixedRow + tenure];
      if (perStarter === 0) continue;
      for (let t = tenure; t < H; t++) {
        const amount = placed[row + t - tenure] * perStarter;
        if (amount !== 0) due[dueRow + t] += amount * priceIndex[yearOf[t]];
      }
    } else if (tenure === EVERY_TENURE) {
      const lastValue = mixed[mixedRow + K - 1];
      let lastBucket = 0;
      for (let t = 0; t < H; t++) {
        const newestTenure = t < longestTracked ? t : longestTracked;
        let amount = 0;
        for (let k = 0; k <= newestTenure; k++) amount += placed[row + t - k] * (survival[k] * mixed[mixedRow + k]);
        lastBucket *= lastStay;
        if (t > longestTracked) lastBucket += placed[row + t - longestTracked - 1] * reachLastBucket;
        amount += lastBucket * lastValue;
        if (amount !== 0) due[dueRow + t] += amount * priceIndex[yearOf[t]];
      }
    }
  }
}
