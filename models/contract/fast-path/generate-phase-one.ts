import type { ContractPlan } from '../compile-contract.js';
import type { MonthLoopMemoryLayout, MonthLoopArray } from './month-loop-memory.js';
import { MonthCounter, type History } from './month-counter.js';
import { FunctionBody, I32, F64, V128 } from './wasm-encoder.js';

/**
 * Phase 1 of the month loop with expected rates, generated as WebAssembly for one contract: each
 * profile through all months, its programme world in one f64x2 lane and its counterfactual world
 * in the other. Both worlds of a profile follow the same recurrence with their own rates, and
 * share the profile's intake (and so every branch), so one SIMD instruction does what two scalar
 * ones did. Each lane does the IEEE-754 double operations of `simulateExpectedWorld` and
 * `bookWorld` in the same order as the full kernel (WebAssembly never fuses a multiply and an
 * add), so the same bits; `tests/contract/fast-path-agreement.test.ts` checks it over random
 * contracts. With a deadweight counterfactual there is one world: its rates fill both lanes and
 * the second lane is not read.
 *
 * Memory (see month-loop-memory.ts): rates at `w * P + p`; intake at `p * H + t`; the histories
 * written, both worlds side by side: placements `placed[(p * H + t) * 2 + w]`, the world's
 * monthly totals over profiles `monthly[(i * H + t) * 2 + w]` (i: `MONTHLY_TOTALS`), benefit
 * months saved `savedByProfile[(p * H + t) * 2 + w]`.
 *
 * `bookDrawnFunction` (the module's `bookDrawn`) books drawn persons' counts into the same monthly
 * totals, so that drawn persons need no loop over profiles either.
 */

export interface PhaseOneShape {
  /** Index of each monthly total in `monthly` (MONTHLY_TOTALS order). */
  total: Record<'starts' | 'lksWorkers' | 'fellBack' | 'monthsSaved' | 'bsw' | 'asw' | 'bso' | 'aso', number>;
  /** Index of each scalar input in `inputs` (MONTH_LOOP_INPUTS). */
  input: Record<'partTimeMonthsSaved' | 'fullTimeShare' | 'partTimeShare' | 'lksShare', number>;
  /** Benefit months saved are summed only when a threshold reads them. */
  sumMonthsSaved: boolean;
  /** Benefit months saved by profile are kept only when an attributable per-month trigger reads them. */
  keepSavedByProfile: boolean;
}

