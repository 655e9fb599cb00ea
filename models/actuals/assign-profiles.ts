import type { ObservedState } from '../contract/observed-state.js';

/**
 * Pooled actuals of a contract with several profiles: each participant taken in is given a
 * profile so that, in order of intake, every profile's count stays as close as possible to its
 * share of those taken in so far (the next person goes to the profile furthest below
 * share x persons; ties to the first). Deterministic, and the counts per profile differ from
 * share x intake by less than one person. The kernel then draws each profile's future with its
 * own rates; the pooled counts themselves are unchanged.
 */
export function assignProfilesByShare(state: ObservedState, shares: readonly number[]): ObservedState {
  const P = shares.length;
  const total = shares.reduce((sum, s) => sum + Math.max(0, s), 0);
  const weights = shares.map((s) => (total > 0 ? Math.max(0, s) / total : 1 / P));
  const persons = state.persons;
  const profile = new Int32Array(persons.count);
  const assigned = new Float64Array(P);
  // Persons are stored in order of intake month, so index order is intake order.
  for (let i = 0; i < persons.count; i++) {
    let best = 0;
    let bestGap = -Infinity;
    for (let p = 0; p < P; p++) {
      const gap = weights[p] * (i + 1) - assigned[p];
      if (gap > bestGap) {
        bestGap = gap;
        best = p;
      }
    }
    profile[i] = best;
    assigned[best] += 1;
  }
  const M = state.months;
  const perProfile = () => new Int32Array(P * M);
  const intake = perProfile();
  const jobStarts = perProfile();
  const fallbacks = perProfile();
  const otherExits = perProfile();
  for (let i = 0; i < persons.count; i++) {
    const row = profile[i] * M;
    intake[row + persons.intakeMonth[i]] += 1;
    if (persons.startMonth[i] >= 0) jobStarts[row + persons.startMonth[i]] += 1;
    if (persons.fallMonth[i] >= 0) fallbacks[row + persons.fallMonth[i]] += 1;
    if (persons.otherExitMonth[i] >= 0) otherExits[row + persons.otherExitMonth[i]] += 1;
  }
  return { ...state, profiles: P, intake, jobStarts, fallbacks, otherExits, persons: { ...persons, profile } };
}
