import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { Database } from './database.js';

/**
 * Schema migrations: numbered SQL files in `store/migrations/` (`0001-name.sql`), applied in
 * order at start-up, all pending ones in one transaction, each recorded in `schema_migrations`
 * with a checksum. The same files serve the embedded database and PostgreSQL. Services starting
 * at once on one PostgreSQL server take an advisory lock, so one migrates and the others then
 * find nothing to do.
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface MigrationOutcome {
  /** Versions applied by this call, in order (empty when the schema was up to date). */
  applied: number[];
  /** The schema version afterwards. */
  version: number;
}

export class MigrationError extends Error {}

/** An arbitrary constant shared by every instance: the key of the migration advisory lock. */
const MIGRATION_LOCK_KEY = 7_245_310_216;

const MIGRATIONS_DIRECTORY = new URL('./migrations/', import.meta.url);

export async function loadMigrations(directory: URL = MIGRATIONS_DIRECTORY): Promise<Migration[]> {
  const files = (await readdir(directory)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d+)-(.+)\.sql$/.exec(file);
    if (match === null) throw new MigrationError(`Migration file ${file} is not named NNNN-name.sql`);
    migrations.push({ version: Number(match[1]), name: match[2], sql: await readFile(new URL(file, directory), 'utf8') });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new MigrationError(`Migration ${migration.version} (${migration.name}) is out of sequence: expected ${index + 1}`);
  });
  return migrations;
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/**
 * Brings the schema up to `upTo` (default: the latest migration). Refuses a database whose
 * applied migrations differ from the files (a changed file, or a newer schema than this software).
 */
export async function migrate(database: Database, migrations: Migration[], { upTo = migrations.length } = {}): Promise<MigrationOutcome> {
  return database.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const appliedRows = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    for (const row of appliedRows) {
      const known = migrations.find((migration) => migration.version === row.version);
      if (known === undefined) {
        throw new MigrationError(
          `The database schema has migration ${row.version} (${row.name}), which this software does not know: it was migrated by a newer version.`,
        );
      }
      if (checksum(known.sql) !== row.checksum) {
        throw new MigrationError(`Migration ${row.version} (${row.name}) was changed after it was applied; add a new migration instead.`);
      }
    }
    const done = new Set(appliedRows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of migrations) {
      if (migration.version > upTo || done.has(migration.version)) continue;
      await tx.execute(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [migration.version, migration.name, checksum(migration.sql)]);
      applied.push(migration.version);
    }
    const version = Math.max(0, ...done, ...applied);
    return { applied, version };
  });
}
