import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { iterationsInBlocks, type PartialResult, type RunMeta, type SimulationResult } from '../models/simulation/index.js';

/**
 * Kept samples (`keepSamples: true`) on disk instead of in the result: each chunk's worker thread
 * writes its iterations' values to one file in the job's folder, and the API streams them from
 * there (GET /simulations/{id}/samples), so that 1,000,000 iterations × 10 columns (80 MB of
 * doubles, about 190 MB as JSON text) never sit in the process's memory as one piece.
 *
 * Layout of a job's folder:
 * - `columns.json`: the variants' names, the uncertain input paths and the scalar output names;
 * - one file per chunk, named by its first block (zero-padded, so that names sort in block order),
 *   holding its iterations row by row as little-endian doubles: for each iteration, for each
 *   variant, its inputs then its scalar outputs.
 * Blocks have their own random streams and files concatenate in block order, so the rows are the
 * same whatever the thread count or chunk size.
 */

export interface SampleColumns {
  variants: string[];
  inputs: string[];
  outputs: string[];
}

export const SAMPLE_COLUMNS_FILE = 'columns.json';
const CHUNK_SUFFIX = '.f64';
/** Bytes per kept value on disk: one double. */
export const BYTES_PER_SAMPLE_VALUE = 8;

export function sampleColumnsOf(meta: RunMeta): SampleColumns {
  return {
    variants: meta.variants.map((variant) => variant.name),
    inputs: [...meta.uncertainInputPaths],
    outputs: meta.variants[0].scalarOutputs.map((output) => output.name),
  };
}

/** Values per row: every variant's inputs and scalar outputs. */
export function valuesPerRow(columns: SampleColumns): number {
  return columns.variants.length * (columns.inputs.length + columns.outputs.length);
}

const chunkFileName = (fromBlock: number) => `${String(fromBlock).padStart(10, '0')}${CHUNK_SUFFIX}`;

/**
 * Writes the kept values of a chunk's partial (in a worker thread) and drops them from the
 * partial: the inputs always, the scalar outputs' values unless exact percentiles need them.
 */
