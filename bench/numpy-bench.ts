import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import type { ContractPlan } from '../models/contract/compile-contract.js';
import { createContractModel, type ContractModel } from '../models/contract/index.js';
import { createRng } from '../models/random/index.js';
import { seriesLength, summaryModelOf } from '../models/simulation/model.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';
import { formatRate, opsPerSecond } from './time.js';

/**
 * The service's contract kernel beside the analyst's alternative: the same bench contract in
 * vectorised numpy (bench/numpy/contract_reference.py, blocks of 4,096 iterations), on the same
 * input vectors. First both evaluate a fixed set of vectors and every output is compared; then
 * both are timed in turns within this run (per CPU second of each process, median of the turns),
 * so that the ratio holds on a busy machine even when the absolute figures do not.
 *
 * Needs python3 with numpy (Debian: python3-numpy); without it the comparison is skipped, said so.
 */

/** Input vectors compared and timed: two numpy blocks. */
const VECTORS = 8_192;
/** Interleaved timing turns; the median of each side is printed. */
const TURNS = 5;
/** Outputs must agree this closely: |a - b| <= TOLERANCE x max(1, |a|, |b|). */
const TOLERANCE = 1e-10;

const script = fileURLToPath(new URL('./numpy/contract_reference.py', import.meta.url));

/** A kernel the bench times and checks against numpy: evaluates parameter vector `params` into the output buffers. */
export interface TimedKernel {
  name: string;
  evaluate: (params: Float64Array, scalars: Float64Array, series: Float64Array) => void;
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

class NumpyProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: AsyncIterator<string>;
  constructor() {
    this.child = spawn('python3', [script], { stdio: ['pipe', 'pipe', 'pipe'] });
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
  return { name: 'service kernel (full monthly detail)', evaluate: (params, scalars, series) => model.evaluate(params, ws, null, scalars, series) };
}

/** The kernel simulations of the contract evaluate: its summary model (models/contract/fast-path/). */
export function summaryKernel(model: ContractModel): TimedKernel {
  const summary = summaryModelOf(model);
  const ws = summary.createWorkspace();
  return { name: 'service summary kernel (what simulations run)', evaluate: (params, scalars, series) => summary.evaluate(params, ws, null, scalars, series) };
}

/**
 * Compares and times the given kernels (expected rates) against numpy on the ten-input bench
 * contract. Returns iterations per CPU second by kernel name and for numpy, or null when skipped.
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
        kernel.evaluate(vectors.subarray(i * width, (i + 1) * width), scalars, series);
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

    // 2. Interleaved timing: numpy, then each kernel, TURNS times.
    const rates: Record<string, number[]> = { numpy: [] };
    for (const kernel of kernels) rates[kernel.name] = [];
    for (let turn = 0; turn < TURNS; turn++) {
      const answer = await numpy.ask({ cmd: 'time', params: paramsPath, n: VECTORS, minSeconds: 1 });
      rates.numpy.push(answer.iterationsPerCpuSecond as number);
      for (const kernel of kernels) {
        let i = 0;
        const perSecond = opsPerSecond(() => {
          kernel.evaluate(vectors.subarray(i * width, (i + 1) * width), scalars, series);
          i = i + 1 === VECTORS ? 0 : i + 1;
        });
        rates[kernel.name].push(perSecond);
      }
    }
    const figures: Record<string, number> = {};
    for (const [name, values] of Object.entries(rates)) figures[name] = median(values);
    console.log(`numpy reference, 10-input bench contract, expected rates, blocks of 4,096: ${formatRate(figures.numpy)} iterations per CPU second (median of ${TURNS} turns)`);
    for (const kernel of kernels)
      console.log(
        `${kernel.name}, same vectors, interleaved: ${formatRate(figures[kernel.name])} iterations per CPU second, ${(figures[kernel.name] / figures.numpy).toFixed(2)}x numpy`,
      );
    return figures;
  } finally {
    numpy.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
