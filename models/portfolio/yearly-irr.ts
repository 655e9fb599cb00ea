/**
 * Internal rate of return of yearly flows: a rate r with sum over k of flows[k] / (1 + r)^k = 0,
 * flows[k] at the start of fund year k (flows[H] at the end of the horizon).
 *
 * Flows with more than one sign change (a fund that calls a little capital again in its last
 * year) can have several IRRs, and the net present value at the ends of a wide range then has
 * the same sign. So the search walks outward from r = 0 in steps that grow geometrically in
 * ln(1 + r), alternately up and down, and takes the first interval where the net present value
 * changes sign: the IRR closest to zero (in ln(1 + r)), the conventional choice. Within it the
 * Illinois variant of regula falsi (Dowell & Jarratt, BIT 11, 1971) converges superlinearly and
 * stays bracketed. No closure, no allocation: it runs inside the model kernel.
 *
 * NaN when the flows do not change sign or no IRR lies in [-99%, +1000%] a year (an investment
 * never repaid has no IRR: report its loss instead).
 */
const LOWEST_LOG_GROWTH = Math.log(0.01);
const HIGHEST_LOG_GROWTH = Math.log(11);
const FIRST_STEP = 0.01;
const STEP_GROWTH = 1.5;
const TOLERANCE = 1e-13;
const MAX_ITERATIONS = 300;

function netPresentValue(flows: Float64Array, from: number, length: number, rate: number): number {
  const factor = 1 / (1 + rate);
  let discount = 1;
  let total = 0;
  for (let k = 0; k < length; k++) {
    total += flows[from + k] * discount;
    discount *= factor;
  }
  return total;
}

/** The root in [low, high] (values of opposite sign given) by the Illinois method. */
function illinois(flows: Float64Array, from: number, length: number, low: number, valueLow: number, high: number, valueHigh: number): number {
  let side = 0;
  let estimate = low;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    estimate = (low * valueHigh - high * valueLow) / (valueHigh - valueLow);
    const value = netPresentValue(flows, from, length, estimate);
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

export function yearlyIrr(flows: Float64Array, from = 0, length = flows.length - from): number {
  let hasNegative = false;
  let hasPositive = false;
  for (let k = 0; k < length; k++) {
    const flow = flows[from + k];
    if (flow < 0) hasNegative = true;
    else if (flow > 0) hasPositive = true;
  }
  if (!hasNegative || !hasPositive) return Number.NaN;

  const valueAtZero = netPresentValue(flows, from, length, 0);
  if (valueAtZero === 0) return 0;
  let upRate = 0;
  let upValue = valueAtZero;
  let downRate = 0;
  let downValue = valueAtZero;
  let upOpen = true;
  let downOpen = true;
  for (let step = FIRST_STEP; upOpen || downOpen; step *= STEP_GROWTH) {
    if (upOpen) {
      const logGrowth = Math.min(step, HIGHEST_LOG_GROWTH);
      const rate = Math.exp(logGrowth) - 1;
      const value = netPresentValue(flows, from, length, rate);
      if (value === 0) return rate;
      if (value > 0 !== upValue > 0) return illinois(flows, from, length, upRate, upValue, rate, value);
      upRate = rate;
      upValue = value;
      upOpen = logGrowth < HIGHEST_LOG_GROWTH;
    }
    if (downOpen) {
      const logGrowth = Math.max(-step, LOWEST_LOG_GROWTH);
      const rate = Math.exp(logGrowth) - 1;
      const value = netPresentValue(flows, from, length, rate);
      if (value === 0) return rate;
      if (value > 0 !== downValue > 0) return illinois(flows, from, length, rate, value, downRate, downValue);
      downRate = rate;
      downValue = value;
      downOpen = logGrowth > LOWEST_LOG_GROWTH;
    }
  }
  return Number.NaN;
}