export function writeSampleChunk(directory: string, partial: PartialResult): void {
  const { meta } = partial;
  const columns = sampleColumnsOf(meta);
  mkdirSync(directory, { recursive: true });
  if (partial.fromBlock === 0) writeFileSync(join(directory, SAMPLE_COLUMNS_FILE), JSON.stringify(columns));
  const width = valuesPerRow(columns);
  const rows = iterationsInBlocks(meta, partial.fromBlock, partial.toBlock);
  const values = new Float64Array(rows * width);
  let offset = 0;
  for (let i = 0; i < rows; i++) {
    for (const variant of partial.variants) {
      for (const input of variant.inputs!) values[offset++] = input[i];
      for (const scalar of variant.scalars) values[offset++] = scalar.samples![i];
    }
  }
  writeFileSync(join(directory, chunkFileName(partial.fromBlock)), new Uint8Array(values.buffer, 0, values.byteLength));
  const keepOutputs = meta.percentileMethod === 'exact';
  for (const variant of partial.variants) {
    variant.inputs = null;
    if (!keepOutputs) for (const scalar of variant.scalars) scalar.samples = null;
  }
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Reads a job's kept values back as each variant's `samples` of the result (in a worker thread;
 * only for runs small enough to answer inline, see MAX_INLINE_SAMPLE_VALUES).
 */
export function readSamples(directory: string): NonNullable<SimulationResult['samples']>[] {
  const columns = JSON.parse(readFileSync(join(directory, SAMPLE_COLUMNS_FILE), 'utf8')) as SampleColumns;
  const files = readdirSync(directory).filter((name) => name.endsWith(CHUNK_SUFFIX)).sort();
  const width = valuesPerRow(columns);
  const perVariant = columns.inputs.length + columns.outputs.length;
  const columnValues = columns.variants.map(() => Array.from({ length: perVariant }, () => [] as (number | null)[]));
  for (const file of files) {
    const values = doublesOf(readFileSync(join(directory, file)));
    for (let offset = 0; offset < values.length; offset += width) {
      for (let v = 0; v < columns.variants.length; v++) {
        for (let c = 0; c < perVariant; c++) columnValues[v][c].push(finite(values[offset + v * perVariant + c]));
      }
    }
  }
  return columnValues.map((values) => ({
    inputs: columns.inputs.map((path, j) => ({ path, values: values[j] })),
    outputs: columns.outputs.map((name, k) => ({ name, values: values[columns.inputs.length + k] })),
  }));
}

function doublesOf(bytes: Buffer): Float64Array {
  // A copy, aligned: a Buffer's offset in its pool need not be a multiple of 8.
  const copy = new Float64Array(bytes.length / BYTES_PER_SAMPLE_VALUE);
  new Uint8Array(copy.buffer).set(bytes);
  return copy;
}

/** Whether a job's folder holds its kept samples (columns written). */
export async function hasSampleFiles(directory: string): Promise<boolean> {
  const handle = await open(join(directory, SAMPLE_COLUMNS_FILE), 'r').catch(() => null);
  await handle?.close();
  return handle !== null;
}

/** The CSV header: `iteration`, then each column (prefixed `variant:` in a comparison). */
export function sampleCsvHeader(columns: SampleColumns): string {
  const names = [...columns.inputs, ...columns.outputs];
  const cells = columns.variants.length === 1 ? names : columns.variants.flatMap((variant) => names.map((name) => `${variant}:${name}`));
  return ['iteration', ...cells].map(csvCell).join(',') + '\n';
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of CSV text per yielded piece: about 100 kB for 10 columns. */
const ROWS_PER_PIECE = 500;

/**
 * The kept samples as CSV text, piece by piece: one chunk file in memory at a time (a few MB at
 * most), numbers written as JSON writes them (shortest round trip), empty where not finite.
 */
export async function* sampleCsvPieces(directory: string): AsyncGenerator<string> {
  const columns = JSON.parse(await readFile(join(directory, SAMPLE_COLUMNS_FILE), 'utf8')) as SampleColumns;
  yield sampleCsvHeader(columns);
  const files = (await readdir(directory)).filter((name) => name.endsWith(CHUNK_SUFFIX)).sort();
  const width = valuesPerRow(columns);
  let iteration = 0;
  for (const file of files) {
    const values = doublesOf(await readFile(join(directory, file)));
    for (let start = 0; start < values.length; start += ROWS_PER_PIECE * width) {
      const end = Math.min(values.length, start + ROWS_PER_PIECE * width);
      let text = '';
      for (let offset = start; offset < end; offset += width) {
        text += ++iteration;
        for (let c = 0; c < width; c++) {
          const x = values[offset + c];
          text += Number.isFinite(x) ? `,${x}` : ',';
        }
        text += '\n';
      }
      yield text;
    }
  }
}

/**
 * The same CSV from samples held in a result (a run summarised before its samples went to disk,
 * or with REDIS_URL, where the worker processes send them back in the result).
 */
export function* inlineSampleCsvPieces(variants: ReadonlyArray<{ name: string; samples: NonNullable<SimulationResult['samples']> }>): Generator<string> {
  const first = variants[0].samples;
  const columns: SampleColumns = { variants: variants.map((v) => v.name), inputs: first.inputs.map((c) => c.path), outputs: first.outputs.map((c) => c.name) };
  yield sampleCsvHeader(columns);
  const series = variants.flatMap((variant) => [...variant.samples.inputs, ...variant.samples.outputs].map((column) => column.values));
  const rows = series[0]?.length ?? 0;
  for (let start = 0; start < rows; start += ROWS_PER_PIECE) {
    let text = '';
    for (let i = start; i < Math.min(rows, start + ROWS_PER_PIECE); i++) {
      text += i + 1;
      for (const values of series) text += values[i] === null ? ',' : `,${values[i]}`;
      text += '\n';
    }
    yield text;
  }
}
