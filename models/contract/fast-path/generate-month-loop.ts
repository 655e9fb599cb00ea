import { ABSENT, type ContractPlan } from '../compile-contract.js';
import { phaseOneModule, type PhaseOneShape } from './generate-phase-one.js';
import { MONTH_LOOP_ARRAYS, monthLoopMemoryLayout, type MonthLoopArray, type MonthLoopMemoryLayout } from './month-loop-memory.js';

/**
 * The month loop of the summary kernel with expected rates, generated per compiled contract so
 * that it is optimised for that contract alone: profiles, worlds and hazard bands unrolled, each
 * one's state in locals, trigger kinds, tenures and slots as constants. It is the loop of
 * `evaluateSummary` (summary-kernel.ts) written out for the contract: the recurrences of
 * `simulateExpectedWorld`, the booking of `bookWorld`, the per-participant and pool triggers, the
 * deadweight world, and the summary's sums over months, with the same arithmetic in the same
 * order (so the same bits; the agreement test checks it). Two phases:
 * - phase 1, WebAssembly (generate-phase-one.ts): each profile through all months, both worlds
 *   in the two lanes of f64x2 instructions, into the worlds' monthly totals;
 * - phase 2, JavaScript (this file): the months again, for what needs both worlds and all
 *   profiles: milestones, amounts due, the totals the settlement reads and the summary's sums.
 * Phase 1 is where the recurrences are (360 profile-months on the bench contract against 60
 * months here); in JavaScript it took about half of an evaluation, in WebAssembly a third of that.
 *
 * The generated text and bytes hold only integers taken from the plan (checked to be integers)
 * and this code's own identifiers and opcodes: no string from a request ever reaches them.
 */

/** What the generated loop reads and writes; one object per workspace, its shape fixed. */
export interface MonthLoopContext {
  params: Float64Array;
  /** Intake by profile and month, `p * H + t` (the full kernel's); copied into `loopIntake` before phase 1. */
  intake: Float64Array;
  /** Phase 1 of this workspace's loop (WebAssembly), and the views of its memory: see month-loop-memory.ts. */
  phaseOne: () => void;
  loopIntake: Float64Array;
  /** Placements by profile and month, both worlds side by side: `(p * H + t) * 2 + w`. */
  placed: Float64Array;
  jobIn: Float64Array;
  jobAfter: Float64Array;
  otherIn: Float64Array;
  otherAfter: Float64Array;
  stayIn: Float64Array;
  stayAfter: Float64Array;
  leavingProgramme: Float64Array;
  backOther: Float64Array;
  bandHazard: Float64Array;
  bandStay: Float64Array;
  bandReach: Float64Array;
  benefit: Float64Array;
  administration: Float64Array;
  survival: Float64Array;
  perStarter: Float64Array;
  tenureWeight: Float64Array;
  mixed: Float64Array;
  due: Float64Array;
  benefitIndex: Float64Array;
  costIndex: Float64Array;
  priceIndex: Float64Array;
  yearOf: Int32Array;
  progPlacements: Float64Array;
  cfPlacements: Float64Array;
  progLks: Float64Array;
  cfLks: Float64Array;
  avoidedAttributable: Float64Array;
  progMonthsSaved: Float64Array;
  cfMonthsSaved: Float64Array;
  progReached: Float64Array;
  cfReached: Float64Array;
  series: Float64Array;
  /** Monthly totals of each world between the loop's two phases, `(i * H + t) * 2 + w`: see `MONTHLY_TOTALS`. */
  monthly: Float64Array;
  /** Benefit months saved by profile and month, `(p * H + t) * 2 + w` (read by attributable per-month triggers). */
  savedByProfile: Float64Array;
  /** Inputs of one evaluation: see `MONTH_LOOP_INPUTS`. */
  inputs: Float64Array;
  /** The summary's sums over months: see `MONTH_LOOP_SUMS`. */
  sums: Float64Array;
}

export const MONTH_LOOP_INPUTS = {
  partTimeMonthsSaved: 0,
  lksMonthly: 1,
  fullTimeShare: 2,
  partTimeShare: 3,
  lksShare: 4,
  deadweightShare: 5,
  monthlyDiscount: 6,
  lastStay: 7,
  reachLastBucket: 8,
} as const;

