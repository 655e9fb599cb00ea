import { ABSENT, type ContractPlan } from '../compile-contract.js';
import { MONTH_LOOP_INPUTS as I, MONTH_LOOP_SUMS, MONTHLY_TOTALS, type MonthLoopArray, type MonthLoopMemoryLayout } from './month-loop-memory.js';
import { MonthCounter, type History } from './month-counter.js';
import { F64, FunctionBody, I32 } from './wasm-encoder.js';

/**
 * Phase 2 of the month loop with expected rates, generated as WebAssembly for one contract: the
 * months again, for what needs both worlds and all profiles. Per month: the worlds' totals (from
 * phase 1) priced with the year's indices, the deadweight world, milestones reached, the amounts
 * due by trigger (per participant at a tenure, per month in work, per month off benefit
 * attributable, share of savings), the monthly totals the settlement reads, the summary's sums
 * and the yearly series. Scalar double arithmetic, the same operations in the same order as the
 * full kernel (`simulateExpectedWorld`, `bookWorld`, `owePerParticipant`, `addPoolTriggers`,
 * `summarise`), so the same bits; tests/contract/fast-path-agreement.test.ts checks it.
 *
 * Reads and writes only the loop's memory (month-loop-memory.ts); the JavaScript around it
 * copies in the year indices and copies out the amounts due and the settlement's totals.
 */
