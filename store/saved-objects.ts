import { randomUUID } from 'node:crypto';
import type { Caller } from './api-keys.js';
import type { Database, Queryable } from './database.js';
import { decodeCursor, MAX_DATABASE_INTEGER, toPage, type Page, type PageRequest } from './pagination.js';

/**
 * Saved contracts, portfolios and scenarios with their versions. Every query names the
 * organisation: another organisation's object is simply not found, so its existence does not
 * leak. Updates are optimistic: the caller says which version it edited, and an update of a
 * version that is no longer current changes nothing and reports the current one.
 */

export const SAVED_OBJECT_KINDS = ['contract', 'portfolio', 'scenario'] as const;
export type SavedObjectKind = (typeof SAVED_OBJECT_KINDS)[number];

export interface SavedObjectSummary {
  id: string;
  kind: SavedObjectKind;
  name: string;
  /** The current version. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One version of a saved object with its content. */
export interface SavedObjectVersion {
  id: string;
  kind: SavedObjectKind;
  version: number;
  name: string;
  body: unknown;
  /** When this version was written. */
  createdAt: Date;
  /** The id of the API key that wrote it. */
  createdByKey: string | null;
}

export interface VersionSummary {
  version: number;
  name: string;
  createdAt: Date;
  createdByKey: string | null;
}

export type UpdateOutcome =
  | { outcome: 'updated'; object: SavedObjectVersion }
  | { outcome: 'not-found' }
  | { outcome: 'stale'; currentVersion: number };

export type DeleteOutcome = { outcome: 'deleted' } | { outcome: 'not-found' } | { outcome: 'stale'; currentVersion: number };

interface SummaryRow {
  id: string;
  seq: number | string;
  kind: SavedObjectKind;
  name: string;
  current_version: number;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow {
  object_id: string;
  kind: SavedObjectKind;
  version: number;
  name: string;
  body: unknown;
  created_at: Date;
  created_by_key: string | null;
}

const toSummary = (row: SummaryRow): SavedObjectSummary => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  version: row.current_version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toVersion = (row: VersionRow): SavedObjectVersion => ({
  id: row.object_id,
  kind: row.kind,
  version: row.version,
  name: row.name,
  body: row.body,
  createdAt: row.created_at,
  createdByKey: row.created_by_key,
});

const VERSION_COLUMNS = 'v.object_id, o.kind, v.version, v.name, v.body, v.created_at, v.created_by_key';

async function insertVersion(tx: Queryable, id: string, kind: SavedObjectKind, version: number, name: string, body: unknown, keyId: string | null) {
  const [row] = await tx.query<VersionRow>(
    `INSERT INTO saved_object_versions (object_id, version, name, body, created_by_key) VALUES ($1, $2, $3, $4::json, $5)
     RETURNING object_id, $6::text AS kind, version, name, body, created_at, created_by_key`,
    [id, version, name, JSON.stringify(body), keyId, kind],
  );
  return toVersion(row);
}

export function savedObjectRepository(database: Database) {
  return {
    async create(caller: Caller, kind: SavedObjectKind, name: string, body: unknown): Promise<SavedObjectVersion> {
      return database.transaction(async (tx) => {
        const id = randomUUID();
        await tx.query('INSERT INTO saved_objects (id, organisation_id, kind, name, current_version) VALUES ($1, $2, $3, $4, 1)', [
          id,
          caller.organisationId,
          kind,
          name,
        ]);
        return insertVersion(tx, id, kind, 1, name, body, caller.keyId);
      });
    },

    async list(organisationId: string, kind: SavedObjectKind, page: PageRequest): Promise<Page<SavedObjectSummary>> {
      const after = decodeCursor(page.cursor);
      const rows = await database.query<SummaryRow>(
        `SELECT id, seq, kind, name, current_version, created_at, updated_at FROM saved_objects
         WHERE organisation_id = $1 AND kind = $2 AND ($3::bigint IS NULL OR seq < $3::bigint)
         ORDER BY seq DESC LIMIT $4`,
        [organisationId, kind, after, page.limit + 1],
      );
      return toPage(rows, page.limit, (row) => Number(row.seq), toSummary);
    },

    /** The current version, or the given one; null when the organisation has no such object or version. */
    async get(organisationId: string, kind: SavedObjectKind, id: string, version?: number): Promise<SavedObjectVersion | null> {
      const [row] = await database.query<VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM saved_objects o JOIN saved_object_versions v ON v.object_id = o.id
         WHERE o.id = $1 AND o.organisation_id = $2 AND o.kind = $3 AND v.version = COALESCE($4::integer, o.current_version)`,
        [id, organisationId, kind, version ?? null],
      );
      return row === undefined ? null : toVersion(row);
    },

    /** Every version, newest first; null when the organisation has no such object. */
    async versions(organisationId: string, kind: SavedObjectKind, id: string, page: PageRequest): Promise<Page<VersionSummary> | null> {
      const before = decodeCursor(page.cursor, MAX_DATABASE_INTEGER);
      const rows = await database.query<VersionRow & { current_version: number }>(
        `SELECT o.current_version, v.version, v.name, v.created_at, v.created_by_key
         FROM saved_objects o LEFT JOIN saved_object_versions v ON v.object_id = o.id AND ($4::integer IS NULL OR v.version < $4::integer)
         WHERE o.id = $1 AND o.organisation_id = $2 AND o.kind = $3
         ORDER BY v.version DESC LIMIT $5`,
        [id, organisationId, kind, before, page.limit + 1],
      );
      if (rows.length === 0) return null;
      const versions = rows.filter((row) => row.version !== null);
      return toPage(versions, page.limit, (row) => row.version, (row) => ({
        version: row.version,
        name: row.name,
        createdAt: row.created_at,
        createdByKey: row.created_by_key,
      }));
    },

    /** Writes version `expectedVersion + 1` if `expectedVersion` is still the current one. */
    async update(caller: Caller, kind: SavedObjectKind, id: string, expectedVersion: number, name: string, body: unknown): Promise<UpdateOutcome> {
      return database.transaction(async (tx) => {
        // The row lock taken by UPDATE makes a concurrent update of the same object wait, then
        // find the version changed: exactly one of two updates from the same version wins.
        const [updated] = await tx.query<{ current_version: number }>(
          `UPDATE saved_objects SET current_version = current_version + 1, name = $5, updated_at = now()
           WHERE id = $1 AND organisation_id = $2 AND kind = $3 AND current_version = $4 RETURNING current_version`,
          [id, caller.organisationId, kind, expectedVersion, name],
        );
        if (updated === undefined) return staleOrMissing(tx, caller.organisationId, kind, id);
        return { outcome: 'updated', object: await insertVersion(tx, id, kind, updated.current_version, name, body, caller.keyId) };
      });
    },

    /** Deletes the object and its versions (runs keep their own copy of what they used). */
    async delete(organisationId: string, kind: SavedObjectKind, id: string, expectedVersion?: number): Promise<DeleteOutcome> {
      return database.transaction(async (tx) => {
        const deleted = await tx.query(
          `DELETE FROM saved_objects WHERE id = $1 AND organisation_id = $2 AND kind = $3 AND ($4::integer IS NULL OR current_version = $4::integer) RETURNING id`,
          [id, organisationId, kind, expectedVersion ?? null],
        );
        if (deleted.length === 1) return { outcome: 'deleted' };
        return staleOrMissing(tx, organisationId, kind, id);
      });
    },
  };
}
export type SavedObjectRepository = ReturnType<typeof savedObjectRepository>;

async function staleOrMissing(tx: Queryable, organisationId: string, kind: SavedObjectKind, id: string): Promise<{ outcome: 'not-found' } | { outcome: 'stale'; currentVersion: number }> {
  const [current] = await tx.query<{ current_version: number }>(
    'SELECT current_version FROM saved_objects WHERE id = $1 AND organisation_id = $2 AND kind = $3',
    [id, organisationId, kind],
  );
  return current === undefined ? { outcome: 'not-found' } : { outcome: 'stale', currentVersion: current.current_version };
}
