import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirectoryInUse } from '../../store/data-directory-lock.js';
import { openPgliteDatabase } from '../../store/pglite-database.js';
import { openPostgresDatabase } from '../../store/postgres-database.js';
import { loadMigrations, migrate, MigrationError, openStore, type Database, type Migration } from '../../store/index.js';
import { createScratchDatabase, STORE_START_TIMEOUT_MS, TEST_DATABASE_URL, type ScratchDatabase } from './test-stores.js';

const tables = async (database: Database) =>
  (await database.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`)).map(
    (row) => row.table_name,
  );

const backends = [
  { name: 'PGlite', available: true, open: async () => ({ database: await openPgliteDatabase(undefined), drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    available: TEST_DATABASE_URL !== undefined,
    open: async () => {
      const scratch: ScratchDatabase = await createScratchDatabase();
      return { database: await openPostgresDatabase(scratch.url), drop: () => scratch.drop() };
    },
  },
];

for (const backend of backends) {
  describe.skipIf(!backend.available)(`migrations on ${backend.name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let migrations: Migration[];
    beforeAll(async () => {
      ({ database, drop } = await backend.open());
      migrations = await loadMigrations();
    }, STORE_START_TIMEOUT_MS);
    afterAll(async () => {
      await database?.close();
      await drop?.();
    });

    it('upgrades an older schema, keeping its data, and is a no-op when run again', async () => {
      // An empty database brought to the first schema only: what an install of that version left.
      expect(await migrate(database, migrations, { upTo: 1 })).toEqual({ applied: [1], version: 1 });
      expect(await tables(database)).toEqual(['api_keys', 'organisations', 'schema_migrations']);
      await database.query(`INSERT INTO organisations (id, name) VALUES ('org-1', 'Gemeente Oud')`);

      expect(await migrate(database, migrations)).toEqual({ applied: [2, 3, 4], version: 4 });
      expect(await tables(database)).toEqual(['api_keys', 'contract_actuals_versions', 'organisations', 'runs', 'saved_object_versions', 'saved_objects', 'schema_migrations', 'service_instances']);
      expect(await database.query('SELECT id, name FROM organisations')).toEqual([{ id: 'org-1', name: 'Gemeente Oud' }]);

      expect(await migrate(database, migrations)).toEqual({ applied: [], version: 4 });
      const recorded = await database.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(recorded.map((row) => row.version)).toEqual([1, 2, 3, 4]);
    });

    it('refuses a database whose applied migration was edited afterwards, changing nothing', async () => {
      const edited = migrations.map((m) => (m.version === 2 ? { ...m, sql: m.sql + '\n-- edited' } : m));
      await expect(migrate(database, edited)).rejects.toThrow(MigrationError);
      await expect(migrate(database, edited)).rejects.toThrow(/Migration 2 \(saved-objects\) was changed after it was applied/);
    });

    it('refuses a database migrated by a newer version of the software', async () => {
      await expect(migrate(database, migrations.slice(0, 2))).rejects.toThrow(/migration 3 \(runs\), which this software does not know/);
    });

    it('applies nothing of a migration that fails: the schema stays as it was', async () => {
      const broken = [...migrations, { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (id integer); SELECT no_such_function();' }];
      await expect(migrate(database, broken)).rejects.toThrow();
      expect(await tables(database)).not.toContain('half_done');
      expect(await migrate(database, migrations)).toEqual({ applied: [], version: 4 });
    });
  });
}

describe('the embedded database in a data directory', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rf-store-'));
  });
  afterAll(async () => rm(directory, { recursive: true, force: true }));

  it('keeps data across a restart, migrates only once, and serves one process at a time', async () => {
    const first = await openStore({ dataDirectory: directory });
    expect(first.migrations.applied).toEqual([1, 2, 3, 4]);
    const organisation = await first.organisations.create('Gemeente Blijvend');
    // A second opener (a second `npm start`, or the key script while the service runs) is refused.
    await expect(openStore({ dataDirectory: directory })).rejects.toBeInstanceOf(DataDirectoryInUse);
    await first.close();

    const second = await openStore({ dataDirectory: directory });
    try {
      expect(second.migrations).toEqual({ applied: [], version: 4 });
      expect(await second.organisations.get(organisation.id)).toMatchObject({ name: 'Gemeente Blijvend' });
    } finally {
      await second.close();
    }
  }, 3 * STORE_START_TIMEOUT_MS);
});
