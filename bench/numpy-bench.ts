import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ContractPlan } from '../models/contract/compile-contract.js';
import { createContractModel, type ContractModel } from '../models/contract/index.js';
import { createRng, type Rng } from '../models/random/index.js';
import { seriesLength, summaryModelOf } from '../models/simulation/model.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';
import { formatRate, median, opsPerSecond } from './time.js';

/**
 * The service's contract kernel beside the analyst's alternative: the same bench contract in
 * vectorised numpy (bench/numpy/contract_reference.py, blocks of 4,096 iterations), on the same
 * input vectors. First both evaluate a fixed set of vectors and every output is compared (drawn
 * persons: every output's mean, within 5 standard errors); then both are timed in turns within this run (per CPU second of each process; the ratio is the median of the turns' ratios),
 * so that the ratio holds on a busy machine even when the absolute figures do not.
 *
 * Needs python3 with numpy (Debian: python3-numpy); without it the comparison is skipped, said so.
 */

/** Input vectors compared and timed: two numpy blocks. */
const VECTORS = 8_192;
/**
 * Interleaved timing turns; the median of each side, and of the turns' ratios, is printed. Odd, so
 * that the median is one turn's; seven, because the ratios of single turns ranged 1.9-3.9x on the
 * bench VM, and seven turns of about 3 s (numpy, then each kernel) keep each mode under half a minute.
 */
const TURNS = 7;
/** Outputs must agree this closely: |a - b| <= TOLERANCE x max(1, |a|, |b|). */
const TOLERANCE = 1e-10;

const script = fileURLToPath(new URL('./numpy/contract_reference.py', import.meta.url));

/** A kernel the bench times and checks against numpy: evaluates parameter vector `params` into the output buffers. */
export interface TimedKernel {
  name: string;
  /** `rng` null: expected rates; else drawn persons. */
  evaluate: (params: Float64Array, rng: Rng | null, scalars: Float64Array, series: Float64Array) => void;
}

export function numpyAvailable(): string | null {
  const probe = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/** The plan as the numpy reference reads it (typed arrays as plain arrays, the calendar's months, trigger tenures). */
function planForNumpy(plan: ContractPlan): unknown {
  return {
    ...plan,
    calendar: undefined,
    yearIndexOfMonth: Array.from(plan.calendar.yearIndexOfMonth),
    cohortMonths: Array.from(plan.cohortMonths),
    cohortCounts: Array.from(plan.cohortCounts),
    hazardBandStarts: Array.from(plan.hazardBandStarts),
    hazardBandRates: Array.from(plan.hazardBandRates),
    triggers: plan.triggers.map((t) => ({
      kind: t.kind,
      payee: t.payee,
      lag: t.lag,
      tenure: t.kind === 'jobStart' || t.kind === 'sustained' ? t.tenure : -1,
      workTypes: t.kind === 'jobStart' || t.kind === 'sustained' ? t.workTypes : 0,
      priceByProfile: 'priceByProfile' in t ? Array.from(t.priceByProfile) : [],
    })),
  };
}

/** Input vectors: every input at its base, the uncertain ones each drawn uniformly within +-30% of it (fixed seed). */
export function benchVectors(model: ContractModel, count: number): Float64Array {
  const inputs = model.inputs;
  const width = inputs.length;
  const rows = new Float64Array(count * width);
  const rng = createRng(2026);
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < width; j++) {
      const base = inputs[j].base;
      rows[i * width + j] = inputs[j].distribution === null ? base : base * (0.7 + 0.6 * rng.nextDouble());
    }
  }
  return rows;
}

/**
 * glibc settings for the numpy process. By default glibc serves every array above 128 KiB (numpy's
 * temporaries of 2 x 3 x 4,096 values are 192 KiB) with a fresh mmap and returns it on free, so each
 * numpy operation pays page faults: on the bench VM that was 35-45% of numpy's CPU time, and its
 * rate swung between 18,000 and 40,000 iterations a second from machine to machine. Keeping freed
 * memory in the heap (mmap threshold 32 MiB, the largest glibc accepts on 64-bit systems, see
 * mallopt(3) M_MMAP_THRESHOLD; trimming only above 1 GiB) removes that cost, and numpy runs
 * 2-4x faster. The bench compares against numpy at its best: the ratio it prints is the
 * conservative one. (The default allocator's figure is printed beside it, once, for the record.)
 */
export const NUMPY_ALLOCATOR_ENV = { MALLOC_MMAP_THRESHOLD_: String(32 * 1024 * 1024), MALLOC_TRIM_THRESHOLD_: String(1024 * 1024 * 1024) };

class NumpyProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  constructor(tunedAllocator = true) {
    const env = tunedAllocator ? { ...process.env, ...NUMPY_ALLOCATOR_ENV } : process.env;
    this.child = spawn('python3', [script], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.lines = createInterface({ input: this.child.stdout })[Symbol.asyncIterator]();
  }
  async ask(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    this.child.stdin.write(JSON.stringify(command) + '\n');
    const next = await this.lines.next();
    if (next.done) throw new Error('numpy reference exited');
    const answer = JSON.parse(next.value) as Record<string, unknown>;
    if (answer.ok !== true) throw new Error(`numpy reference: ${String(answer.error)}`);
    return answer;
  }
  close(): void {
    this.child.stdin.end();
  }
}

/** The full kernel of a contract model as a timed kernel. */
export function fullKernel(model: ContractModel): TimedKernel {
  const ws = model.createWorkspace();
  return { name: 'service kernel (full monthly detail)', evaluate: (params, rng, scalars, series) => model.evaluate(params, ws, rng, scalars, series) };
}

/** The kernel simulations of the contract evaluate: its summary model (models/contract/fast-path/). */
export function summaryKernel(model: ContractModel): TimedKernel {
  const summary = summaryModelOf(model);
  const ws = summary.createWorkspace();
  return { name: 'service summary kernel (what simulations run)', evaluate: (params, rng, scalars, series) => summary.evaluate(params, ws, rng, scalars, series) };
}

/**
 * Compares and times the given kernels against numpy on the ten-input bench contract, expected
 * rates (same outputs to 1e-10) and drawn persons (same means: the same law, other random numbers).
 * Returns iterations per CPU second by kernel name and mode, and for numpy, or null when skipped.
 */
