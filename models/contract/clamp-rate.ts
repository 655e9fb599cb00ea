/** Sampled rates may stray outside [0, 1] (a normal around 5%); a rate is a probability. */
export function clampRate(rate: number): number {
  return rate < 0 ? 0 : rate > 1 ? 1 : rate;
}