export function phaseOneFunction(plan: ContractPlan, memory: MonthLoopMemoryLayout, shape: PhaseOneShape): FunctionBody {
  const H = plan.horizon;
  const A = plan.programmeMonths;
  const P = plan.profiles.length;
  const starts = Array.from(plan.hazardBandStarts);
  const B = starts.length;
  const twoWorlds = plan.counterfactual.method !== 'deadweight';
  const at = memory.at;
  const f = new FunctionBody();

  const month = new MonthCounter(f, memory, H);
  const { t8 } = month;
  const cohorts = f.local(I32);
  const arriving = f.local(F64);
  const leavingNow = f.local(F64);
  const v = () => f.local(V128);
  const [jobIn, jobAfter, otherIn, otherAfter, stayIn, stayAfter, leaving, backOther] = [v(), v(), v(), v(), v(), v(), v(), v()];
  const bh = starts.map(v);
  const bs = starts.map(v);
  const br = starts.map(v);
  const [benefit, administration, ftShare, ptShare, lksShare, ptSaved] = [v(), v(), v(), v(), v(), v()];
  const [wIn, wAfter, back, inWork, exited] = [v(), v(), v(), v(), v()];
  const pool = starts.map(v);
  const [placements, leftWaiting, fallbacks, next, leftBack, full, part, saved, withLks] = [v(), v(), v(), v(), v(), v(), v(), v(), v()];

  /** One f64 at byte `address` in both lanes. */
  const splat = (address: number) => f.i32(0).f64x2LoadSplat(address);
  /** Rates of both worlds of profile p: lane w from `array[w * P + p]`. */
  const pair = (array: MonthLoopArray, p: number) => {
    splat(at[array] + 8 * p);
    f.i32(0).f64Load(at[array] + 8 * ((twoWorlds ? P : 0) + p)).f64x2ReplaceLane(1);
  };
  const history: HistoryAddress = (array, row, shift) => month.history(array, row, shift);
  const from = (months: number, body: () => void) => month.from(months, body);
  /** Pushes intake of profile p in month `t - shift`. */
  const intake = (p: number, shift: number) => {
    const offset = at.intake + (p * H - shift) * 8;
    f.get(t8);
    if (offset >= 0) f.f64Load(offset);
    else f.i32(offset).i32Add().f64Load(0);
  };
  const product = (a: number, b: number) => f.get(a).get(b).f64x2Mul();

  splat(at.inputs + 8 * shape.input.fullTimeShare).set(ftShare);
  splat(at.inputs + 8 * shape.input.partTimeShare).set(ptShare);
  splat(at.inputs + 8 * shape.input.lksShare).set(lksShare);
  splat(at.inputs + 8 * shape.input.partTimeMonthsSaved).set(ptSaved);
  for (let b = 0; b < B; b++) {
    splat(at.bandHazard + 8 * b).set(bh[b]);
    splat(at.bandStay + 8 * b).set(bs[b]);
    splat(at.bandReach + 8 * b).set(br[b]);
  }

  for (let p = 0; p < P; p++) {
    pair('jobIn', p);
    f.set(jobIn);
    pair('jobAfter', p);
    f.set(jobAfter);
    pair('otherIn', p);
    f.set(otherIn);
    pair('otherAfter', p);
    f.set(otherAfter);
    pair('stayIn', p);
    f.set(stayIn);
    pair('stayAfter', p);
    f.set(stayAfter);
    pair('leavingProgramme', p);
    f.set(leaving);
    pair('backOther', p);
    f.set(backOther);
    splat(at.benefit + 8 * p).set(benefit);
    splat(at.administration + 8 * p).set(administration);
    for (const state of [wIn, wAfter, back, inWork, exited, ...pool]) f.v128Zero().set(state);
    f.i32(0).set(cohorts);
    month.begin();
    // placements = jobIn * wIn + jobAfter * wAfter; leftWaiting likewise with the other-exit rates.
    product(jobIn, wIn);
    product(jobAfter, wAfter);
    f.f64x2Add().set(placements);
    product(otherIn, wIn);
    product(otherAfter, wAfter);
    f.f64x2Add().set(leftWaiting);
    // wAfter *= stayAfter; from month A: wAfter += intake[t - A] * leaving.
    product(wAfter, stayAfter).set(wAfter);
    from(A, () => {
      f.get(wAfter);
      intake(p, A);
      f.f64x2Splat().get(leaving).f64x2Mul().f64x2Add().set(wAfter);
    });
    const placedNow = history('placed', p, 0);
    f.get(placements).v128Store(placedNow);
    // Hazard bands of persons in work.
    f.v128Zero().set(fallbacks);
    for (let b = 0; b < B; b++) {
      f.get(fallbacks);
      product(bh[b], pool[b]);
      f.f64x2Add().set(fallbacks);
      product(bs[b], pool[b]).set(next);
      if (starts[b] === 0) {
        f.get(next);
        product(placements, br[b]);
        f.f64x2Add().set(next);
      } else
        from(starts[b], () => {
          f.get(next);
          const offset = history('placed', p, starts[b]);
          f.v128Load(offset).get(br[b]).f64x2Mul().f64x2Add().set(next);
        });
      if (b + 1 < B)
        from(starts[b + 1], () => {
          f.get(next);
          const offset = history('placed', p, starts[b + 1]);
          f.v128Load(offset).get(br[b + 1]).f64x2Mul().f64x2Sub().set(next);
        });
      f.get(next).set(pool[b]);
    }
    // back += fallbacks; inWork += placements - fallbacks; leftBack = back * backOther; back -= leftBack.
    f.get(back).get(fallbacks).f64x2Add().set(back);
    f.get(inWork).get(placements).get(fallbacks).f64x2Sub().f64x2Add().set(inWork);
    product(back, backOther).set(leftBack);
    f.get(back).get(leftBack).f64x2Sub().set(back);
    // Waiting persons of the programme's cohorts: wIn *= stayIn; arrivals and those leaving the programme.
    product(wIn, stayIn).set(wIn);
    intake(p, 0);
    f.set(arriving).get(arriving).f64Zero().f64Ne().ifThen();
    f.get(wIn).get(arriving).f64x2Splat().f64x2Add().set(wIn);
    f.get(cohorts).i32(1).i32Add().set(cohorts);
    f.end();
    from(A, () => {
      intake(p, A);
      f.set(leavingNow).get(leavingNow).f64Zero().f64Ne().ifThen();
      f.get(wIn).get(leavingNow).f64x2Splat().get(leaving).f64x2Mul().f64x2Sub().set(wIn);
      f.get(cohorts).i32(1).i32Sub().set(cohorts);
      f.end();
    });
    f.get(cohorts).i32Eqz().ifThen().v128Zero().set(wIn).end();
    // Booking: full-time, part-time and with loonkostensubsidie; exits for other reasons.
    product(ftShare, inWork).set(full);
    product(ptShare, inWork).set(part);
    product(lksShare, inWork).set(withLks);
    f.get(exited).get(leftWaiting).get(leftBack).f64x2Add().f64x2Add().set(exited);
    f.get(full);
    product(part, ptSaved);
    f.f64x2Add().set(saved);
    bookMonth(f, { p, fromZero: false, saved, full, exited, benefit, administration, placements, withLks, fallbacks }, history, shape);
    month.next();
  }
  return f;
}

