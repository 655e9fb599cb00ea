import type { ContractPlan } from '../compile-contract.js';

/**
 * Where the month loop's arrays live in its WebAssembly memory. The loop reads the rates, intake,
 * indices and payment weights and writes the histories, the amounts due, the settlement's monthly
 * totals and the summary's sums; the JavaScript around it sees the same bytes as Float64Array
 * views, so little is copied between the two.
 *
 * The histories (`placed`, `monthly`, `savedByProfile`) hold both worlds of a month side by
 * side, `(row * H + t) * 2 + w`, so that one 16-byte store writes a month of both worlds. The
 * counts of drawn persons (`drawn*`, as `ProfileCounts`) are one world after the other,
 * `(w * P + p) * H + t`, as the drawing functions write them.
 */

/** Inputs of one evaluation (`inputs`). */
export const MONTH_LOOP_INPUTS = {
  partTimeMonthsSaved: 0,
  lksMonthly: 1,
  fullTimeShare: 2,
  partTimeShare: 3,
  lksShare: 4,
  deadweightShare: 5,
  monthlyDiscount: 6,
  lastStay: 7,
  reachLastBucket: 8,
} as const;

/** The summary's sums over months (`sums`). */
export const MONTH_LOOP_SUMS = {
  placements: 0,
  placementsCounterfactual: 1,
  fallbacks: 2,
  avoidedBenefitGross: 3,
  avoidedAdministrationGross: 4,
  avoidedCounterfactual: 5,
  avoidedAttributable: 6,
  lks: 7,
  lksAttributable: 8,
  pvAvoided: 9,
  pvLksAttributable: 10,
  sustained6: 11,
  sustained12: 12,
  sustained24: 13,
  sustained12Counterfactual: 14,
} as const;

/** Monthly totals of a world over its profiles, kept between the loop's two phases (`monthly`, `(i * H + t) * 2 + w`). */
export const MONTHLY_TOTALS = ['starts', 'lksWorkers', 'fellBack', 'monthsSaved', 'bsw', 'asw', 'bso', 'aso'] as const;

/** Per year, the yearly sums of the loop (`yearly`, `year * 3 + i`): attributable avoided costs, attributable LKS, starts. */
export const YEARLY_SUMS = 3;

export const MONTH_LOOP_ARRAYS = [
  // Read: per world and profile (`w * P + p`), the expected-rate transition rates.
  'jobIn',
  'jobAfter',
  'otherIn',
  'otherAfter',
  'stayIn',
  'stayAfter',
  'leavingProgramme',
  'backOther',
  // Read: per hazard band; per profile; the scalars; intake `p * H + t`.
  'bandHazard',
  'bandStay',
  'bandReach',
  'benefit',
  'administration',
  'inputs',
  'intake',
  // Read: the year of each month (Int32, written once), the indices by year, survival by tenure,
  // per-participant payments (`p * T + trigger`, by tenure `(p * T + trigger) * K + k`), shares
  // of savings by trigger, prices per month off benefit (`p * T + trigger`).
  'yearOf',
  'benefitIndex',
  'costIndex',
  'priceIndex',
  'survival',
  'perStarter',
  'tenureWeight',
  'mixedLast',
  'shares',
  'prices',
  // Written: the histories.
  'placed',
  'monthly',
  'savedByProfile',
  // Written: amounts due (`trigger * H + t`), the monthly totals the settlement reads, the sums.
  'due',
  'progPlacements',
  'cfPlacements',
  'progLks',
  'cfLks',
  'avoidedAttributable',
  'progMonthsSaved',
  'cfMonthsSaved',
  'progReached',
  'cfReached',
  'yearly',
  'sums',
  // Drawn persons: their counts, read by `bookDrawn`.
  'drawnPlacements',
  'drawnFullTime',
  'drawnPartTime',
  'drawnWithLks',
  'drawnFallbacks',
  'drawnOtherExits',
] as const;
export type MonthLoopArray = (typeof MONTH_LOOP_ARRAYS)[number];

export interface MonthLoopMemoryLayout {
  /** Byte offset of each array (a multiple of 16). */
  at: Record<MonthLoopArray, number>;
  /** Length of each array in f64 values (`yearOf`: room for as many Int32 values). */
  length: Record<MonthLoopArray, number>;
  /** Pages of 64 KiB the memory needs. */
  pages: number;
}

const PAGE_BYTES = 65_536;

