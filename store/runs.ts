import type { Queryable } from './database.js';
import { decodeCursor, toPage, type Page, type PageRequest } from './pagination.js';
import type { SavedObjectKind } from './saved-objects.js';

/**
 * Stored runs: every simulation, comparison and sensitivity run of an organisation, with the
 * request as validated, the work the engine ran, seed, software version, status and the result
 * text exactly as the API returned it. A simulation's progress and outcome are written by the
 * service instance that runs it (`runner_instance`); writes from an instance that no longer owns
 * the run (another took it over) change nothing.
 */

export const RUN_KINDS = ['simulation', 'comparison', 'sensitivity'] as const;
export type RunKind = (typeof RUN_KINDS)[number];
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A saved object (a version of it) that a run's request referred to. */
export interface RunSource {
  /** Where in the request the reference stood, e.g. `model`. */
  path: string;
  kind: SavedObjectKind;
  id: string;
  version: number;
}

export interface NewRun {
  id: string;
  organisationId: string;
  kind: RunKind;
  status: RunStatus;
  request: unknown;
  sources: RunSource[];
  work: unknown;
  seed: number | null;
  softwareVersion: string;
  rerunOf: string | null;
  totalIterations: number;
  createdByKey: string | null;
  runnerInstance: string | null;
  /** For a run that finished before it was stored (sensitivity). */
  completedIterations?: number;
  resultText?: string | null;
  reason?: string | null;
  error?: unknown;
  startedAt?: Date | null;
  finishedAt?: Date | null;
}

