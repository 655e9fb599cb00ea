import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { openStore } from '../store/index.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';
import { contractAtLimits } from './contract-at-limits.js';

/**
 * `npm run load` (issue 18): the heaviest requests the service allows, of every kind at once, from
 * two organisations (API keys) and one anonymous caller, against the real server process
 * (`api/server.ts`, default settings, the embedded database in a scratch folder). Each caller sends
 * at the same moment:
 *
 * - a simulation of a contract at every documented limit (models/contract/limits.ts) with
 *   1,000,000 iterations, asynchronously (it would run for hours; it is cancelled at the end);
 * - a keepSamples simulation at the kept-values limit (1,000,000 iterations x 10 columns of an
 *   expression model), waited for, then its 190 MB of samples downloaded as CSV;
 * - a Sobol analysis at MAX_MODEL_RUNS (2,000,000 model runs) of the ten-input bench contract (a
 *   design that large on the contract at the limits would hold a thread for days);
 * - an HTML report on the contract at every limit (1,000 iterations; its tornado and break-even
 *   searches are the heavy part).
 *
 * Meanwhile /health is asked every 50 ms whether or not the last answer came (open loop) and the
 * server's resident set is read from /proc every 100 ms. The load phase ends when every request
 * has been answered, or after LOAD_CAP_S; what still runs then is cut off. Printed: /health
 * percentiles, resident set at rest and at its peak, and per caller each request's answer and time
 * (for the 1,000,000-iteration simulation: how long it waited in the queue before its first
 * progress report, and how far it got).
 */

const LOAD_CAP_S = Number(process.env.LOAD_CAP_S ?? 420);
const PROBE_MS = 50;

interface Answer {
  status: number;
  body: Buffer;
  ms: number;
}

function call(baseUrl: string, method: string, path: string, key: string | null, body?: unknown, signal?: AbortSignal, headers: Record<string, string> = {}): Promise<Answer> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method, signal, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(key === null ? {} : { authorization: `Bearer ${key}` }), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks), ms: performance.now() - start }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** Downloads a response counting its bytes and lines, without keeping it. */
function download(url: string, key: string | null): Promise<{ status: number; bytes: number; lines: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: key === null ? {} : { authorization: `Bearer ${key}` } }, (res) => {
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      });
      res.on('end', () => resolve({ status: res.statusCode!, bytes, lines, ms: performance.now() - start }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function createKeys(dataDirectory: string): Promise<{ name: string; key: string }[]> {
  const store = await openStore({ dataDirectory });
  try {
    const keys = [];
    for (const name of ['Gemeente A', 'Fonds B']) {
      const organisation = await store.organisations.create(name);
      keys.push({ name, key: (await store.apiKeys.create(organisation.id, 'load')).key });
    }
    return keys;
  } finally {
    await store.close();
  }
}

async function startServer(dataDirectory: string): Promise<{ baseUrl: string; pid: number; stop(): Promise<void> }> {
  // SERVER_NODE_ARGS: extra node options for the server (e.g. --cpu-prof, to see what holds its event loop).
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'api/server.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDirectory, DATABASE_URL: '', REDIS_URL: '', SIMULATION_MAX_WAIT_MS: '600000', SHUTDOWN_GRACE_MS: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the service stopped before listening (exit code ${code}): ${output}`)));
  });
  child.stdout!.resume();
  return {
    baseUrl,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function problemOf(answer: Answer): string {
  try {
    const problem = JSON.parse(answer.body.toString('utf8')) as { title?: string; limit?: string };
    return `${answer.status}${problem.limit !== undefined ? ` ${problem.limit}` : ''}${problem.title !== undefined ? ` (${problem.title})` : ''}`;
  } catch {
    return String(answer.status);
  }
}

const keptSamplesModel = {
  kind: 'expression',
  expression: {
    inputs: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`x${i}`, { type: 'uniform', min: 0, max: 1 }])),
    outputs: Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`y${i}`, `x${i} * 2 + x${(i + 1) % 5}`])),
  },
};