export function monthLoopMemoryLayout(plan: ContractPlan): MonthLoopMemoryLayout {
  const P = plan.profiles.length;
  const H = plan.horizon;
  const B = plan.hazardBandStarts.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const years = plan.calendar.yearLabels.length;
  const rates = 2 * P;
  const lengths: Record<MonthLoopArray, number> = {
    jobIn: rates,
    jobAfter: rates,
    otherIn: rates,
    otherAfter: rates,
    stayIn: rates,
    stayAfter: rates,
    leavingProgramme: rates,
    backOther: rates,
    bandHazard: B,
    bandStay: B,
    bandReach: B,
    benefit: P,
    administration: P,
    inputs: Object.keys(MONTH_LOOP_INPUTS).length,
    intake: P * H,
    yearOf: H,
    benefitIndex: years,
    costIndex: years,
    priceIndex: years,
    survival: K,
    perStarter: P * T,
    tenureWeight: P * T * K,
    mixedLast: P * T,
    shares: T,
    prices: P * T,
    placed: 2 * P * H,
    monthly: 2 * MONTHLY_TOTALS.length * H,
    savedByProfile: 2 * P * H,
    due: T * H,
    progPlacements: H,
    cfPlacements: H,
    progLks: H,
    cfLks: H,
    avoidedAttributable: H,
    progMonthsSaved: H,
    cfMonthsSaved: H,
    progReached: H,
    cfReached: H,
    yearly: YEARLY_SUMS * years,
    sums: Object.keys(MONTH_LOOP_SUMS).length,
    drawnPlacements: 2 * P * H,
    drawnFullTime: 2 * P * H,
    drawnPartTime: 2 * P * H,
    drawnWithLks: 2 * P * H,
    drawnFallbacks: 2 * P * H,
    drawnOtherExits: 2 * P * H,
  };
  const at = {} as Record<MonthLoopArray, number>;
  let bytes = 0;
  for (const name of MONTH_LOOP_ARRAYS) {
    at[name] = bytes;
    bytes += Math.ceil((lengths[name] * 8) / 16) * 16;
  }
  return { at, length: lengths, pages: Math.max(1, Math.ceil(bytes / PAGE_BYTES)) };
}

/**
 * Views of every array in `buffer`, as an object literal: built by adding 50 properties in a loop,
 * V8 keeps the object as a dictionary, and every `views.x` in the kernel becomes a hash lookup.
 */
export function monthLoopViews(buffer: ArrayBuffer, layout: MonthLoopMemoryLayout): Record<MonthLoopArray, Float64Array> {
  const view = (name: MonthLoopArray) => new Float64Array(buffer, layout.at[name], layout.length[name]);
  return {
    jobIn: view('jobIn'),
    jobAfter: view('jobAfter'),
    otherIn: view('otherIn'),
    otherAfter: view('otherAfter'),
    stayIn: view('stayIn'),
    stayAfter: view('stayAfter'),
    leavingProgramme: view('leavingProgramme'),
    backOther: view('backOther'),
    bandHazard: view('bandHazard'),
    bandStay: view('bandStay'),
    bandReach: view('bandReach'),
    benefit: view('benefit'),
    administration: view('administration'),
    inputs: view('inputs'),
    intake: view('intake'),
    yearOf: view('yearOf'),
    benefitIndex: view('benefitIndex'),
    costIndex: view('costIndex'),
    priceIndex: view('priceIndex'),
    survival: view('survival'),
    perStarter: view('perStarter'),
    tenureWeight: view('tenureWeight'),
    mixedLast: view('mixedLast'),
    shares: view('shares'),
    prices: view('prices'),
    placed: view('placed'),
    monthly: view('monthly'),
    savedByProfile: view('savedByProfile'),
    due: view('due'),
    progPlacements: view('progPlacements'),
    cfPlacements: view('cfPlacements'),
    progLks: view('progLks'),
    cfLks: view('cfLks'),
    avoidedAttributable: view('avoidedAttributable'),
    progMonthsSaved: view('progMonthsSaved'),
    cfMonthsSaved: view('cfMonthsSaved'),
    progReached: view('progReached'),
    cfReached: view('cfReached'),
    yearly: view('yearly'),
    sums: view('sums'),
    drawnPlacements: view('drawnPlacements'),
    drawnFullTime: view('drawnFullTime'),
    drawnPartTime: view('drawnPartTime'),
    drawnWithLks: view('drawnWithLks'),
    drawnFallbacks: view('drawnFallbacks'),
    drawnOtherExits: view('drawnOtherExits'),
  };
}
