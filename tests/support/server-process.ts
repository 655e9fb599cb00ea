import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Running the real service (or a script of it) as a child process, for tests of what only a whole
 * process shows: restarts, signals, exit codes.
 */

const PROJECT_ROOT = new URL('../../', import.meta.url);

/** Starting the server opens the embedded database: 10 to 30 seconds on a busy machine. */
export const SERVER_START_TIMEOUT_MS = 120_000;

/** A TCP port nothing listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs a TypeScript entry point in one node process (no tsx wrapper process, so SIGKILL and SIGTERM
 * hit the script itself). No queue and no shared database come from the caller's environment: the
 * embedded database in the DATA_DIR given.
 */
export function runTs(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, REDIS_URL: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for the process to exit: its exit code and everything it printed. */
export async function output(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

/** Polls `probe` until it gives a value (a throw counts as not yet), or fails after `timeoutMs`. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface ServiceProcess {
  baseUrl: string;
  pid: number;
  /** The process's resident set (VmRSS in /proc/<pid>/status, Linux), in MiB: threads included. */
  rssMiB(): number;
  /** Everything it printed so far. */
  log(): string;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `api/server.ts` on a free port with `env` (DATA_DIR required) and waits until it listens. */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await freePort();
  const child = runTs('api/server.ts', [], { HOST: '127.0.0.1', PORT: String(port), ...env });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntil(`the service on port ${port} (${log})`, async () => ((await fetch(`${baseUrl}/health`)).ok ? true : undefined), SERVER_START_TIMEOUT_MS);
  return {
    baseUrl,
    pid: child.pid!,
    rssMiB: () => Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