export function phaseTwoFunction(plan: ContractPlan, memory: MonthLoopMemoryLayout): FunctionBody {
  const H = plan.horizon;
  const P = plan.profiles.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const deadweight = plan.counterfactual.method === 'deadweight';
  const milestones = plan.milestones;
  const threshold = plan.threshold;
  const thresholdMetric = threshold === null ? 0 : threshold.metric === 'placements' ? 1 : threshold.metric === 'benefitMonthsSaved' ? 2 : 3;
  const thresholdMonths = threshold !== null && threshold.milestoneIndex >= 0 ? milestones[threshold.milestoneIndex] : -1;
  const at = memory.at;
  const f = new FunctionBody();

  const month = new MonthCounter(f, memory, H);
  const { t, t8 } = month;
  const year = f.local(I32);
  const yearNow = f.local(I32);
  const k = f.local(I32);
  const newest = f.local(I32);
  const x = () => f.local(F64);
  const [benefitIndex, costIndex, priceIndex] = [x(), x(), x()];
  const [lksMonthly, dws, monthlyDiscount, lastStay, reachLast, discount] = [x(), x(), x(), x(), x(), x()];
  const [yearAvoided, yearLks, yearStarts] = [x(), x(), x()];
  const world = () => ({ starts: x(), lksWorkers: x(), monthsSaved: x(), lksPaid: x(), benefitWork: x(), administrationWork: x(), benefitOther: x(), administrationOther: x() });
  const w0 = world();
  const w1 = world();
  const fellBack0 = x();
  const [reached6, reached12, reached24, reached12C, reachedThresholdP, reachedThresholdC] = [x(), x(), x(), x(), x(), x()];
  const [avoidedNow, lksAttributable, owed, amount] = [x(), x(), x(), x()];
  const sums = Object.fromEntries(Object.keys(MONTH_LOOP_SUMS).map((name) => [name, x()])) as Record<keyof typeof MONTH_LOOP_SUMS, number>;
  // Trigger state, carried over the months.
  const excess = new Map<string, number>();
  const highWater = new Map<string, number>();
  const lastBucket = new Map<string, number>();

  const load = (array: MonthLoopArray, index: number) => f.i32(0).f64Load(at[array] + 8 * index);
  const input = (slot: number) => load('inputs', slot);
  /** Pushes month t - shift of row `row`, world w, of an interleaved history. */
  const history = (array: History, row: number, w: number, shift: number) => f.f64Load(month.history(array, row, shift) + 8 * w);
  const total = (name: (typeof MONTHLY_TOTALS)[number], w: number) => history('monthly', MONTHLY_TOTALS.indexOf(name), w, 0);
  /** Stores the value on the stack at month t of a monthly array (the address goes first: `store(() => value)`). */
  const storeMonth = (array: MonthLoopArray, value: () => void, row = 0) => {
    f.get(t8);
    value();
    f.f64Store(at[array] + 8 * row * H);
  };
  const from = (months: number, body: () => void) => month.from(months, body);
  const flushYear = () => {
    for (const [slot, local] of [[0, yearAvoided], [1, yearLks], [2, yearStarts]] as const) {
      f.get(yearNow).i32(3).i32Mul().i32(slot).i32Add().i32(8).i32Mul().get(local).f64Store(at.yearly);
    }
  };

  // Constants and state.
  input(I.lksMonthly).set(lksMonthly);
  input(I.deadweightShare).set(dws);
  input(I.monthlyDiscount).set(monthlyDiscount);
  input(I.lastStay).set(lastStay);
  input(I.reachLastBucket).set(reachLast);
  f.f64Const(1).set(discount);
  for (const local of Object.values(sums)) f.f64Zero().set(local);
  plan.triggers.forEach((trigger, n) => {
    if (trigger.kind === 'shareOfSavings' && trigger.basis === 'attributable') {
      excess.set(`${n}`, x());
      highWater.set(`${n}`, x());
    } else if (trigger.kind === 'perMonthOffBenefit' && trigger.basis === 'attributable') {
      for (let p = 0; p < P; p++) {
        if (trigger.priceByProfile[p] === ABSENT) continue;
        excess.set(`${n}_${p}`, x());
        highWater.set(`${n}_${p}`, x());
      }
    } else if (trigger.kind === 'perMonthOffBenefit') for (let p = 0; p < P; p++) lastBucket.set(`${n}_${p}`, x());
  });
  for (const local of [...excess.values(), ...highWater.values(), ...lastBucket.values()]) f.f64Zero().set(local);
  f.i32(0).i32Load(at.yearOf).set(yearNow);
  for (const local of [yearAvoided, yearLks, yearStarts]) f.f64Zero().set(local);
  month.begin();
  // The year's indices; the yearly sums flushed when the year changes.
  f.get(t).i32(4).i32Mul().i32Load(at.yearOf).set(year);
  f.get(year).i32(8).i32Mul().f64Load(at.benefitIndex).set(benefitIndex);
  f.get(year).i32(8).i32Mul().f64Load(at.costIndex).set(costIndex);
  f.get(year).i32(8).i32Mul().f64Load(at.priceIndex).set(priceIndex);
  f.get(year).get(yearNow).i32Ne().ifThen();
  flushYear();
  f.get(year).set(yearNow);
  for (const local of [yearAvoided, yearLks, yearStarts]) f.f64Zero().set(local);
  f.end();

  // The worlds' month, priced: lksPaid = lksMonthly * costIndex * workers; benefit x index, administration x index.
  const worlds = deadweight ? [w0] : [w0, w1];
  worlds.forEach((w, index) => {
    total('starts', index);
    f.set(w.starts);
    total('lksWorkers', index);
    f.set(w.lksWorkers);
    if (thresholdMetric === 2) {
      total('monthsSaved', index);
      f.set(w.monthsSaved);
    }
    f.get(lksMonthly).get(costIndex).f64Mul().get(w.lksWorkers).f64Mul().set(w.lksPaid);
    const priced = [
      [benefitIndex, 'bsw', w.benefitWork],
      [costIndex, 'asw', w.administrationWork],
      [benefitIndex, 'bso', w.benefitOther],
      [costIndex, 'aso', w.administrationOther],
    ] as const;
    for (const [priceIndexOfYear, name, local] of priced) {
      f.get(priceIndexOfYear);
      total(name, index);
      f.f64Mul().set(local);
    }
  });
  total('fellBack', 0);
  f.set(fellBack0);
  if (deadweight) {
    // `deriveDeadweightWorld`: `share` of the programme's work outcomes, the same other exits.
    const shared: (keyof typeof w0)[] = ['starts', 'lksPaid', 'benefitWork', 'administrationWork'];
    if (thresholdMetric === 2) shared.push('monthsSaved');
    for (const name of shared) f.get(dws).get(w0[name]).f64Mul().set(w1[name]);
    f.get(w0.benefitOther).set(w1.benefitOther);
    f.get(w0.administrationOther).set(w1.administrationOther);
  }

  // Milestones reached this month: starters `months` ago still in work.
  const reached = (w: number, months: number, local: number) => {
    f.f64Zero().set(local);
    from(months, () => {
      for (let p = 0; p < P; p++) {
        f.get(local);
        history('placed', p, w, months);
        load('survival', months).f64Mul().f64Add().set(local);
      }
    });
  };
  const has = (months: number) => milestones.includes(months);
  if (has(6)) reached(0, 6, reached6);
  else f.f64Zero().set(reached6);
  if (has(12)) reached(0, 12, reached12);
  else f.f64Zero().set(reached12);
  if (has(24)) reached(0, 24, reached24);
  else f.f64Zero().set(reached24);
  if (!has(12)) f.f64Zero().set(reached12C);
  else if (deadweight) f.get(dws).get(reached12).f64Mul().set(reached12C);
  else reached(1, 12, reached12C);
  if (thresholdMetric === 3) {
    reached(0, thresholdMonths, reachedThresholdP);
    if (deadweight) f.get(dws).get(reachedThresholdP).f64Mul().set(reachedThresholdC);
    else reached(1, thresholdMonths, reachedThresholdC);
  }

  // avoidedNow = bw0 + aw0 + bo0 + ao0 - (bw1 + aw1 + bo1 + ao1), left to right as written.
  f.get(w0.benefitWork).get(w0.administrationWork).f64Add().get(w0.benefitOther).f64Add().get(w0.administrationOther).f64Add();
  f.get(w1.benefitWork).get(w1.administrationWork).f64Add().get(w1.benefitOther).f64Add().get(w1.administrationOther).f64Add();
  f.f64Sub().set(avoidedNow);

  // Amounts due by trigger this month, from +0 (the workspace's cleared row) as the full kernel adds them.
  plan.triggers.forEach((trigger, n) => {
    f.f64Zero().set(owed);
    if (trigger.kind === 'jobStart' || trigger.kind === 'sustained') {
      const tenure = trigger.tenure;
      from(tenure, () => {
        for (let p = 0; p < P; p++) {
          f.get(owed);
          history('placed', p, 0, tenure);
          load('perStarter', p * T + n).f64Mul().get(priceIndex).f64Mul().f64Add().set(owed);
        }
      });
    } else if (trigger.kind === 'perMonthOffBenefit' && trigger.basis === 'gross') {
      // Tenures 0 .. min(t, K - 2) one by one, the last bucket as a pool.
      f.get(t).i32(K - 2).i32LtS().ifThen().get(t).set(newest).else().i32(K - 2).set(newest).end();
      for (let p = 0; p < P; p++) {
        const weightRow = (p * T + n) * K;
        const bucket = lastBucket.get(`${n}_${p}`)!;
        f.f64Zero().set(amount);
        f.i32(0).set(k).loop();
        // amount += placed[(p * H + t - k) * 2] * tenureWeight[weightRow + k]
        f.get(amount);
        f.get(t).get(k).i32Sub().i32(16).i32Mul().f64Load(at.placed + p * H * 16);
        f.get(k).i32(8).i32Mul().f64Load(at.tenureWeight + 8 * weightRow).f64Mul().f64Add().set(amount);
        f.get(k).i32(1).i32Add().set(k);
        f.get(newest).get(k).i32GeS().brIf(0);
        f.end();
        f.get(bucket).get(lastStay).f64Mul().set(bucket);
        from(K - 1, () => {
          f.get(bucket);
          history('placed', p, 0, K - 1);
          f.get(reachLast).f64Mul().f64Add().set(bucket);
        });
        f.get(amount).get(bucket);
        load('mixedLast', p * T + n).f64Mul().f64Add().set(amount);
        f.get(amount).f64Zero().f64Ne().ifThen();
        f.get(owed).get(amount).get(priceIndex).f64Mul().f64Add().set(owed);
        f.end();
      }
    } else if (trigger.kind === 'perMonthOffBenefit') {
      for (let p = 0; p < P; p++) {
        if (trigger.priceByProfile[p] === ABSENT) continue;
        const over = excess.get(`${n}_${p}`)!;
        const high = highWater.get(`${n}_${p}`)!;
        // excess += saved (programme) - saved (without); deadweight: saved - dws * saved.
        f.get(over);
        history('savedByProfile', p, 0, 0);
        if (deadweight) {
          f.get(dws);
          history('savedByProfile', p, 0, 0);
          f.f64Mul();
        } else history('savedByProfile', p, 1, 0);
        f.f64Sub().f64Add().set(over);
        f.get(over).get(high).f64Gt().ifThen();
        f.get(owed).get(over).get(high).f64Sub();
        load('prices', p * T + n).f64Mul().get(priceIndex).f64Mul().f64Add().set(owed);
        f.get(over).set(high);
        f.end();
      }
    } else if (trigger.kind === 'shareOfSavings') {
      if (trigger.basis === 'gross') {
        f.get(owed);
        load('shares', n).get(w0.benefitWork).get(w0.administrationWork).f64Add().f64Mul().f64Add().set(owed);
      } else {
        const over = excess.get(`${n}`)!;
        const high = highWater.get(`${n}`)!;
        f.get(over).get(avoidedNow).f64Add().set(over);
        f.get(over).get(high).f64Gt().ifThen();
        f.get(owed);
        load('shares', n).get(over).get(high).f64Sub().f64Mul().f64Add().set(owed);
        f.get(over).set(high);
        f.end();
      }
    } else throw new Error(`generated month loop: trigger kind ${trigger.kind} is not covered`);
    storeMonth('due', () => f.get(owed), n);
  });

  // The monthly totals the settlement reads.
  storeMonth('progPlacements', () => f.get(w0.starts));
  storeMonth('progLks', () => f.get(w0.lksPaid));
  storeMonth('cfLks', () => f.get(w1.lksPaid));
  storeMonth('avoidedAttributable', () => f.get(avoidedNow));
  if (thresholdMetric === 1) storeMonth('cfPlacements', () => f.get(w1.starts));
  else if (thresholdMetric === 2) {
    storeMonth('progMonthsSaved', () => f.get(w0.monthsSaved));
    storeMonth('cfMonthsSaved', () => f.get(w1.monthsSaved));
  } else if (thresholdMetric === 3) {
    storeMonth('progReached', () => f.get(reachedThresholdP));
    storeMonth('cfReached', () => f.get(reachedThresholdC));
  }

  // The summary's sums over months, in `summarise`'s order.
  const addTo = (sum: number, value: () => void) => {
    f.get(sum);
    value();
    f.f64Add().set(sum);
  };
  f.get(w0.lksPaid).get(w1.lksPaid).f64Sub().set(lksAttributable);
  addTo(sums.placements, () => f.get(w0.starts));
  addTo(sums.placementsCounterfactual, () => f.get(w1.starts));
  addTo(sums.fallbacks, () => f.get(fellBack0));
  addTo(sums.avoidedBenefitGross, () => f.get(w0.benefitWork));
  addTo(sums.avoidedAdministrationGross, () => f.get(w0.administrationWork));
  addTo(sums.avoidedCounterfactual, () => f.get(w1.benefitWork).get(w1.administrationWork).f64Add());
  addTo(sums.avoidedAttributable, () => f.get(avoidedNow));
  addTo(sums.lks, () => f.get(w0.lksPaid));
  addTo(sums.lksAttributable, () => f.get(lksAttributable));
  addTo(sums.pvAvoided, () => f.get(avoidedNow).get(discount).f64Mul());
  addTo(sums.pvLksAttributable, () => f.get(lksAttributable).get(discount).f64Mul());
  f.get(discount).get(monthlyDiscount).f64Mul().set(discount);
  addTo(sums.sustained6, () => f.get(reached6));
  addTo(sums.sustained12, () => f.get(reached12));
  addTo(sums.sustained24, () => f.get(reached24));
  addTo(sums.sustained12Counterfactual, () => f.get(reached12C));
  addTo(yearAvoided, () => f.get(avoidedNow));
  addTo(yearLks, () => f.get(lksAttributable));
  addTo(yearStarts, () => f.get(w0.starts));

  month.next();
  flushYear();
  for (const [name, slot] of Object.entries(MONTH_LOOP_SUMS)) f.i32(0).get(sums[name as keyof typeof MONTH_LOOP_SUMS]).f64Store(at.sums + 8 * slot);
  return f;
}
