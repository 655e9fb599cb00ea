import type { ContractPlan } from '../compile-contract.js';
import { bookDrawnFunction, phaseOneFunction, type PhaseOneShape } from './generate-phase-one.js';
import { phaseTwoFunction } from './generate-phase-two.js';
import { MONTH_LOOP_INPUTS, MONTHLY_TOTALS, monthLoopMemoryLayout, monthLoopViews, type MonthLoopArray, type MonthLoopMemoryLayout } from './month-loop-memory.js';
import { encodeModule } from './wasm-encoder.js';

export { MONTH_LOOP_INPUTS, MONTH_LOOP_SUMS, MONTHLY_TOTALS } from './month-loop-memory.js';

/**
 * The month loop of the summary kernel, generated per compiled contract as a WebAssembly module so
 * that it runs for that contract alone: profiles, worlds, hazard bands and triggers unrolled,
 * each one's state in locals, trigger kinds, tenures and offsets as constants. It is the loop of
 * `evaluateSummary` (summary-kernel.ts) written out for the contract: the recurrences of
 * `simulateExpectedWorld`, the booking of `bookWorld`, the per-participant and pool triggers,
 * the deadweight world, and the summary's sums over months, with the same arithmetic in the same
 * order (so the same bits; tests/contract/fast-path-agreement.test.ts checks it). Three functions:
 * - `phaseOne` (generate-phase-one.ts): expected rates, each profile through all months, both
 *   worlds in the two lanes of f64x2 instructions, into the worlds' monthly totals;
 * - `phaseTwo` (generate-phase-two.ts): expected rates, the months again for what needs both
 *   worlds and all profiles: milestones, amounts due, the totals the settlement reads, the sums;
 * - `bookDrawn` (generate-phase-one.ts): drawn persons, their counts into the monthly totals.
 * In JavaScript (generated with `new Function`) the same loop took about 1.5x as long on the
 * bench contract; WebAssembly has SIMD, no bounds checks and no deoptimisation.
 *
 * The module's bytes hold only integers taken from the plan and this code's opcodes: no string
 * from a request ever reaches them.
 */

/** A contract's month loop: the compiled module and the memory layout it works on. */
export interface CompiledMonthLoop {
  module: WebAssembly.Module;
  memory: MonthLoopMemoryLayout;
}

/** A workspace's own instance of a month loop: its functions, and views of its memory. */
export interface MonthLoopInstance {
  phaseOne: () => void;
  phaseTwo: () => void;
  bookDrawn: () => void;
  views: Record<MonthLoopArray, Float64Array>;
}

const generated = new WeakMap<ContractPlan, CompiledMonthLoop>();

/**
 * Month loops by their module bytes, the most recently used last. A request compiles its contract
 * afresh, but the same contract (rerun, or run again with other settings) gives the same bytes:
 * it gets the module V8 has already compiled and optimised instead of a new one.
 */
const byBytes = new Map<string, CompiledMonthLoop>();
/**
 * Distinct month loops kept. Each is a few kilobytes of code; 64 is far more distinct contracts
 * than a service runs at once (jobs are limited per organisation), so a contract being worked on
 * stays, while a stream of distinct contracts cannot grow the cache.
 */
export const KEPT_LOOPS = 64;

/** Distinct month loops kept now (at most KEPT_LOOPS). */
export const keptMonthLoops = (): number => byBytes.size;

/** The module's bytes for a plan. */
export function monthLoopBytes(plan: ContractPlan): { bytes: Uint8Array<ArrayBuffer>; memory: MonthLoopMemoryLayout } {
  const memory = monthLoopMemoryLayout(plan);
  const shape = phaseOneShape(plan);
  const bytes = encodeModule(memory.pages, [
    { name: 'phaseOne', body: phaseOneFunction(plan, memory, shape) },
    { name: 'phaseTwo', body: phaseTwoFunction(plan, memory) },
    { name: 'bookDrawn', body: bookDrawnFunction(plan, memory, shape) },
  ]);
  return { bytes, memory };
}

/** The contract's month loop, generated once per plan, shared by plans with the same loop. */
export function monthLoopFor(plan: ContractPlan): CompiledMonthLoop {
  let loop = generated.get(plan);
  if (loop === undefined) {
    const { bytes, memory } = monthLoopBytes(plan);
    const key = keyOf(bytes);
    loop = byBytes.get(key);
    if (loop === undefined) {
      loop = { module: new WebAssembly.Module(bytes), memory };
      if (byBytes.size >= KEPT_LOOPS) byBytes.delete(byBytes.keys().next().value!);
    } else byBytes.delete(key);
    byBytes.set(key, loop);
    generated.set(plan, loop);
  }
  return loop;
}

/**
 * The bytes as a string, one character a byte: the cache's key. In slices of 8,192, because
 * `String.fromCharCode(...bytes)` passes every byte as an argument on the stack: Node 20 throws
 * "Maximum call stack size exceeded" at 200,000 bytes (a contract at every limit makes 86,380).
 */
function keyOf(bytes: Uint8Array): string {
  let key = '';
  for (let at = 0; at < bytes.length; at += 8_192) key += String.fromCharCode(...bytes.subarray(at, at + 8_192));
  return key;
}

/** A workspace's own instance of the loop, with its own memory (the year of each month written in once). */
export function instantiateMonthLoop(plan: ContractPlan, loop: CompiledMonthLoop): MonthLoopInstance {
  const memory = new WebAssembly.Memory({ initial: loop.memory.pages });
  const instance = new WebAssembly.Instance(loop.module, { env: { memory } });
  const views = monthLoopViews(memory.buffer, loop.memory);
  new Int32Array(memory.buffer, loop.memory.at.yearOf, plan.horizon).set(plan.calendar.yearIndexOfMonth);
  const exported = (name: string) => instance.exports[name] as () => void;
  return { phaseOne: exported('phaseOne'), phaseTwo: exported('phaseTwo'), bookDrawn: exported('bookDrawn'), views };
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
