import type { ContractPlan } from './compile-contract.js';

/**
 * What has already happened in a running contract, in the kernel's terms: months 0 .. months - 1
 * are observed, per profile, as whole persons (intake, job starts, fall-backs, other exits), with
 * the outcome payments made. A re-forecast starts the drawn-person kernel from this state
 * (`observed-persons.ts`); without one, every kernel runs exactly as before.
 *
 * Aggregate counts do not say which person started or fell back, so the persons are rebuilt by a
 * fixed rule (`rebuildObservedPersons`): job starts and other exits take the longest-waiting
 * participants first (first in, first out); fall-backs take the most recent starters first, because
 * the fall-back hazard is highest in the first months in work (CBS 2021: 82% still in work after 6
 * months, 72% after 18). The rule is deterministic, so the same actuals always give the same state.
 */
export interface ObservedState {
  /** Observed months: 0 .. months - 1 (the as-of month is the last of them). */
  readonly months: number;
  readonly profiles: number;
  /** Whole persons per profile and observed month, at `p * months + t`. */
  readonly intake: Int32Array;
  readonly jobStarts: Int32Array;
  readonly fallbacks: Int32Array;
  readonly otherExits: Int32Array;
  /** Outcome payments made in each observed month (euros, nominal). */
  readonly payments: Float64Array;
  /** The persons rebuilt from the counts, one entry per participant taken in so far. */
  readonly persons: ObservedPersons;
}

/** One participant per index: where each stands after the observed months (-1: not happened). */
export interface ObservedPersons {
  readonly count: number;
  readonly profile: Int32Array;
  readonly intakeMonth: Int32Array;
  /** Month the benefit spell ended in work, or -1. */
  readonly startMonth: Int32Array;
  /** Month the person fell back onto bijstand after work, or -1. */
  readonly fallMonth: Int32Array;
  /** Month the person left bijstand for other reasons (while waiting), or -1. */
  readonly otherExitMonth: Int32Array;
}

export interface ObservedCounts {
  months: number;
  profiles: number;
  intake: ArrayLike<number>;
  jobStarts: ArrayLike<number>;
  fallbacks: ArrayLike<number>;
  otherExits: ArrayLike<number>;
  payments: ArrayLike<number>;
}

/** Which count of which profile and month cannot be met by the persons there are. */
export interface ObservedStateProblem {
  profile: number;
  month: number;
  field: 'jobStarts' | 'fallbacks' | 'otherExits';
  message: string;
}

/**
 * Rebuilds the persons behind the counts, month by month in the kernel's order (fall-backs of
 * those in work, then job starts and other exits of those waiting, then the month's intake).
 * Returns the first count that more persons than there are would have to meet.
 */
export function rebuildObservedState(counts: ObservedCounts): { ok: true; value: ObservedState } | { ok: false; error: ObservedStateProblem } {
  const { months, profiles } = counts;
  let total = 0;
  for (let i = 0; i < months * profiles; i++) total += counts.intake[i];
  const persons = {
    count: total,
    profile: new Int32Array(total),
    intakeMonth: new Int32Array(total),
    startMonth: new Int32Array(total).fill(-1),
    fallMonth: new Int32Array(total).fill(-1),
    otherExitMonth: new Int32Array(total).fill(-1),
  };
  let next = 0;
  for (let p = 0; p < profiles; p++) {
    // Waiting persons in order of intake; workers in order of start (both as index lists).
    const waiting: number[] = [];
    const working: number[] = [];
    for (let t = 0; t < months; t++) {
      const at = p * months + t;
      const falling = counts.fallbacks[at];
      if (falling > working.length)
        return { ok: false, error: { profile: p, month: t, field: 'fallbacks', message: `${falling} fall-backs but only ${working.length} persons were in work at the start of the month` } };
      for (let k = 0; k < falling; k++) persons.fallMonth[working.pop()!] = t;
      const starting = counts.jobStarts[at];
      const leaving = counts.otherExits[at];
      if (starting > waiting.length)
        return { ok: false, error: { profile: p, month: t, field: 'jobStarts', message: `${starting} job starts but only ${waiting.length} participants were waiting (on bijstand, not yet placed) at the start of the month` } };
      if (starting + leaving > waiting.length)
        return { ok: false, error: { profile: p, month: t, field: 'otherExits', message: `${leaving} other exits and ${starting} job starts but only ${waiting.length} participants were waiting at the start of the month` } };
      for (let k = 0; k < starting; k++) {
        const person = waiting.shift()!;
        persons.startMonth[person] = t;
        working.push(person);
      }
      for (let k = 0; k < leaving; k++) persons.otherExitMonth[waiting.shift()!] = t;
      for (let k = 0; k < counts.intake[at]; k++) {
        persons.profile[next] = p;
        persons.intakeMonth[next] = t;
        waiting.push(next++);
      }
    }
  }
  return {
    ok: true,
    value: {
      months,
      profiles,
      intake: Int32Array.from(counts.intake),
      jobStarts: Int32Array.from(counts.jobStarts),
      fallbacks: Int32Array.from(counts.fallbacks),
      otherExits: Int32Array.from(counts.otherExits),
      payments: Float64Array.from(counts.payments),
      persons,
    },
  };
}

/** Whether an observed state fits a plan: as many profiles, and observed months within the horizon. */
export function observedStateFits(plan: ContractPlan, observed: ObservedState): boolean {
  return observed.profiles === plan.profiles.length && observed.months <= plan.horizon;
}