export interface RunSummary {
  id: string;
  kind: RunKind;
  status: RunStatus;
  seed: number | null;
  softwareVersion: string;
  rerunOf: string | null;
  sources: RunSource[];
  completedIterations: number;
  totalIterations: number;
  reason: string | null;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface RunRecord extends RunSummary {
  organisationId: string;
  request: unknown;
  work: unknown;
  resultText: string | null;
  error: unknown;
  runnerInstance: string | null;
  createdByKey: string | null;
}

interface RunRow {
  id: string;
  seq: number | string;
  organisation_id: string;
  kind: RunKind;
  status: RunStatus;
  request: unknown;
  sources: RunSource[];
  work: unknown;
  seed: number | string | null;
  software_version: string;
  rerun_of: string | null;
  completed_iterations: number;
  total_iterations: number;
  result: string | null;
  reason: string | null;
  error: unknown;
  attempts: number;
  runner_instance: string | null;
  created_by_key: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const SUMMARY_COLUMNS =
  'id, seq, kind, status, seed, software_version, rerun_of, sources, completed_iterations, total_iterations, reason, attempts, created_at, started_at, finished_at';
const ALL_COLUMNS = `${SUMMARY_COLUMNS}, organisation_id, request, work, result, error, runner_instance, created_by_key`;

const toSummary = (row: RunRow): RunSummary => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  // bigint: a number from PGlite, a string from pg.
  seed: row.seed === null ? null : Number(row.seed),
  softwareVersion: row.software_version,
  rerunOf: row.rerun_of,
  sources: row.sources,
  completedIterations: row.completed_iterations,
  totalIterations: row.total_iterations,
  reason: row.reason,
  attempts: row.attempts,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

const toRecord = (row: RunRow): RunRecord => ({
  ...toSummary(row),
  organisationId: row.organisation_id,
  request: row.request,
  work: row.work,
  resultText: row.result,
  error: row.error,
  runnerInstance: row.runner_instance,
  createdByKey: row.created_by_key,
});

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The outcome of a run as its instance writes it. */
export interface RunOutcome {
  status: 'succeeded' | 'failed' | 'cancelled';
  completedIterations: number;
  resultText: string | null;
  reason: string | null;
  error: unknown;
  finishedAt: Date;
}

export function runRepository(database: Queryable) {
  return {
    async create(run: NewRun): Promise<RunRecord> {
      const [row] = await database.query<RunRow>(
        `INSERT INTO runs (id, organisation_id, kind, status, request, sources, work, seed, software_version, rerun_of, total_iterations,
           created_by_key, runner_instance, completed_iterations, result, reason, error, started_at, finished_at)
         VALUES ($1, $2, $3, $4, $5::json, $6::json, $7::json, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::json, $18, $19)
         RETURNING ${ALL_COLUMNS}`,
        [
          run.id,
          run.organisationId,
          run.kind,
          run.status,
          JSON.stringify(run.request),
          JSON.stringify(run.sources),
          JSON.stringify(run.work),
          run.seed,
          run.softwareVersion,
          run.rerunOf,
          run.totalIterations,
          run.createdByKey,
          run.runnerInstance,
          run.completedIterations ?? 0,
          run.resultText ?? null,
          run.reason ?? null,
          json(run.error),
          run.startedAt ?? null,
          run.finishedAt ?? null,
        ],
      );
      return toRecord(row);
    },

    /** The organisation's run, or null (also for another organisation's run). */
    async get(organisationId: string, id: string): Promise<RunRecord | null> {
      const [row] = await database.query<RunRow>(`SELECT ${ALL_COLUMNS} FROM runs WHERE id = $1 AND organisation_id = $2`, [id, organisationId]);
      return row === undefined ? null : toRecord(row);
    },

    async list(organisationId: string, page: PageRequest): Promise<Page<RunSummary>> {
      const after = decodeCursor(page.cursor);
      const rows = await database.query<RunRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM runs WHERE organisation_id = $1 AND ($2::bigint IS NULL OR seq < $2::bigint) ORDER BY seq DESC LIMIT $3`,
        [organisationId, after, page.limit + 1],
      );
      return toPage(rows, page.limit, (row) => Number(row.seq), toSummary);
    },

    async delete(organisationId: string, id: string): Promise<boolean> {
      return (await database.query('DELETE FROM runs WHERE id = $1 AND organisation_id = $2 RETURNING id', [id, organisationId])).length === 1;
    },

    /** The run started on `instance`. */
    async markRunning(id: string, instance: string, startedAt: Date): Promise<void> {
      await database.query(
        `UPDATE runs SET status = 'running', started_at = $3 WHERE id = $1 AND runner_instance = $2 AND status IN ('queued', 'running')`,
        [id, instance, startedAt],
      );
    },

    async recordProgress(id: string, instance: string, completedIterations: number): Promise<void> {
      await database.query(
        `UPDATE runs SET completed_iterations = $3 WHERE id = $1 AND runner_instance = $2 AND status IN ('queued', 'running')`,
        [id, instance, completedIterations],
      );
    },

    async finish(id: string, instance: string, outcome: RunOutcome): Promise<void> {
      await database.query(
        `UPDATE runs SET status = $3, completed_iterations = $4, result = $5, reason = $6, error = $7::json, finished_at = $8, runner_instance = NULL
         WHERE id = $1 AND runner_instance = $2 AND status IN ('queued', 'running')`,
        [id, instance, outcome.status, outcome.completedIterations, outcome.resultText, outcome.reason, json(outcome.error), outcome.finishedAt],
      );
    },

    /**
     * Takes over the runs left queued or running by instances that are gone: every other instance
     * when `othersAlive` is false (the embedded database serves one process), otherwise those whose
     * heartbeat is older than `staleAfterMs`. Each taken run is queued again on `instance` with
     * its progress reset and its attempts counted.
     */
    async claimOrphans(instance: string, { othersAlive, staleAfterMs }: { othersAlive: boolean; staleAfterMs: number }): Promise<RunRecord[]> {
      const rows = await database.query<RunRow>(
        `UPDATE runs SET runner_instance = $1, status = 'queued', completed_iterations = 0, started_at = NULL, attempts = attempts + 1
         WHERE status IN ('queued', 'running') AND kind <> 'sensitivity'
           AND (runner_instance IS NULL OR runner_instance <> $1)
           AND (NOT $2::boolean OR runner_instance IS NULL OR runner_instance NOT IN (
             SELECT id FROM service_instances WHERE heartbeat_at > now() - make_interval(secs => $3::double precision / 1000)))
         RETURNING ${ALL_COLUMNS}`,
        [instance, othersAlive, staleAfterMs],
      );
      return rows.map(toRecord).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    },

    /** Fails a run this instance holds, with a reason (one that cannot be resumed). */
    async fail(id: string, instance: string, reason: string, finishedAt: Date): Promise<void> {
      await this.finish(id, instance, { status: 'failed', completedIterations: 0, resultText: null, reason, error: null, finishedAt });
    },
  };
}
export type RunRepository = ReturnType<typeof runRepository>;