export const MONTH_LOOP_SUMS = {
  placements: 0,
  placementsCounterfactual: 1,
  fallbacks: 2,
  avoidedBenefitGross: 3,
  avoidedAdministrationGross: 4,
  avoidedCounterfactual: 5,
  avoidedAttributable: 6,
  lks: 7,
  lksAttributable: 8,
  pvAvoided: 9,
  pvLksAttributable: 10,
  sustained6: 11,
  sustained12: 12,
  sustained24: 13,
  sustained12Counterfactual: 14,
} as const;

/** Monthly totals of a world over its profiles, kept between the two phases of the loop (`monthly`, `(i * H + t) * 2 + w`). */
export const MONTHLY_TOTALS = ['starts', 'lksWorkers', 'fellBack', 'monthsSaved', 'bsw', 'asw', 'bso', 'aso'] as const;

export type MonthLoop = (context: MonthLoopContext) => void;

/** A contract's month loop: phase 2 as a JavaScript function, phase 1 as a WebAssembly module, and the memory layout both read. */
export interface CompiledMonthLoop {
  run: MonthLoop;
  phaseOne: WebAssembly.Module;
  memory: MonthLoopMemoryLayout;
}

const generated = new WeakMap<ContractPlan, CompiledMonthLoop>();

/**
 * Month loops by their program text and module bytes, the most recently used last. A request
 * compiles its contract afresh, but the same contract (rerun, or run again with other settings)
 * gives the same loop: it gets the function V8 has already optimised instead of a new one that
 * starts in the interpreter (on the bench contract the first thousand evaluations of a new
 * function cost about 20 ms).
 */
const bySource = new Map<string, CompiledMonthLoop>();
/**
 * Distinct month loops kept. Each is a few kilobytes of code; 64 is far more distinct contracts
 * than a service runs at once (jobs are limited per organisation), so a contract being worked on
 * stays, while a stream of distinct contracts cannot grow the cache.
 */
export const KEPT_LOOPS = 64;

/** Distinct month loops kept now (at most KEPT_LOOPS). */
export const keptMonthLoops = (): number => bySource.size;

/** The contract's month loop, generated once per plan, shared by plans with the same loop. */
export function monthLoopFor(plan: ContractPlan): CompiledMonthLoop {
  let loop = generated.get(plan);
  if (loop === undefined) {
    const source = monthLoopSource(plan);
    const memory = monthLoopMemoryLayout(plan, Object.keys(MONTH_LOOP_INPUTS).length, MONTHLY_TOTALS.length);
    const bytes = phaseOneModule(plan, memory, phaseOneShape(plan));
    const key = `${source}\n${bytes.join(',')}`;
    loop = bySource.get(key);
    if (loop === undefined) {
      loop = { run: new Function(source)() as MonthLoop, phaseOne: new WebAssembly.Module(bytes), memory };
      if (bySource.size >= KEPT_LOOPS) bySource.delete(bySource.keys().next().value!);
    } else bySource.delete(key);
    bySource.set(key, loop);
    generated.set(plan, loop);
  }
  return loop;
}

/** A workspace's own instance of the loop's phase 1 with its own memory, and the views of that memory. */
export function instantiateMonthLoop(loop: CompiledMonthLoop): {
  phaseOne: () => void;
  bookDrawn: () => void;
  views: Record<MonthLoopArray, Float64Array>;
} {
  const memory = new WebAssembly.Memory({ initial: loop.memory.pages });
  const instance = new WebAssembly.Instance(loop.phaseOne, { env: { memory } });
  const views = {} as Record<MonthLoopArray, Float64Array>;
  for (const name of MONTH_LOOP_ARRAYS) views[name] = new Float64Array(memory.buffer, loop.memory.at[name], loop.memory.length[name]);
  return { phaseOne: instance.exports.phaseOne as () => void, bookDrawn: instance.exports.bookDrawn as () => void, views };
}

