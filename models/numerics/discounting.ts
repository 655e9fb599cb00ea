/**
 * Discounting convention used everywhere: a flow in contract month t (0-based) is worth
 * `flow / (1 + r)^(t / 12)` at the start of month 0, with r the annual rate. Month 0 is therefore
 * not discounted and a flow exactly one year later is divided by (1 + r).
 */
export function discountFactor(annualRate: number, month: number): number {
  return Math.pow(1 + annualRate, -month / 12);
}

/** Net present value of monthly flows `flows[from .. from + length)` at an annual rate. */
export function presentValue(flows: Float64Array, annualRate: number, from = 0, length = flows.length - from): number {
  const monthlyFactor = Math.pow(1 + annualRate, -1 / 12);
  let factor = 1;
  let total = 0;
  for (let t = 0; t < length; t++) {
    total += flows[from + t] * factor;
    factor *= monthlyFactor;
  }
  return total;
}
