import { brent } from './brent.js';

/** Monthly rates searched for an IRR: from -99.9% a month (near total loss) to +100% a month. */
const LOWEST_MONTHLY_RATE = -0.999;
const HIGHEST_MONTHLY_RATE = 1;
const IRR_TOLERANCE = 1e-12;

/**
 * Annual internal rate of return of monthly flows: the monthly rate m at which their present value
 * is zero, annualised as (1 + m)^12 - 1 (the same convention as Excel's XIRR on month-end dates,
 * up to day counts). NaN when the flows do not change sign, or when no root lies in the searched
 * range: an investment that is never repaid has no IRR, and the caller reports its loss instead.
 */
export function annualIrr(flows: Float64Array, from = 0, length = flows.length - from): number {
  let hasNegative = false;
  let hasPositive = false;
  for (let t = 0; t < length; t++) {
    const flow = flows[from + t];
    if (flow < 0) hasNegative = true;
    else if (flow > 0) hasPositive = true;
  }
  if (!hasNegative || !hasPositive) return Number.NaN;
  const npv = (monthlyRate: number): number => {
    const factor = 1 / (1 + monthlyRate);
    let discount = 1;
    let total = 0;
    for (let t = 0; t < length; t++) {
      total += flows[from + t] * discount;
      discount *= factor;
    }
    return total;
  };
  const root = brent(npv, LOWEST_MONTHLY_RATE, HIGHEST_MONTHLY_RATE, { tolerance: IRR_TOLERANCE });
  return root.ok ? Math.pow(1 + root.value, 12) - 1 : Number.NaN;
}
