import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServiceProcess, type ServiceProcess } from '../support/server-process.js';

/**
 * Issue 18 item 2, on the real server process: `keepSamples` at the documented limit (1,000,000
 * iterations × 10 kept columns) made a 187 MB JSON body and raised the process's resident memory
 * by about 1.1 GB a request (measured on the code before: 1,054 MiB at rest, 2,274 MiB at the
 * peak of three such requests). Now the threads write the values to disk chunk by chunk, the JSON
 * carries none of them, and GET /simulations/{id}/samples streams them as CSV. Three maximum
 * requests in a row, each downloaded in full, must keep the resident set within PEAK_GROWTH_MIB of
 * what it was after a warm-up request of the same size (or after the lightest request, if higher:
 * see the baseline below), and end within FLAT_MIB of where the first left it (the code before grew
 * by about 1.1 GB a request, which both bounds catch).
 * No timing: the bound is on memory; the work is three runs of a cheap expression model.
 */

/** What the work of one maximal request may add at its peak: its chunks on the threads, a CSV piece, allocator slack. */
const PEAK_GROWTH_MIB = 400;
/** After the third request against after the first: no growth per request. */
const FLAT_MIB = 100;
const ROUNDS = 3;
const ITERATIONS = 1_000_000;

const model = {
  kind: 'expression',
  expression: {
    inputs: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x${i}`, { type: 'uniform', min: 0, max: 1 }])),
    outputs: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`y${i}`, `x${i} * 2 + x${(i + 1) % 5}`])),
  },
};

/** Reads a response to its end, counting lines, without keeping it. */
async function countLines(response: Response): Promise<{ lines: number; bytes: number }> {
  let lines = 0;
  let bytes = 0;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { lines, bytes };
    bytes += value.length;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
}

describe('kept samples at the documented limit, on the server process', () => {
  let dataDirectory: string;
  let service: ServiceProcess | null = null;
  afterAll(async () => {
    await service?.stop();
    if (dataDirectory !== undefined) await rm(dataDirectory, { recursive: true, force: true });
  });

  it(`keeps the resident set flat over ${ROUNDS} requests of ${ITERATIONS.toLocaleString('en')} iterations × 10 kept columns, each downloaded in full`, async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'rf-kept-samples-'));
    service = await startServiceProcess({ DATA_DIR: dataDirectory, WORKER_THREADS: '2', SIMULATION_MAX_WAIT_MS: '600000' });
    const running = service;
    const run = async (iterations: number) => {
      const response = await fetch(`${running.baseUrl}/simulations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', prefer: 'wait=600' },
        body: JSON.stringify({ model, settings: { iterations, seed: 3, keepSamples: true } }),
      });
      const text = await response.text();
      expect(response.status, text.slice(0, 300)).toBe(200);
      const job = JSON.parse(text) as { id: string; result: { samples: unknown } };
      const download = await fetch(`${running.baseUrl}${`/simulations/${job.id}/samples`}`);
      expect(download.status).toBe(200);
      const { lines, bytes } = await countLines(download);
      expect(lines).toBe(iterations + 1);
      return { text, samples: job.result.samples, bytes };
    };
    // Warm-up at full size: threads started, the download path and the summary compiled, and the
    // heap grown to what one maximal request needs. (After a small warm-up, the baseline depended on
    // when the collector had last run: 1,075 MiB in one run, 1,400 in others, for the same peak.)
    await run(ITERATIONS);
    const atRest = running.rssMiB();
    let peak = atRest;
    const sampler = setInterval(() => (peak = Math.max(peak, running.rssMiB())), 50);
    const after: number[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const { text, samples, bytes } = await run(ITERATIONS);
        expect(samples).toBeNull();
        expect(text.length).toBeLessThan(1_000_000);
        expect(bytes).toBeGreaterThan(100_000_000);
        after.push(running.rssMiB());
      }
    } finally {
      clearInterval(sampler);
    }
    // The baseline is the resident set at rest, or after the lightest of the requests if that is
    // higher: at rest it still depends on whether the collector has just run (CI runs of the same
    // commit measured 1,062 and 1,346-1,365 MiB at rest for peaks of 1,462-1,504 MiB), while right
    // after a request the heap is in the state the requests keep it in. The code before grew by
    // about 1.1 GB a request, which this bound and FLAT_MIB both still catch.
    const baseline = Math.max(atRest, Math.min(...after));
    const figures = `at rest ${atRest.toFixed(0)} MiB, after each request ${after.map((m) => m.toFixed(0)).join(', ')} MiB, peak ${peak.toFixed(0)} MiB`;
    console.log(`resident set: ${figures}`);
    expect(peak - baseline, figures).toBeLessThan(PEAK_GROWTH_MIB);
    expect(after[ROUNDS - 1] - after[0], figures).toBeLessThan(FLAT_MIB);
    // Every run's samples on disk (anonymous runs are kept within MAX_ANONYMOUS_RESULT_BYTES, default 256 MiB: 80 MB each).
    expect((await readdir(join(dataDirectory, 'samples'))).length).toBeLessThanOrEqual(ROUNDS + 1);
  }, 900_000);
});
