import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { ConfigSchema, type Config } from '../../api/config.js';
import { createServices, type Services } from '../../api/services.js';
import { MAX_INLINE_SAMPLE_VALUES } from '../../models/simulation/index.js';

/**
 * Issue 18 item 2: kept samples go to disk, written by the threads chunk by chunk, and stream from
 * there as CSV (GET /simulations/{id}/samples); the JSON result carries them only up to
 * MAX_INLINE_SAMPLE_VALUES. The reference for every value is the same run on a service without a
 * samples folder, whose threads send the values back in the result (the path every keepSamples
 * run took before): same seed, same bytes.
 */

const running: { server: Server; services: Services }[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const { server, services } of running) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.pool.close();
  }
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function start(overrides: Partial<Config>): Promise<string> {
  const config = { ...ConfigSchema.parse({ WORKER_THREADS: 2 }), ...overrides };
  const services = createServices(config);
  const server: Server = await new Promise((resolve) => {
    const s = createApp({ config, services }).listen(0, '127.0.0.1', () => resolve(s));
  });
  running.push({ server, services });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function samplesFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rf-samples-test-'));
  folders.push(folder);
  return folder;
}

/** Five uniform inputs and five outputs: ten kept values an iteration; y4 is 1/(x0 - 0.5), infinite nowhere but large. */
const model = {
  kind: 'expression',
  expression: {
    inputs: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x${i}`, { type: 'uniform', min: 0, max: 1 }])),
    outputs: { y0: 'x0 + x1', y1: 'x1 * x2', y2: 'x2 - x3', y3: 'x3 ^ 2 + x4', y4: '1 / (x0 - 0.5)' },
  },
};

async function simulate(baseUrl: string, iterations: number, keepSamples = true): Promise<{ id: string; text: string; result: any; links: Record<string, string> }> {
  const response = await fetch(`${baseUrl}/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', prefer: 'wait=300' },
    body: JSON.stringify({ model, settings: { iterations, seed: 11, keepSamples } }),
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
  const job = JSON.parse(text);
  return { id: job.id, text: JSON.stringify(job.result), result: job.result, links: job.links };
}

async function csvOf(baseUrl: string, id: string): Promise<string> {
  const response = await fetch(`${baseUrl}/simulations/${id}/samples`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return response.text();
}

describe('kept samples on disk, streamed as CSV', () => {
  it('a small run answers the same JSON (samples inline) as when the threads sent them back, and its CSV holds the same values', async () => {
    const [onDisk, inMemory] = await Promise.all([start({ SAMPLES_DIR: samplesFolder() }), start({})]);
    const iterations = 3_000;
    const [a, b] = await Promise.all([simulate(onDisk, iterations), simulate(inMemory, iterations)]);
    expect(a.text).toBe(b.text);
    expect(a.links.samples).toBe(`/simulations/${a.id}/samples`);
    const lines = (await csvOf(onDisk, a.id)).trimEnd().split('\n');
    expect(lines[0]).toBe('iteration,inputs.x0,inputs.x1,inputs.x2,inputs.x3,inputs.x4,y0,y1,y2,y3,y4');
    expect(lines).toHaveLength(iterations + 1);
    const columns = [...b.result.samples.inputs, ...b.result.samples.outputs].map((column: { values: (number | null)[] }) => column.values);
    for (const row of [1, 2, 1_500, iterations]) {
      const cells = lines[row].split(',');
      expect(Number(cells[0])).toBe(row);
      expect(cells.slice(1).map(Number)).toEqual(columns.map((values) => values[row - 1]));
    }
  });

  it('a run beyond MAX_INLINE_SAMPLE_VALUES answers samples null, and its CSV equals the CSV of the in-memory samples byte for byte, with 1 thread or 2', async () => {
    const iterations = Math.floor(MAX_INLINE_SAMPLE_VALUES / 10) + 1_000;
    const [onDisk, oneThread, inMemory] = await Promise.all([
      start({ SAMPLES_DIR: samplesFolder() }),
      start({ SAMPLES_DIR: samplesFolder(), WORKER_THREADS: 1 }),
      start({}),
    ]);
    const large = await simulate(onDisk, iterations);
    expect(large.result.samples).toBeNull();
    const reference = await simulate(inMemory, iterations);
    expect(reference.result.samples.outputs[0].values).toHaveLength(iterations);
    // Apart from the samples, the two results are the same bytes.
    expect(large.text).toBe(JSON.stringify({ ...reference.result, samples: null }));
    const csv = await csvOf(onDisk, large.id);
    expect(csv.split('\n')).toHaveLength(iterations + 2);
    expect(csv).toBe(await csvOf(inMemory, reference.id));
    const single = await simulate(oneThread, iterations);
    expect(await csvOf(oneThread, single.id)).toBe(csv);
  }, 300_000);

  it('answers 404 for a run that kept no samples, and an anonymous run forgotten takes its samples folder with it', async () => {
    const folder = samplesFolder();
    const baseUrl = await start({ SAMPLES_DIR: folder, MAX_ANONYMOUS_RESULT_BYTES: 0 });
    const plain = await simulate(baseUrl, 100, false);
    const refused = await fetch(`${baseUrl}/simulations/${plain.id}/samples`);
    expect(refused.status).toBe(404);
    expect((await refused.json()).type).toMatch(/no-samples$/);
    // With no bytes allowed, each finished anonymous run drops the one before it.
    const first = await simulate(baseUrl, 1_000);
    expect(existsSync(join(folder, `anon-${first.id}`))).toBe(true);
    await simulate(baseUrl, 1_000);
    await expect.poll(() => existsSync(join(folder, `anon-${first.id}`))).toBe(false);
    expect((await fetch(`${baseUrl}/simulations/${first.id}/samples`)).status).toBe(404);
  });
});