/** The locals of one profile-month that `bookMonth` books, both worlds in their lanes. */
interface BookedMonth {
  p: number;
  /** Sums start from +0 (the drawn loop's `let starts = 0; starts += ...`) instead of taking the first profile's value. */
  fromZero: boolean;
  saved: number;
  full: number;
  exited: number;
  benefit: number;
  administration: number;
  placements: number;
  withLks: number;
  fallbacks: number;
}

/** `MonthCounter.history` of the function being written. */
type HistoryAddress = (array: History, row: number, shift: number) => number;

/**
 * Adds a profile's month into its worlds' monthly totals (summed over profiles in profile order),
 * as `bookWorld` books it: starts, workers with LKS, fall-backs, benefit months saved (when
 * read), benefit and administration saved by work and by other exits; and keeps the profile's
 * benefit months saved when a trigger reads them.
 */
function bookMonth(f: FunctionBody, m: BookedMonth, history: HistoryAddress, shape: PhaseOneShape): void {
  const product = (a: number, b: number) => f.get(a).get(b).f64x2Mul();
  const into = (name: keyof PhaseOneShape['total'], value: () => void) => {
    const offset = history('monthly', shape.total[name], 0);
    if (m.p > 0) {
      const again = history('monthly', shape.total[name], 0);
      f.v128Load(again);
      value();
      f.f64x2Add();
    } else if (m.fromZero) {
      f.v128Zero();
      value();
      f.f64x2Add();
    } else value();
    f.v128Store(offset);
  };
  into('starts', () => f.get(m.placements));
  into('lksWorkers', () => f.get(m.withLks));
  into('fellBack', () => f.get(m.fallbacks));
  if (shape.sumMonthsSaved) into('monthsSaved', () => f.get(m.saved));
  if (shape.keepSavedByProfile) {
    const offset = history('savedByProfile', m.p, 0);
    f.get(m.saved).v128Store(offset);
  }
  into('bsw', () => product(m.benefit, m.saved));
  into('asw', () => product(m.administration, m.full));
  into('bso', () => product(m.benefit, m.exited));
  into('aso', () => product(m.administration, m.exited));
}

/**
 * Drawn persons: the drawn counts of both worlds booked into the same monthly totals as phase 1
 * writes, month by month per profile, with the arithmetic of the summary kernel's drawn month
 * loop (which was `bookWorld`'s): others gone so far, benefit months saved, and the sums.
 */
export function bookDrawnFunction(plan: ContractPlan, memory: MonthLoopMemoryLayout, shape: PhaseOneShape): FunctionBody {
  const H = plan.horizon;
  const P = plan.profiles.length;
  const twoWorlds = plan.counterfactual.method !== 'deadweight';
  const at = memory.at;
  const f = new FunctionBody();
  const month = new MonthCounter(f, memory, H);
  const { t8 } = month;
  const v = () => f.local(V128);
  const [benefit, administration, ptSaved, exited] = [v(), v(), v(), v()];
  const [placements, fallbacks, left, full, part, withLks, saved] = [v(), v(), v(), v(), v(), v(), v()];
  const history: HistoryAddress = (array, row, shift) => month.history(array, row, shift);
  /** Count `array` of profile p in month t, world w in lane w (a deadweight world: the programme's in both). */
  const counts = (array: MonthLoopArray, p: number) => {
    f.get(t8).f64x2LoadSplat(at[array] + 8 * p * H);
    f.get(t8).f64Load(at[array] + 8 * ((twoWorlds ? P : 0) + p) * H).f64x2ReplaceLane(1);
  };
  f.i32(0).f64x2LoadSplat(at.inputs + 8 * shape.input.partTimeMonthsSaved).set(ptSaved);
  for (let p = 0; p < P; p++) {
    f.i32(0).f64x2LoadSplat(at.benefit + 8 * p).set(benefit);
    f.i32(0).f64x2LoadSplat(at.administration + 8 * p).set(administration);
    f.v128Zero().set(exited);
    month.begin();
    counts('drawnPlacements', p);
    f.set(placements);
    counts('drawnFallbacks', p);
    f.set(fallbacks);
    counts('drawnOtherExits', p);
    f.set(left);
    counts('drawnFullTime', p);
    f.set(full);
    counts('drawnPartTime', p);
    f.set(part);
    counts('drawnWithLks', p);
    f.set(withLks);
    // exited += left; saved = full + part * ptSaved.
    f.get(exited).get(left).f64x2Add().set(exited);
    f.get(full).get(part).get(ptSaved).f64x2Mul().f64x2Add().set(saved);
    bookMonth(f, { p, fromZero: true, saved, full, exited, benefit, administration, placements, withLks, fallbacks }, history, shape);
    month.next();
  }
  return f;
}
