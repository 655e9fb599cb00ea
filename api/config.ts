import { z } from 'zod';

/** An optional URL setting: unset or empty means not configured; otherwise it must match `scheme`. */
function optionalUrl(scheme: RegExp, message: string) {
  return z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(scheme, message).optional());
}

/** Service configuration from the environment, validated at start-up so a typo fails fast. */
export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Largest request body accepted, in bytes (1 MiB holds a 240-month contract with 20 profiles many times over). */
  MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  /** Worker threads that run simulations; default: every core (os.availableParallelism()). */
  WORKER_THREADS: z.coerce.number().int().min(1).max(256).optional(),
  /** Simulations queued or running at once; more get 429 with Retry-After. */
  MAX_ACTIVE_JOBS: z.coerce.number().int().min(1).max(10_000).default(8),
  /** How long POST /simulations waits for the result before answering 202 (Prefer: wait=N overrides). */
  SIMULATION_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  /** Longest wait a client may ask for with Prefer: wait=N. */
  SIMULATION_MAX_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(60_000),
  /** PostgreSQL connection string; when unset, the embedded database in DATA_DIR is used. */
  DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  /** Folder of the embedded database (ignored when DATABASE_URL is set). */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Folder for kept samples (keepSamples runs write them here and GET /simulations/{id}/samples
   * streams them); default: `samples` in DATA_DIR.
   */
  SAMPLES_DIR: z.string().min(1).optional(),
  /** Whether callers without an API key may use the endpoints that save nothing (evaluate, simulate, sensitivity, presets). */
  ALLOW_ANONYMOUS: z.stringbool().default(true),
  /**
   * Simulations one organisation (API key holder) may have queued or running at once; more get 429
   * with Retry-After. Default: half of MAX_ACTIVE_JOBS' default, so one organisation cannot fill the service.
   * Sensitivity analyses (POST /sensitivity) count against it together with the organisation's simulations;
   * all anonymous callers together may have this many analyses (plus anonymous simulations) under way.
   */
  MAX_ACTIVE_JOBS_PER_ORGANISATION: z.coerce.number().int().min(1).max(10_000).default(4),
  /**
   * Seconds one simulation job may run (from its first progress report; queueing does not count)
   * before it is stopped and marked failed with the reason. 0: no limit.
   */
  MAX_JOB_SECONDS: z.coerce.number().int().min(0).max(86_400).default(1_800),
  /**
   * Seconds one sensitivity analysis, report computation or re-forecast may compute once a thread
   * has begun it (waiting for a thread and its start do not count); then its thread is stopped and the request
   * is answered 503 `time-limit`. 0: no limit.
   */
  MAX_REQUEST_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  /**
   * Bytes the results of finished anonymous simulations may hold in memory together (JSON text plus
   * kept samples); beyond it the oldest are dropped and their id answers 404. Default 256 MiB.
   */
  MAX_ANONYMOUS_RESULT_BYTES: z.coerce.number().int().min(0).default(256 * 1024 * 1024),
  /** Requests a minute from one caller (organisation, else IP address); more get 429 with Retry-After. 0: no limit. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Redis for the shared job queue: when set, simulations and sensitivity analyses run in worker processes (npm run worker). */
  REDIS_URL: optionalUrl(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'),
  /** Key prefix of the queue in Redis: API and worker processes that share work use the same one. */
  QUEUE_PREFIX: z.string().min(1).default('resultaatfinanciering'),
  /**
   * On SIGTERM, how long requests under way may take to finish before their connections are closed.
   * Default: within the 30 s a container orchestrator such as Kubernetes waits before SIGKILL.
   */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
});
export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${lines}`);
  }
  return parsed.data;
}