export async function benchAgainstNumpy(kernelsFor: (model: ContractModel) => TimedKernel[]): Promise<Record<string, number> | null> {
  const version = numpyAvailable();
  if (version === null) {
    console.log('numpy reference: skipped (python3 with numpy not found; on Debian: apt-get install python3-numpy)');
    return null;
  }
  const built = createContractModel(benchContractWithTenUncertainInputs());
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const model = built.value;
  const kernels = kernelsFor(model);
  const width = model.inputs.length;
  const vectors = benchVectors(model, VECTORS);
  const scalarCount = model.scalarOutputs.length;
  const outputs = scalarCount + seriesLength(model);

  const dir = mkdtempSync(join(tmpdir(), 'numpy-bench-'));
  const numpy = new NumpyProcess();
  try {
    const paramsPath = join(dir, 'params.bin');
    const outPath = join(dir, 'out.bin');
    writeFileSync(paramsPath, new Uint8Array(vectors.buffer));
    await numpy.ask({ cmd: 'load', plan: planForNumpy(model.plan) });
    await numpy.ask({ cmd: 'evaluate', params: paramsPath, n: VECTORS, out: outPath });
    const bytes = readFileSync(outPath);
    const reference = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    if (reference.length !== VECTORS * outputs) throw new Error(`numpy gave ${reference.length / VECTORS} outputs per vector, the model has ${outputs}`);

    // 1. Same outputs, every output of every vector.
    const scalars = new Float64Array(scalarCount);
    const series = new Float64Array(outputs - scalarCount);
    for (const kernel of kernels) {
      let worst = 0;
      let worstAt = '';
      for (let i = 0; i < VECTORS; i++) {
        kernel.evaluate(vectors.subarray(i * width, (i + 1) * width), null, scalars, series);
        for (let k = 0; k < outputs; k++) {
          const ours = k < scalarCount ? scalars[k] : series[k - scalarCount];
          const theirs = reference[i * outputs + k];
          if (Number.isNaN(ours) && Number.isNaN(theirs)) continue;
          const difference = Math.abs(ours - theirs) / Math.max(1, Math.abs(ours), Math.abs(theirs));
          if (!(difference <= worst)) {
            worst = difference;
            worstAt = k < scalarCount ? model.scalarOutputs[k].name : `series element ${k - scalarCount}`;
          }
        }
      }
      if (!(worst <= TOLERANCE)) throw new Error(`${kernel.name} and numpy differ by ${worst.toExponential(2)} (relative) in ${worstAt}`);
      console.log(`numpy reference ${version}: ${kernel.name} gives the same ${outputs} outputs on ${formatRate(VECTORS)} input vectors (largest relative difference ${worst.toExponential(1)})`);
    }

    // 2. Drawn persons: the same law, not the same random numbers. Each output's mean over the
    // vectors must agree within 5 standard errors of the difference (outputs NaN in some iteration skipped).
    const drawnReference = await drawnOutputs(numpy, paramsPath, outPath, VECTORS, outputs);
    for (const kernel of kernels) {
      const ours = new Float64Array(VECTORS * outputs);
      const rng = createRng(2027);
      for (let i = 0; i < VECTORS; i++) {
        kernel.evaluate(vectors.subarray(i * width, (i + 1) * width), rng, scalars, series);
        ours.set(scalars, i * outputs);
        ours.set(series, i * outputs + scalarCount);
      }
      let worstZ = 0;
      let worstAt = '';
      for (let k = 0; k < outputs; k++) {
        const a = moments(ours, k, outputs, VECTORS);
        const b = moments(drawnReference, k, outputs, VECTORS);
        if (a === null || b === null) continue;
        const se = Math.sqrt(a.variance / VECTORS + b.variance / VECTORS);
        const z = se > 0 ? Math.abs(a.mean - b.mean) / se : Math.abs(a.mean - b.mean) <= 1e-9 * Math.max(1, Math.abs(a.mean)) ? 0 : Infinity;
        if (!(z <= worstZ)) {
          worstZ = z;
          worstAt = k < scalarCount ? model.scalarOutputs[k].name : `series element ${k - scalarCount}`;
        }
      }
      if (!(worstZ <= 5)) throw new Error(`${kernel.name} and numpy draw persons differently: ${worstAt} differs by ${worstZ.toFixed(1)} standard errors`);
      console.log(`numpy reference, drawn persons: ${kernel.name} gives the same means of all ${outputs} outputs over ${formatRate(VECTORS)} vectors (largest difference ${worstZ.toFixed(1)} standard errors)`);
    }

    // 3. Interleaved timing: numpy, then each kernel, TURNS times, expected rates and drawn persons.
    const figures: Record<string, number> = {};
    for (const drawn of [false, true]) {
      const mode = drawn ? 'drawn' : 'expected';
      const rates: Record<string, number[]> = { numpy: [] };
      for (const kernel of kernels) rates[kernel.name] = [];
      for (let turn = 0; turn < TURNS; turn++) {
        const answer = await numpy.ask({ cmd: 'time', params: paramsPath, n: VECTORS, minSeconds: 1, drawn });
        rates.numpy.push(answer.iterationsPerCpuSecond as number);
        for (const kernel of kernels) {
          let i = 0;
          const rng = drawn ? createRng(turn + 1) : null;
          const perSecond = opsPerSecond(() => {
            kernel.evaluate(vectors.subarray(i * width, (i + 1) * width), rng, scalars, series);
            i = i + 1 === VECTORS ? 0 : i + 1;
          });
          rates[kernel.name].push(perSecond);
        }
      }
      for (const [name, values] of Object.entries(rates)) figures[`${name} ${mode}`] = median(values);
      const label = drawn ? 'drawn persons' : 'expected rates';
      // For the record: numpy with glibc's default allocator (one turn, not used in the ratio).
      const plain = new NumpyProcess(false);
      try {
        await plain.ask({ cmd: 'load', plan: planForNumpy(model.plan) });
        const answer = await plain.ask({ cmd: 'time', params: paramsPath, n: VECTORS, minSeconds: 1, drawn });
        figures[`numpy default allocator ${mode}`] = answer.iterationsPerCpuSecond as number;
      } finally {
        plain.close();
      }
      console.log(
        `numpy reference, 10-input bench contract, ${label}, blocks of 4,096: ${formatRate(figures[`numpy ${mode}`])} iterations per CPU second (median of ${TURNS} turns; glibc kept from returning memory to the system, see NUMPY_ALLOCATOR_ENV; with the default allocator ${formatRate(figures[`numpy default allocator ${mode}`])})`,
      );
      for (const kernel of kernels) {
        // The ratio of each turn (numpy and the kernel timed one after the other, seconds apart),
        // then their median: the machine's speed drifts between turns, not within one.
        const ratios = rates[kernel.name].map((rate, turn) => rate / rates.numpy[turn]);
        const ratio = median(ratios);
        figures[`${kernel.name} ${mode} ratio`] = ratio;
        console.log(
          `${kernel.name}, ${label}, same vectors, interleaved: ${formatRate(figures[`${kernel.name} ${mode}`])} iterations per CPU second, ` +
            `${ratio.toFixed(2)}x numpy (median of the ${TURNS} turns' ratios, which ranged ${Math.min(...ratios).toFixed(2)}-${Math.max(...ratios).toFixed(2)}x)`,
        );
      }
    }
    return figures;
  } finally {
    numpy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function drawnOutputs(numpy: NumpyProcess, paramsPath: string, outPath: string, n: number, outputs: number): Promise<Float64Array> {
  await numpy.ask({ cmd: 'evaluate', params: paramsPath, n, out: outPath, drawn: true, seed: 2027 });
  const bytes = readFileSync(outPath);
  const values = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
  if (values.length !== n * outputs) throw new Error('numpy drawn outputs have the wrong size');
  return values;
}

/** Mean and variance of column k of an n x width matrix; null when a value is not finite. */
function moments(values: Float64Array, k: number, width: number, n: number): { mean: number; variance: number } | null {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i * width + k];
    if (!Number.isFinite(x)) return null;
    sum += x;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i * width + k] - mean) ** 2;
  return { mean, variance: squares / (n - 1) };
}