function phaseOneShape(plan: ContractPlan): PhaseOneShape {
  const index = (name: (typeof MONTHLY_TOTALS)[number]) => MONTHLY_TOTALS.indexOf(name);
  return {
    total: {
      starts: index('starts'),
      lksWorkers: index('lksWorkers'),
      fellBack: index('fellBack'),
      monthsSaved: index('monthsSaved'),
      bsw: index('bsw'),
      asw: index('asw'),
      bso: index('bso'),
      aso: index('aso'),
    },
    input: {
      partTimeMonthsSaved: MONTH_LOOP_INPUTS.partTimeMonthsSaved,
      fullTimeShare: MONTH_LOOP_INPUTS.fullTimeShare,
      partTimeShare: MONTH_LOOP_INPUTS.partTimeShare,
      lksShare: MONTH_LOOP_INPUTS.lksShare,
    },
    sumMonthsSaved: plan.threshold !== null && plan.threshold.metric === 'benefitMonthsSaved',
    keepSavedByProfile: plan.triggers.some((t) => t.kind === 'perMonthOffBenefit' && t.basis === 'attributable'),
  };
}

/** An integer from the plan as program text; anything else is a bug, never code. */
function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`generated month loop: ${value} is not an integer`);
  return String(value);
}

export function monthLoopSource(plan: ContractPlan): string {
  const H = plan.horizon;
  const P = plan.profiles.length;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const deadweight = plan.counterfactual.method === 'deadweight';
  const worlds = deadweight ? 1 : 2;
  const milestones = plan.milestones;
  const threshold = plan.threshold;
  const thresholdMetric = threshold === null ? 0 : threshold.metric === 'placements' ? 1 : threshold.metric === 'benefitMonthsSaved' ? 2 : 3;
  const thresholdMonths = threshold !== null && threshold.milestoneIndex >= 0 ? milestones[threshold.milestoneIndex] : -1;
  const thresholdRow = threshold !== null && threshold.milestoneIndex >= 0 ? threshold.milestoneIndex * H : -1;
  const I = MONTH_LOOP_INPUTS;
  const Sm = MONTH_LOOP_SUMS;
  const lines: string[] = [];
  const add = (line: string) => lines.push(line);

  add('"use strict";');
  add('return function monthLoop(c) {');
  add('const placed = c.placed, due = c.due, params = c.params, survival = c.survival, mixed = c.mixed;');
  add('const perStarter = c.perStarter, tenureWeight = c.tenureWeight, yearOf = c.yearOf, series = c.series, inp = c.inputs;');
  add('const bI = c.benefitIndex, cI = c.costIndex, pI = c.priceIndex;');
  add(`const lksMonthly = inp[${I.lksMonthly}];`);
  add(`const dws = inp[${I.deadweightShare}], monthlyDiscount = inp[${I.monthlyDiscount}], lastStay = inp[${I.lastStay}], reachLast = inp[${I.reachLastBucket}];`);
  // Trigger state and constants.
  plan.triggers.forEach((trigger, n) => {
    if (trigger.kind === 'shareOfSavings') {
      add(`const share${n} = Math.min(1, Math.max(0, params[${int(trigger.share)}]));`);
      if (trigger.basis === 'attributable') add(`let excess${n} = 0, highWater${n} = 0;`);
    } else if (trigger.kind === 'perMonthOffBenefit' && trigger.basis === 'attributable') {
      for (let p = 0; p < P; p++) if (trigger.priceByProfile[p] !== ABSENT) add(`let excess${n}_${p} = 0, highWater${n}_${p} = 0;`);
    } else if (trigger.kind === 'perMonthOffBenefit') {
      for (let p = 0; p < P; p++) add(`let lastBucket${n}_${p} = 0;`);
    }
  });
  for (const [name] of Object.entries(Sm)) add(`let sum_${name} = 0;`);
  add('let discount = 1;');

  // Phase 1, in WebAssembly (generate-phase-one.ts): each profile through all months, both worlds
  // at once, writing placements and the worlds' monthly totals into the shared memory.
  const total = (w: number, name: (typeof MONTHLY_TOTALS)[number]) => int(2 * MONTHLY_TOTALS.indexOf(name) * H + w);
  add('c.loopIntake.set(c.intake); c.phaseOne();');
  add('const monthly = c.monthly, savedByProfile = c.savedByProfile;');

  // Phase 2: the months again, for what needs both worlds and all profiles. The yearly series are
  // summed over the year's months in locals and added when the year ends (months run in calendar
  // order and each series starts from 0, so the same bits as adding month by month).
  const years = plan.calendar.yearLabels.length;
  const flushYear = () =>
    add(`series[${int(years)} + yearNow] += yearAvoided; series[${int(2 * years)} + yearNow] += yearLks; series[${int(7 * years)} + yearNow] += yearStarts;`);
  add('let yearNow = yearOf[0], yearAvoided = 0, yearLks = 0, yearStarts = 0;');
  add(`for (let t = 0; t < ${int(H)}; t++) {`);
  add('const t2 = 2 * t, year = yearOf[t]; const benefitIndex = bI[year], costIndex = cI[year], priceIndex = pI[year];');
  add('if (year !== yearNow) {');
  flushYear();
  add('yearNow = year; yearAvoided = 0; yearLks = 0; yearStarts = 0;');
  add('}');
  for (let w = 0; w < worlds; w++) {
    add(
      `const starts${w} = monthly[${total(w, 'starts')} + t2], lksWorkers${w} = monthly[${total(w, 'lksWorkers')} + t2];` +
        (w === 0 ? ` const fellBack0 = monthly[${total(0, 'fellBack')} + t2];` : '') +
        (thresholdMetric === 2 ? ` const monthsSaved${w} = monthly[${total(w, 'monthsSaved')} + t2];` : ''),
    );
    add(
      `const bsw${w} = monthly[${total(w, 'bsw')} + t2], asw${w} = monthly[${total(w, 'asw')} + t2], bso${w} = monthly[${total(w, 'bso')} + t2], aso${w} = monthly[${total(w, 'aso')} + t2];`,
    );
    add(`const lksPaid${w} = lksMonthly * costIndex * lksWorkers${w};`);
    add(`const benefitWork${w} = benefitIndex * bsw${w}, administrationWork${w} = costIndex * asw${w}, benefitOther${w} = benefitIndex * bso${w}, administrationOther${w} = costIndex * aso${w};`);
  }
  if (deadweight) {
    add('const starts1 = dws * starts0, lksPaid1 = dws * lksPaid0;');
    if (thresholdMetric === 2) add('const monthsSaved1 = dws * monthsSaved0;');
    add('const benefitWork1 = dws * benefitWork0, administrationWork1 = dws * administrationWork0, benefitOther1 = benefitOther0, administrationOther1 = administrationOther0;');
  }

  // Milestones reached this month: starters `months` ago still in work.
  const reached = (w: number, months: number, name: string) => {
    add(`let ${name} = 0;`);
    add(`if (t >= ${int(months)}) {`);
    add(`const reach = survival[${int(months)}];`);
    for (let p = 0; p < P; p++) add(`${name} += placed[${int(2 * (p * H - months) + w)} + t2] * reach;`);
    add('}');
  };
  const has = (months: number) => milestones.includes(months);
  if (has(6)) reached(0, 6, 'reached6');
  else add('const reached6 = 0;');
  if (has(12)) reached(0, 12, 'reached12');
  else add('const reached12 = 0;');
  if (has(24)) reached(0, 24, 'reached24');
  else add('const reached24 = 0;');
  if (!has(12)) add('const reached12C = 0;');
  else if (deadweight) add('const reached12C = dws * reached12;');
  else reached(1, 12, 'reached12C');
  if (thresholdMetric === 3) {
    reached(0, thresholdMonths, 'reachedThresholdP');
    if (deadweight) add('const reachedThresholdC = dws * reachedThresholdP;');
    else reached(1, thresholdMonths, 'reachedThresholdC');
  }

  add('const avoidedNow = benefitWork0 + administrationWork0 + benefitOther0 + administrationOther0 - (benefitWork1 + administrationWork1 + benefitOther1 + administrationOther1);');

  // Amounts due by trigger this month.
  plan.triggers.forEach((trigger, n) => {
    const at = `${int(n * H)} + t`;
    if (trigger.kind === 'jobStart' || trigger.kind === 'sustained') {
      const tenure = trigger.tenure;
      // Summed in a local, profile by profile as the full kernel adds them (a zero it skips adds nothing here).
      add(`if (t >= ${int(tenure)}) {`);
      add(`let owed = due[${at}];`);
      for (let p = 0; p < P; p++) add(`owed += placed[${int(2 * (p * H - tenure))} + t2] * perStarter[${int(p * T + n)}] * priceIndex;`);
      add(`due[${at}] = owed;`);
      add('}');
    } else if (trigger.kind === 'perMonthOffBenefit' && trigger.basis === 'gross') {
      add(`{ const newestTenure = t < ${int(K - 2)} ? t : ${int(K - 2)};`);
      for (let p = 0; p < P; p++) {
        const weightRow = int((p * T + n) * K);
        add('{ let amount = 0;');
        add(`for (let k = 0; k <= newestTenure; k++) amount += placed[${int(2 * p * H)} + 2 * (t - k)] * tenureWeight[${weightRow} + k];`);
        add(`lastBucket${n}_${p} *= lastStay;`);
        add(`if (t > ${int(K - 2)}) lastBucket${n}_${p} += placed[${int(2 * (p * H - (K - 1)))} + t2] * reachLast;`);
        add(`amount += lastBucket${n}_${p} * mixed[${weightRow} + ${int(K - 1)}];`);
        add(`if (amount !== 0) due[${at}] += amount * priceIndex; }`);
      }
      add('}');
    } else if (trigger.kind === 'perMonthOffBenefit') {
      for (let p = 0; p < P; p++) {
        const slot = trigger.priceByProfile[p];
        if (slot === ABSENT) continue;
        add(
          deadweight
            ? `{ const saved = savedByProfile[${int(2 * p * H)} + t2]; excess${n}_${p} += saved - dws * saved; }`
            : `excess${n}_${p} += savedByProfile[${int(2 * p * H)} + t2] - savedByProfile[${int(2 * p * H + 1)} + t2];`,
        );
        add(`if (excess${n}_${p} > highWater${n}_${p}) { due[${at}] += (excess${n}_${p} - highWater${n}_${p}) * params[${int(slot)}] * priceIndex; highWater${n}_${p} = excess${n}_${p}; }`);
      }
    } else if (trigger.kind === 'shareOfSavings') {
      if (trigger.basis === 'gross') add(`due[${at}] += share${n} * (benefitWork0 + administrationWork0);`);
      else {
        add(`excess${n} += avoidedNow;`);
        add(`if (excess${n} > highWater${n}) { due[${at}] += share${n} * (excess${n} - highWater${n}); highWater${n} = excess${n}; }`);
      }
    } else throw new Error(`generated month loop: trigger kind ${trigger.kind} is not covered`);
  });

  // The monthly totals the settlement reads.
  add('c.progPlacements[t] = starts0; c.progLks[t] = lksPaid0; c.cfLks[t] = lksPaid1; c.avoidedAttributable[t] = avoidedNow;');
  if (thresholdMetric === 1) add('c.cfPlacements[t] = starts1;');
  else if (thresholdMetric === 2) add('c.progMonthsSaved[t] = monthsSaved0; c.cfMonthsSaved[t] = monthsSaved1;');
  else if (thresholdMetric === 3) add(`c.progReached[${int(thresholdRow)} + t] = reachedThresholdP; c.cfReached[${int(thresholdRow)} + t] = reachedThresholdC;`);

  // The summary's sums over months.
  add('const lksAttributable = lksPaid0 - lksPaid1;');
  add('sum_placements += starts0; sum_placementsCounterfactual += starts1; sum_fallbacks += fellBack0;');
  add('sum_avoidedBenefitGross += benefitWork0; sum_avoidedAdministrationGross += administrationWork0; sum_avoidedCounterfactual += benefitWork1 + administrationWork1;');
  add('sum_avoidedAttributable += avoidedNow; sum_lks += lksPaid0; sum_lksAttributable += lksAttributable;');
  add('sum_pvAvoided += avoidedNow * discount; sum_pvLksAttributable += lksAttributable * discount; discount *= monthlyDiscount;');
  add('sum_sustained6 += reached6; sum_sustained12 += reached12; sum_sustained24 += reached24; sum_sustained12Counterfactual += reached12C;');
  add('yearAvoided += avoidedNow; yearLks += lksAttributable; yearStarts += starts0;');
  add('}');
  if (H > 0) flushYear();
  for (const [name, index] of Object.entries(Sm)) add(`c.sums[${int(index)}] = sum_${name};`);
  add('};');
  return lines.join('\n');
}
