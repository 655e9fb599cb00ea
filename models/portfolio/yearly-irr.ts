import { periodIrr } from '../numerics/irr.js';

/**
 * Internal rate of return of yearly flows: a rate r with sum over k of flows[k] / (1 + r)^k = 0,
 * flows[k] at the start of fund year k (flows[H] at the end of the horizon).
 *
 * The shared solver (models/numerics/irr.ts) walks outward from r = 0 and returns the IRR nearest
 * zero in ln(1 + r) when several exist (a fund that calls a little capital again in its last
 * year); its present value cannot overflow at any horizon.
 *
 * NaN when the flows do not change sign or no IRR lies in [-99%, +1000%] a year (an investment
 * never repaid has no IRR: report its loss instead).
 */
const LOWEST_LOG_GROWTH = Math.log(0.01);
const HIGHEST_LOG_GROWTH = Math.log(11);

export function yearlyIrr(flows: Float64Array, from = 0, length = flows.length - from): number {
  return periodIrr(flows, from, length, LOWEST_LOG_GROWTH, HIGHEST_LOG_GROWTH);
}
