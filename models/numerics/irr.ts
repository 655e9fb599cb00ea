/**
 * Internal rate of return of flows at equal intervals: a rate r per period with
 * sum over t of flows[t] / (1 + r)^t = 0. One solver for the contract (monthly flows) and the
 * fund (yearly flows).
 *
 * Why it is written this way:
 * - The present value is never computed with factors above 1. For r >= 0 the flows are
 *   discounted as usual (factors (1 + r)^-t <= 1); for r < 0 the sum is multiplied by the positive
 *   number (1 + r)^(n-1), which gives the value at the last flow, sum flows[t] (1 + r)^(n-1-t),
 *   with factors <= 1 again (Horner's rule). Both have the same sign and the same roots as the
 *   present value, and agree at r = 0. Discounting directly at -99.9% a month multiplies by
 *   1000^t and overflows past t = 102: every contract of 104 months or more had no IRR.
 *   Trailing zero flows are dropped first, so the value at the last flow cannot underflow to 0.
 * - Several roots can exist when the flows change sign more than once (draws between payments,
 *   a fund's late call). The search walks outward from r = 0 in steps that grow geometrically in
 *   ln(1 + r), alternately up and down with the same step, and solves in the first interval where
 *   the value changes sign: the IRR nearest zero in ln(1 + r), up to the step grid, the
 *   conventional choice. When the cumulative flows change sign once (money out, then back) the
 *   IRR is unique (Norström, Swedish Journal of Economics 74, 1972) and this is it.
 * - Within the interval the Illinois variant of regula falsi (Dowell & Jarratt, BIT 11, 1971)
 *   converges superlinearly and stays bracketed. No closure, no allocation: it runs once per
 *   evaluation inside the model kernels.
 *
 * NaN when the flows do not change sign or no sign change lies in the searched range: an
 * investment that is never repaid has no IRR, and the callers report its loss instead.
 */
const FIRST_STEP = 0.01;
const STEP_GROWTH = 1.5;
const TOLERANCE = 1e-13;
const MAX_ITERATIONS = 300;

/** Monthly search range: -99.9% to +100% a month, in ln(1 + r). */
const LOWEST_MONTHLY_LOG_GROWTH = Math.log(0.001);
const HIGHEST_MONTHLY_LOG_GROWTH = Math.log(2);

/**
 * A number with the sign of the present value of the flows at `rate` per period and zero exactly
 * where it is zero: the present value itself for rate >= 0, the value at the last flow for rate < 0.
 * Every factor is at most 1, so it is finite for every rate above -100% (see the module comment).
 */
export function irrObjective(flows: Float64Array, from: number, length: number, rate: number): number {
  if (rate >= 0) {
    const factor = 1 / (1 + rate);
    let discount = 1;
    let total = 0;
    for (let t = 0; t < length; t++) {
      total += flows[from + t] * discount;
      discount *= factor;
    }
    return total;
  }
  const growth = 1 + rate;
  let value = 0;
  for (let t = 0; t < length; t++) value = value * growth + flows[from + t];
  return value;
}

/** The root in [low, high] (objective values of opposite sign given) by the Illinois method. */
function illinois(flows: Float64Array, from: number, length: number, low: number, valueLow: number, high: number, valueHigh: number): number {
  let side = 0;
  let estimate = low;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    estimate = (low * valueHigh - high * valueLow) / (valueHigh - valueLow);
    const value = irrObjective(flows, from, length, estimate);
    if (value === 0 || high - low < TOLERANCE * (1 + Math.abs(estimate))) return estimate;
    if (value > 0 === valueHigh > 0) {
      high = estimate;
      valueHigh = value;
      if (side === -1) valueLow /= 2;
      side = -1;
    } else {
      low = estimate;
      valueLow = value;
      if (side === 1) valueHigh /= 2;
      side = 1;
    }
  }
  return estimate;
}

/**
 * IRR per period of `length` flows from `from`, searched for ln(1 + r) in
 * [lowestLogGrowth, highestLogGrowth] (lowestLogGrowth < 0 < highestLogGrowth).
 */
export function periodIrr(
  flows: Float64Array,
  from: number,
  length: number,
  lowestLogGrowth: number,
  highestLogGrowth: number,
): number {
  let hasNegative = false;
  let hasPositive = false;
  for (let t = 0; t < length; t++) {
    const flow = flows[from + t];
    if (flow < 0) hasNegative = true;
    else if (flow > 0) hasPositive = true;
  }
  if (!hasNegative || !hasPositive) return Number.NaN;
  // Trailing zeros change no root, but valued at the last month they would shrink every earlier
  // flow by (1 + r)^k and could underflow to exactly 0 (a false root) at steep negative rates.
  // Without them the last flow counts with factor 1, so the objective is 0 only by cancellation.
  while (flows[from + length - 1] === 0) length--;

  const valueAtZero = irrObjective(flows, from, length, 0);
  if (valueAtZero === 0) return 0;
  let upRate = 0;
  let upValue = valueAtZero;
  let downRate = 0;
  let downValue = valueAtZero;
  let upOpen = true;
  let downOpen = true;
  for (let step = FIRST_STEP; upOpen || downOpen; step *= STEP_GROWTH) {
    if (upOpen) {
      const logGrowth = Math.min(step, highestLogGrowth);
      const rate = Math.expm1(logGrowth);
      const value = irrObjective(flows, from, length, rate);
      if (value === 0) return rate;
      if (value > 0 !== upValue > 0) return illinois(flows, from, length, upRate, upValue, rate, value);
      upRate = rate;
      upValue = value;
      upOpen = logGrowth < highestLogGrowth;
    }
    if (downOpen) {
      const logGrowth = Math.max(-step, lowestLogGrowth);
      const rate = Math.expm1(logGrowth);
      const value = irrObjective(flows, from, length, rate);
      if (value === 0) return rate;
      if (value > 0 !== downValue > 0) return illinois(flows, from, length, rate, value, downRate, downValue);
      downRate = rate;
      downValue = value;
      downOpen = logGrowth > lowestLogGrowth;
    }
  }
  return Number.NaN;
}

/** Monthly IRR of monthly flows, searched from -99.9% to +100% a month. */
export function monthlyIrr(flows: Float64Array, from = 0, length = flows.length - from): number {
  return periodIrr(flows, from, length, LOWEST_MONTHLY_LOG_GROWTH, HIGHEST_MONTHLY_LOG_GROWTH);
}

/**
 * Annual IRR of monthly flows: the monthly IRR m annualised as (1 + m)^12 - 1 (the same convention
 * as Excel's XIRR on month-end dates, up to day counts).
 */
export function annualIrr(flows: Float64Array, from = 0, length = flows.length - from): number {
  const monthly = monthlyIrr(flows, from, length);
  return Number.isNaN(monthly) ? Number.NaN : Math.pow(1 + monthly, 12) - 1;
}
