import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { QUEUE_NAME } from '../../runtime/queue/queue-protocol.js';

/**
 * Queue worker processes for the scale-out tests: `runtime/queue-worker.ts` spawned without a tsx
 * wrapper (so signals reach the worker itself), its JSON log lines collected as events.
 */

export interface WorkerEvent {
  event: string;
  job?: string;
  /** When the test process read the line (Date.now()). */
  at: number;
}

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  events: WorkerEvent[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** The first event matching `predicate`; rejects when the worker exits first, or after `timeoutMs` when given. */
  waitFor(predicate: (event: WorkerEvent) => boolean, timeoutMs?: number): Promise<WorkerEvent>;
}

export function startWorker(name: string, options: { redisUrl: string; prefix: string; lockMs: number }): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/queue-worker.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: {
      ...process.env,
      REDIS_URL: options.redisUrl,
      QUEUE_PREFIX: options.prefix,
      WORKER_THREADS: '1',
      QUEUE_LOCK_MS: String(options.lockMs),
      WORKER_NAME: name,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const events: WorkerEvent[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      events.push({ ...(JSON.parse(line) as { event: string; job?: string }), at: Date.now() });
      for (const wake of [...waiters]) wake();
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => {
      resolve({ code, signal, at: Date.now() });
      for (const wake of [...waiters]) wake();
    }),
  );
  return {
    name,
    child,
    events,
    exited,
    waitFor: (predicate, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                waiters.delete(check);
                reject(new Error(`timed out waiting for an event of worker ${name}`));
              }, timeoutMs);
        function check() {
          const found = events.find(predicate);
          if (found !== undefined || child.exitCode !== null || child.signalCode !== null) {
            waiters.delete(check);
            clearTimeout(timer);
            if (found !== undefined) resolve(found);
            else reject(new Error(`worker ${name} exited (${child.exitCode ?? child.signalCode}) before the awaited event`));
          }
        }
        waiters.add(check);
        check();
      }),
  };
}

/** SIGTERM, and wait for the exit (at once when the worker has exited already). */
export async function stopWorker(worker: WorkerProcess): Promise<void> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return;
  worker.child.kill('SIGTERM');
  await worker.exited;
}

/** Leaves nothing of a test's queue prefix in the shared Redis. */
export async function removeQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const queue = new Queue(QUEUE_NAME, { connection: { url: redisUrl }, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  const redis = new Redis(redisUrl);
  const leftovers = await redis.keys(`${prefix}:*`);
  if (leftovers.length > 0) await redis.del(...leftovers);
  redis.disconnect();
}
