import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, output, runTs, SERVER_START_TIMEOUT_MS, waitUntil } from '../support/server-process.js';
import { uncertainContract } from '../api/saved-object-fixtures.js';

/**
 * SIGTERM on the real server process (`node --import tsx api/server.ts`, no tsx wrapper process,
 * so the signal reaches the server itself), on an embedded database in a temporary directory:
 * a request under way (POST /simulations waiting for its result) finishes with its complete,
 * correct answer; once the signal is taken, new connections are refused (or get 503 from /ready);
 * the process exits 0 as soon as the request is done, not at the end of the grace period; and a
 * stored job still unfinished at the stop is left queued or running for the next start, which
 * resumes it to the bytes an uninterrupted run gives.
 */

/** Long enough that the drain never needs it on a busy machine: the exit must come well before. */
const GRACE_MS = 90_000;
/** After the last request, closing the threads and the embedded database. */
const CLOSE_MARGIN_MS = 30_000;

/** GET on a new connection (no keep-alive pool): the status, or the error code when the connection fails. */
function getOnNewConnection(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = httpRequest(url, { agent: false, timeout: 10_000 }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

describe('the server process on SIGTERM', () => {
  let dataDirectory: string;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'rf-sigterm-'));
  });
  afterAll(async () => {
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
    }
    await rm(dataDirectory, { recursive: true, force: true });
  });

  async function startServer(): Promise<ServerProcess> {
    const port = await freePort();
    const child = runTs('api/server.ts', [], {
      DATA_DIR: dataDirectory,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKER_THREADS: '2',
      ALLOW_ANONYMOUS: 'true',
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      SIMULATION_MAX_WAIT_MS: '180000',
    });
    let log = '';
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
    );
    const server: ServerProcess = { child, baseUrl: `http://127.0.0.1:${port}`, log: () => log, exited };
    servers.push(server);
    await waitUntil(
      'the server to answer /health',
      async () => {
        if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${log}`);
        return (await fetch(`${server.baseUrl}/health`)).ok ? true : undefined;
      },
      SERVER_START_TIMEOUT_MS,
    );
    return server;
  }

  it(
    'finishes the request under way, refuses new connections, exits 0 at once, and leaves a running stored job to be resumed',
    async () => {
      // An API key, made the way the README says (the embedded database serves one process: before the start).
      const created = await output(runTs('scripts/create-key.ts', ['--organisation', 'Gemeente Afsluiten'], { DATA_DIR: dataDirectory }));
      expect(created.code, created.stderr).toBe(0);
      const key = /^(rf_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)![1];
      const stored = { Authorization: `Bearer ${key}`, 'content-type': 'application/json' };
      const anonymous = { 'content-type': 'application/json' };

      const first = await startServer();
      // The request that will be under way at the signal, answered synchronously (Prefer: wait).
      const waitingRequest = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 11, iterations: 300_000, drawIndividualOutcomes: true } };
      const postWaiting = () => fetch(`${first.baseUrl}/simulations`, { method: 'POST', headers: { ...anonymous, Prefer: 'wait=170' }, body: JSON.stringify(waitingRequest) });
      // Its reference answer: the same request, nothing interrupting it.
      const reference = await postWaiting();
      expect(reference.status).toBe(200);
      const referenceResult = JSON.stringify(((await reference.json()) as { result: unknown }).result);

      // The waiting request goes first: the pool runs tasks in the order they come, so the stored
      // job queued behind it cannot finish before the drain does.
      const waiting = postWaiting();
      // (Awaited below: a request cut off fails there, not as an unhandled rejection.)
      waiting.catch(() => {});
      await waitUntil(
        'the waiting request to be under way',
        async () => ((await (await fetch(`${first.baseUrl}/metrics`)).text()).match(/^simulation_jobs_active 1$/m) ? true : undefined),
        SERVER_START_TIMEOUT_MS,
      );
      // A stored job, still queued or running when the drain ends.
      const longRequest = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 77, iterations: 400_000 } };
      const accepted = await fetch(`${first.baseUrl}/simulations`, { method: 'POST', headers: { ...stored, Prefer: 'respond-async' }, body: JSON.stringify(longRequest) });
      expect(accepted.status).toBe(202);
      const { id } = (await accepted.json()) as { id: string };
      // Both under way at the signal.
      expect((await (await fetch(`${first.baseUrl}/metrics`)).text()).match(/^simulation_jobs_active 2$/m), 'both jobs active before the signal').not.toBeNull();
      const signalledAt = Date.now();
      first.child.kill('SIGTERM');
      await waitUntil('the server to take the signal', async () => (first.log().includes('SIGTERM: finishing the requests under way') ? true : undefined), 30_000);

      // Draining: a new connection is refused (or told not ready); nothing answers 200.
      for (const path of ['/ready', '/health']) {
        const outcome = await getOnNewConnection(first.baseUrl + path);
        expect([503, 'ECONNREFUSED', 'ECONNRESET'], `${path} while draining: ${outcome}`).toContain(outcome);
      }

      // The request under way completes, whole and correct.
      const answer = await waiting;
      const answeredAt = Date.now();
      expect(answer.status).toBe(200);
      const view = (await answer.json()) as { status: string; progress: { completedIterations: number; totalIterations: number }; result: unknown };
      expect(view.status).toBe('succeeded');
      expect(view.progress).toMatchObject({ completedIterations: 300_000, totalIterations: 300_000 });
      expect(JSON.stringify(view.result)).toBe(referenceResult);

      // The process exits 0 once the drain is done: not cut off, and not waiting out the grace period.
      const exit = await first.exited;
      expect({ code: exit.code, signal: exit.signal }, first.log()).toEqual({ code: 0, signal: null });
      expect(exit.at - signalledAt).toBeLessThan(GRACE_MS + CLOSE_MARGIN_MS);
      expect(exit.at - answeredAt).toBeLessThan(CLOSE_MARGIN_MS);
      expect(first.log()).not.toContain('the grace period ended');

      // The stored job was left queued or running for the next start, which resumes it. (Queued
      // behind the waiting request, it cannot have finished when the drain ended.)
      const second = await startServer();
      expect(second.log()).toMatch(/runs left unfinished by the last stop: 1 resumed, 0 failed/);
      const finished = await waitUntil(
        'the stored job to finish',
        async () => {
          const job = (await (await fetch(`${second.baseUrl}/simulations/${id}`, { headers: stored })).json()) as { status: string };
          return job.status === 'queued' || job.status === 'running' ? undefined : job;
        },
        SERVER_START_TIMEOUT_MS,
      );
      expect(finished.status).toBe('succeeded');
      const run = (await (await fetch(`${second.baseUrl}/runs/${id}`, { headers: stored })).json()) as { status: string; attempts: number; seed: number };
      expect(run).toMatchObject({ status: 'succeeded', attempts: 2, seed: 77 });

      // An uninterrupted run of the same request (a re-run) gives the same bytes.
      const rerun = await fetch(`${second.baseUrl}/runs/${id}/rerun`, { method: 'POST', headers: { ...stored, Prefer: 'wait=170' } });
      expect(rerun.status).toBe(201);
      const rerunId = ((await rerun.json()) as { id: string }).id;
      const resumedText = await (await fetch(`${second.baseUrl}/runs/${id}/result`, { headers: stored })).text();
      expect(await (await fetch(`${second.baseUrl}/runs/${rerunId}/result`, { headers: stored })).text()).toBe(resumedText);

      // The second server stops cleanly too, with nothing under way.
      const stoppedAt = Date.now();
      second.child.kill('SIGTERM');
      const secondExit = await second.exited;
      expect({ code: secondExit.code, signal: secondExit.signal }, second.log()).toEqual({ code: 0, signal: null });
      expect(secondExit.at - stoppedAt).toBeLessThan(CLOSE_MARGIN_MS);
    },
    5 * SERVER_START_TIMEOUT_MS,
  );
});
