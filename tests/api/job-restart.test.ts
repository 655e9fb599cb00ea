import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, output, runTs, SERVER_START_TIMEOUT_MS, waitUntil } from '../support/server-process.js';
import { startServices } from '../../api/services.js';
import { SOFTWARE_VERSION } from '../../api/version.js';
import { newOrganisation, STORE_BACKENDS, STORE_START_TIMEOUT_MS, type TestStore } from '../store/test-stores.js';
import { uncertainContract } from './saved-object-fixtures.js';

/**
 * A job survives the death of its service: the test runs the real server process on a temporary
 * data directory, starts a long simulation, kills the process with SIGKILL (no chance to clean
 * up), starts it again, and finds the job resumed to completion with the numbers an uninterrupted
 * run gives.
 */

describe('a simulation job across a killed and restarted service process', () => {
  let dataDirectory: string;
  let server: ChildProcess | null = null;
  let log = '';
  beforeAll(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'rf-restart-'));
  });
  afterAll(async () => {
    if (server !== null && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.on('exit', resolve));
    }
    await rm(dataDirectory, { recursive: true, force: true });
  });

  async function startServer(port: number): Promise<string> {
    const child = runTs('api/server.ts', [], { DATA_DIR: dataDirectory, PORT: String(port), HOST: '127.0.0.1', WORKER_THREADS: '1' });
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    server = child;
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntil('the server to answer /health', async () => ((await fetch(`${baseUrl}/health`)).ok ? true : undefined), SERVER_START_TIMEOUT_MS);
    return baseUrl;
  }

  it(
    'resumes a running job after SIGKILL and a restart, to the result an uninterrupted run gives',
    async () => {
      // The first key, made the way the README says: the script prints it once.
      const created = await output(runTs('scripts/create-key.ts', ['--organisation', 'Gemeente Herstart'], { DATA_DIR: dataDirectory }));
      expect(created.code, created.stderr).toBe(0);
      const key = /^(rf_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)![1];
      const headers = { Authorization: `Bearer ${key}`, 'content-type': 'application/json' };

      let baseUrl = await startServer(await freePort());
      const request = { model: { kind: 'contract', contract: uncertainContract() }, settings: { seed: 77, iterations: 100_000, drawIndividualOutcomes: true } };
      const accepted = await fetch(`${baseUrl}/simulations`, { method: 'POST', headers: { ...headers, Prefer: 'respond-async' }, body: JSON.stringify(request) });
      expect(accepted.status).toBe(202);
      const { id } = (await accepted.json()) as { id: string };
      // Kill it mid-run: once the job has made progress, and before it finished.
      const progress = await waitUntil(
        'the job to make progress',
        async () => {
          const job = (await (await fetch(`${baseUrl}/simulations/${id}`, { headers })).json()) as { status: string; progress: { completedIterations: number } };
          return job.progress.completedIterations > 0 ? job : undefined;
        },
        SERVER_START_TIMEOUT_MS,
      );
      expect(progress.status).toBe('running');
      server!.kill('SIGKILL');
      await new Promise((resolve) => server!.on('exit', resolve));

      baseUrl = await startServer(await freePort());
      expect(log).toMatch(/runs left unfinished by the last stop: 1 resumed, 0 failed/);
      const finished = await waitUntil(
        'the resumed job to finish',
        async () => {
          const job = (await (await fetch(`${baseUrl}/simulations/${id}`, { headers })).json()) as { status: string };
          return job.status === 'queued' || job.status === 'running' ? undefined : job;
        },
        SERVER_START_TIMEOUT_MS,
      );
      expect(finished.status).toBe('succeeded');
      const run = (await (await fetch(`${baseUrl}/runs/${id}`, { headers })).json()) as { status: string; attempts: number; seed: number };
      expect(run).toMatchObject({ status: 'succeeded', attempts: 2, seed: 77 });

      // A run that nothing interrupted (the re-run, in the same process) gives the same bytes.
      const rerun = await fetch(`${baseUrl}/runs/${id}/rerun`, { method: 'POST', headers: { ...headers, Prefer: 'wait=120' } });
      expect(rerun.status).toBe(201);
      const rerunId = ((await rerun.json()) as { id: string }).id;
      const resumedText = await (await fetch(`${baseUrl}/runs/${id}/result`, { headers })).text();
      expect(await (await fetch(`${baseUrl}/runs/${rerunId}/result`, { headers })).text()).toBe(resumedText);
    },
    4 * SERVER_START_TIMEOUT_MS,
  );
});

describe('a run left unfinished by another software version', () => {
  let opened: TestStore;
  beforeAll(async () => {
    opened = await STORE_BACKENDS[0].open();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => opened?.dispose());

  it('is marked failed at start with the reason, not resumed and not lost', async () => {
    const { store } = opened;
    const organisation = await newOrganisation(store, 'Gemeente Versie');
    const id = randomUUID();
    const work = { kind: 'simulation', model: { kind: 'contract' }, settings: { iterations: 1_000 } };
    await store.runs.create({
      id,
      organisationId: organisation.organisationId,
      kind: 'simulation',
      status: 'running',
      request: {},
      sources: [],
      work,
      seed: 1,
      softwareVersion: '0.0.1-older',
      rerunOf: null,
      totalIterations: 1_000,
      createdByKey: organisation.keyId,
      runnerInstance: randomUUID(),
    });
    const services = await startServices({ WORKER_THREADS: 1, MAX_ACTIVE_JOBS: 8, DATABASE_URL: undefined, DATA_DIR: 'unused' }, { store });
    try {
      expect(services.orphans.resumed).toEqual([]);
      expect(services.orphans.failed.map((f) => f.id)).toEqual([id]);
      const run = await store.runs.get(organisation.organisationId, id);
      expect(run!.status).toBe('failed');
      expect(run!.reason).toContain(`restarted with software version ${SOFTWARE_VERSION}`);
      expect(run!.reason).toContain('0.0.1-older');
    } finally {
      await services.close();
    }
  });
});
