import type { ContractPlan } from '../compile-contract.js';

/**
 * Where the month loop's arrays live in its WebAssembly memory. The WebAssembly phase reads the
 * rates and the intake and writes the histories; the JavaScript around it sees the same bytes
 * as Float64Array views, so nothing is copied between the two but the intake.
 *
 * The histories (`placed`, `monthly`, `savedByProfile`) hold both worlds of a month side by
 * side, `(row * H + t) * 2 + w`, so that one 16-byte store writes a month of both worlds. The
 * counts of drawn persons (`drawn*`, as `ProfileCounts`) are one world after the other,
 * `(w * P + p) * H + t`, as the drawing functions write them.
 */
export const MONTH_LOOP_ARRAYS = [
  'jobIn',
  'jobAfter',
  'otherIn',
  'otherAfter',
  'stayIn',
  'stayAfter',
  'leavingProgramme',
  'backOther',
  'bandHazard',
  'bandStay',
  'bandReach',
  'benefit',
  'administration',
  'inputs',
  'intake',
  'placed',
  'monthly',
  'savedByProfile',
  'drawnOnBenefit',
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
  /** Length of each array in f64 values. */
  length: Record<MonthLoopArray, number>;
  /** Pages of 64 KiB the memory needs. */
  pages: number;
}

const PAGE_BYTES = 65_536;

export function monthLoopMemoryLayout(plan: ContractPlan, inputCount: number, monthlyTotalCount: number): MonthLoopMemoryLayout {
  const P = plan.profiles.length;
  const H = plan.horizon;
  const B = plan.hazardBandStarts.length;
  const lengths: Record<MonthLoopArray, number> = {
    jobIn: 2 * P,
    jobAfter: 2 * P,
    otherIn: 2 * P,
    otherAfter: 2 * P,
    stayIn: 2 * P,
    stayAfter: 2 * P,
    leavingProgramme: 2 * P,
    backOther: 2 * P,
    bandHazard: B,
    bandStay: B,
    bandReach: B,
    benefit: P,
    administration: P,
    inputs: inputCount,
    intake: P * H,
    placed: 2 * P * H,
    monthly: 2 * monthlyTotalCount * H,
    savedByProfile: 2 * P * H,
    drawnOnBenefit: 2 * P * H,
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
