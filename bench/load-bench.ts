import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';

/**
 * Load on the real service: `api/server.ts` in its own process on 127.0.0.1 (an ephemeral port,
 * the embedded database in a scratch folder), and autocannon in this one. It reports throughput
 * and latency percentiles of POST /contracts/evaluate with CONNECTIONS clients for DURATION_S
 * seconds: alone, and while a large Monte Carlo simulation keeps the simulation threads busy.
 * Evaluations run on the event loop and simulations on worker threads, so the second figure says
 * how much a running simulation costs the interactive requests on this machine. Last, three short
 * simulations one after the other while the large one still runs: how long a user waits for a
 * quick run beside someone else's large one.
 */

const DURATION_S = 5;
const CONNECTIONS = 10;
/** The simulation beside the load: long enough to outlast it on any machine (it is cancelled afterwards). */
const BACKGROUND_ITERATIONS = 1_000_000;

/** The README's example: a pilot of 40 people in two cohorts over 36 months. */
const pilotWerkfit = {
  name: 'Pilot Werkfit',
  startMonth: '2026-01',
  horizonMonths: 36,
  programmeMonths: 12,
  intake: { cohorts: [{ month: 0, count: 20 }, { month: 6, count: 20 }] },
  profiles: [
    {
      id: 'alleenstaand',
      share: 1,
      monthlyBenefit: 1283.83,
      programme: { monthlyJobEntryRate: 0.05, monthlyOtherExitRate: 0.008 },
      counterfactual: { monthlyJobEntryRate: 0.02, monthlyOtherExitRate: 0.008 },
    },
  ],
  payment: {
    triggers: [
      { id: 'start', kind: 'jobStart', price: 1000 },
      { id: 'zesMaanden', kind: 'sustained', months: 6, price: 3000, lagMonths: 1 },
    ],
    caps: { perYear: 60000 },
  },
  provider: { costPerParticipantMonth: 300 },
};

/** Longest wait for the background simulation to report progress before the load starts. */
const RUNNING_WAIT_MS = 60_000;

async function jobStatus(baseUrl: string, id: string): Promise<{ status: string; progress: { completedIterations: number } }> {
  return (await (await fetch(`${baseUrl}/simulations/${id}`)).json()) as { status: string; progress: { completedIterations: number } };
}

interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  non2xx: number;
}

async function startService(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'rf-load-bench-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDirectory, DATABASE_URL: '', REDIS_URL: '', RATE_LIMIT_PER_MINUTE: '0' },
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
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}

async function loadEvaluate(baseUrl: string): Promise<LoadFigures> {
  const result = await autocannon({
    url: `${baseUrl}/contracts/evaluate`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(pilotWerkfit),
    connections: CONNECTIONS,
    duration: DURATION_S,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** A short simulation asked for while the long one runs: what a user waits for beside someone else's large run. */
const SHORT_ITERATIONS = 10_000;
const SHORT_REPEATS = 3;

async function shortSimulationMs(baseUrl: string): Promise<number[]> {
  const body = JSON.stringify({
    model: { kind: 'contract', contract: benchContractWithTenUncertainInputs() },
    settings: { seed: 5, iterations: SHORT_ITERATIONS, drawIndividualOutcomes: false },
  });
  const times: number[] = [];
  for (let i = 0; i < SHORT_REPEATS; i++) {
    const start = performance.now();
    const response = await fetch(`${baseUrl}/simulations`, { method: 'POST', headers: { 'content-type': 'application/json', prefer: 'wait=120' }, body });
    const job = (await response.json()) as { status: string };
    if (job.status !== 'succeeded') throw new Error(`the short simulation did not finish: ${response.status} ${job.status}`);
    times.push(performance.now() - start);
  }
  return times;
}

function describe(label: string, figures: LoadFigures): string {
  return (
    `${label}: ${figures.requestsPerSecond.toFixed(0)} requests/s, latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms` +
    (figures.errors + figures.non2xx > 0 ? `; ${figures.errors} errors, ${figures.non2xx} non-2xx` : '')
  );
}

export async function benchLoad(): Promise<{ alone: LoadFigures; besideSimulation: LoadFigures; shortRunMs: number[] }> {
  const service = await startService();
  try {
    // Warm up: a small simulation waits until the simulation threads have loaded their modules
    // (heavy work that would otherwise overlap the first figure), and the first evaluations compile the hot paths.
    await fetch(`${service.baseUrl}/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'wait=120' },
      body: JSON.stringify({ model: { kind: 'contract', contract: pilotWerkfit }, settings: { seed: 1, iterations: 8_192 } }),
    });
    await autocannon({ url: `${service.baseUrl}/contracts/evaluate`, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(pilotWerkfit), connections: 2, amount: 200 });
    const alone = await loadEvaluate(service.baseUrl);
    console.log(describe(`POST /contracts/evaluate, ${CONNECTIONS} connections, ${DURATION_S} s, alone`, alone));

    const submitted = await fetch(`${service.baseUrl}/simulations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', prefer: 'respond-async' },
      body: JSON.stringify({ model: { kind: 'contract', contract: benchContractWithTenUncertainInputs() }, settings: { seed: 1, iterations: BACKGROUND_ITERATIONS } }),
    });
    if (submitted.status !== 202) throw new Error(`the background simulation was not accepted: ${submitted.status} ${await submitted.text()}`);
    const { id } = (await submitted.json()) as { id: string };
    // Start the load once the simulation's threads are at work (starting threads takes a while on a busy machine).
    const started = Date.now();
    while ((await jobStatus(service.baseUrl, id)).status === 'queued' && Date.now() - started < RUNNING_WAIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const besideSimulation = await loadEvaluate(service.baseUrl);
    const job = await jobStatus(service.baseUrl, id);
    const shortRunMs = await shortSimulationMs(service.baseUrl);
    const afterShortRuns = await jobStatus(service.baseUrl, id);
    await fetch(`${service.baseUrl}/simulations/${id}/cancel`, { method: 'POST' });
    console.log(
      describe(`POST /contracts/evaluate, ${CONNECTIONS} connections, ${DURATION_S} s, beside a ${BACKGROUND_ITERATIONS.toLocaleString('en-US')}-iteration simulation`, besideSimulation) +
        ` (the simulation was ${job.status} at ${job.progress.completedIterations.toLocaleString('en-US')} iterations when the load ended)`,
    );
    console.log(
      `POST /simulations, 10-input contract, ${SHORT_ITERATIONS.toLocaleString('en-US')} iterations, expected rates, beside the same simulation: ` +
        `${shortRunMs.map((ms) => ms.toFixed(0)).join(', ')} ms, one after the other (the threads take turns between runs chunk by chunk; ` +
        `the large one was ${afterShortRuns.status} at ${afterShortRuns.progress.completedIterations.toLocaleString('en-US')} iterations after them)`,
    );
    return { alone, besideSimulation, shortRunMs };
  } finally {
    await service.stop();
  }
}