/** One caller's four heavy requests; each resolves to a line of the print-out. */
function heavyRequests(baseUrl: string, key: string | null, cut: AbortSignal, othersDone: AbortSignal): Record<string, Promise<string>> {
  const limits = contractAtLimits();
  const simulation = (async () => {
    const submitted = await call(baseUrl, 'POST', '/simulations', key, { model: { kind: 'contract', contract: limits }, settings: { seed: 1, iterations: 1_000_000 } }, undefined, {
      prefer: 'respond-async',
    });
    if (submitted.status !== 202) return `refused: ${problemOf(submitted)}`;
    const { id } = JSON.parse(submitted.body.toString('utf8')) as { id: string };
    let view: { status: string; createdAt: string; startedAt: string | null; progress: { completedIterations: number } } | null = null;
    // Until every caller's other requests are answered (or the cap): it would run for hours.
    while (!cut.aborted && !othersDone.aborted) {
      view = JSON.parse((await call(baseUrl, 'GET', `/simulations/${id}`, key)).body.toString('utf8'));
      if (view!.status !== 'queued' && view!.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await call(baseUrl, 'POST', `/simulations/${id}/cancel`, key).catch(() => undefined);
    if (view === null) return 'no status read';
    const waited = view.startedAt === null ? 'never started' : `waited ${seconds(Date.parse(view.startedAt) - Date.parse(view.createdAt))} in the queue`;
    return `accepted, ${waited}, ${view.progress.completedIterations.toLocaleString('en')} iterations done at the end (cancelled)`;
  })();
  const keptSamples = (async () => {
    const answer = await call(baseUrl, 'POST', '/simulations', key, { model: keptSamplesModel, settings: { seed: 2, iterations: 1_000_000, keepSamples: true } }, cut, { prefer: 'wait=600' });
    if (answer.status !== 200) return `${answer.status === 202 ? 'still running at the wait limit' : `refused: ${problemOf(answer)}`} after ${seconds(answer.ms)}`;
    const { id } = JSON.parse(answer.body.toString('utf8')) as { id: string };
    const csv = await download(`${baseUrl}/simulations/${id}/samples`, key);
    return `answered in ${seconds(answer.ms)} (${(answer.body.length / 1024).toFixed(0)} kB JSON), samples ${csv.status}: ${(csv.bytes / 1e6).toFixed(0)} MB, ${(csv.lines - 1).toLocaleString('en')} rows in ${seconds(csv.ms)}`;
  })();
  const sensitivity = (async () => {
    const sampleSize = Math.floor(2_000_000 / 12);
    const answer = await call(baseUrl, 'POST', '/sensitivity', key, { model: { kind: 'contract', contract: benchContractWithTenUncertainInputs() }, settings: { method: 'sobol', output: 'payerNetResult', sampleSize, seed: 3 } }, cut);
    return answer.status === 200 ? `answered in ${seconds(answer.ms)}` : `refused: ${problemOf(answer)} after ${seconds(answer.ms)}`;
  })();
  const report = (async () => {
    const answer = await call(baseUrl, 'POST', '/reports', key, { model: { kind: 'contract', contract: limits }, settings: { seed: 4, iterations: 1_000 }, format: 'html' }, cut);
    return answer.status === 200 ? `answered in ${seconds(answer.ms)} (${(answer.body.length / 1024).toFixed(0)} kB HTML)` : `${problemOf(answer)} after ${seconds(answer.ms)}`;
  })();
  const settle = (work: Promise<string>) => work.catch((error: unknown) => (cut.aborted ? `cut off at the end of the load (${LOAD_CAP_S} s)` : `failed: ${error instanceof Error ? error.message : String(error)}`));
  return { simulation: settle(simulation), keptSamples: settle(keptSamples), sensitivity: settle(sensitivity), report: settle(report) };
}

export async function benchAbuseLoad(): Promise<void> {
  const dataDirectory = mkdtempSync(join(os.tmpdir(), 'rf-abuse-load-'));
  try {
    const organisations = await createKeys(dataDirectory);
    const server = await startServer(dataDirectory);
    try {
      const { baseUrl, pid } = server;
      // Warm-up: threads started and the report modules loaded.
      await call(baseUrl, 'POST', '/reports', null, { model: { kind: 'contract', contract: contractAtLimits({ profiles: 1, triggers: 1 }) }, settings: { seed: 1, iterations: 20 }, format: 'html' });
      const atRest = rssMiB(pid);
      let peak = atRest;
      const latencies: number[] = [];
      const probes: Promise<void>[] = [];
      const probeTimer = setInterval(() => {
        const start = performance.now();
        probes.push(call(baseUrl, 'GET', '/health', null).then((answer) => void (answer.status === 200 && latencies.push(performance.now() - start)), () => undefined));
      }, PROBE_MS);
      const rssTimer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
      const cut = new AbortController();
      const capTimer = setTimeout(() => cut.abort(), LOAD_CAP_S * 1000);
      const started = performance.now();
      const callers = [...organisations.map(({ name, key }) => ({ name, key: key as string | null })), { name: 'anonymous', key: null }];
      const othersDone = new AbortController();
      const work = callers.map((caller) => ({ caller: caller.name, requests: heavyRequests(baseUrl, caller.key, cut.signal, othersDone.signal) }));
      void Promise.all(work.flatMap(({ requests }) => [requests.keptSamples, requests.sensitivity, requests.report])).then(() => othersDone.abort());
      const lines: string[] = [];
      for (const { caller, requests } of work) {
        for (const [kind, line] of Object.entries(requests)) lines.push(`  ${caller}, ${kind}: ${await line}`);
      }
      const loadMs = performance.now() - started;
      clearTimeout(capTimer);
      cut.abort();
      clearInterval(probeTimer);
      clearInterval(rssTimer);
      await Promise.all(probes);
      const sorted = [...latencies].sort((a, b) => a - b);
      console.log(
        `heaviest allowed requests, 3 callers x 4 kinds at once, ${seconds(loadMs)} of load (cap ${LOAD_CAP_S} s), ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}:`,
      );
      console.log(
        `  /health every ${PROBE_MS} ms (${sorted.length} answers): p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
      );
      console.log(`  server resident set: ${atRest.toFixed(0)} MiB after warm-up, peak ${peak.toFixed(0)} MiB`);
      for (const line of lines) console.log(line);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown cpu'}, ${os.availableParallelism()} cores, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await benchAbuseLoad();
}
