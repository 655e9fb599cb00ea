import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import { describeModelSpec } from '../../runtime/model-kinds.js';
import { sampleCsvPieces } from '../../runtime/sample-files.js';
import { openSampleStore } from '../../runtime/sample-store.js';
import { createSimulationJobs } from '../../runtime/simulation-jobs.js';
import { createSimulationPool } from '../../runtime/simulation-pool.js';

/**
 * A stored keepSamples run resumed after a restart starts again from its first block, perhaps cut
 * into other chunks than before: a chunk file the stopped run left (here one named for block 3,
 * which this run's chunks do not start at) would add its rows to the download. The folder is
 * cleared when the resumed run starts, so the CSV has exactly one row per iteration.
 */

const pool = createSimulationPool({ threads: 1, blocksPerChunk: 2 });
const root = mkdtempSync(join(tmpdir(), 'rf-resume-samples-'));
afterAll(async () => {
  await pool.close();
  rmSync(root, { recursive: true, force: true });
});

it('a resumed keepSamples run writes its samples afresh, without what the stopped run left', async () => {
  const samples = openSampleStore(root);
  const jobs = createSimulationJobs({ pool, maxActiveJobs: 4, samples });
  const model = describeModelSpec({ kind: 'expression', expression: { inputs: { a: { type: 'uniform', min: 0, max: 1 } }, outputs: { y: 'a * 2' } } } as never);
  const settings = SimulationSettingsSchema.parse({ iterations: 5_000, seed: 1, keepSamples: true });
  const recorder = { started: async () => {}, progress: async () => {}, finished: async () => {} };
  const folder = samples.directoryFor('run-1', true);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, '0000000003.f64'), new Uint8Array(new Float64Array(2 * 1_024).buffer));
  const job = jobs.submit({ kind: 'simulation', model, settings }, { id: 'run-1', recorder, resumed: true })!;
  await jobs.waitFor(job, 120_000);
  expect(job.status).toBe('succeeded');
  let csv = '';
  for await (const piece of sampleCsvPieces(folder)) csv += piece;
  expect(csv.trimEnd().split('\n')).toHaveLength(5_000 + 1);
}, 120_000);
