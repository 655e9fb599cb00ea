import { join, resolve } from 'node:path';
import { apiKeyRepository, type ApiKeyRepository } from './api-keys.js';
import { contractActualsRepository, type ContractActualsRepository } from './contract-actuals.js';
import type { Database } from './database.js';
import { lockDataDirectory, type DataDirectoryLock } from './data-directory-lock.js';
import { loadMigrations, migrate, type MigrationOutcome } from './migrations.js';
import { organisationRepository, type OrganisationRepository } from './organisations.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';
import { runRepository, type RunRepository } from './runs.js';
import { savedObjectRepository, type SavedObjectRepository } from './saved-objects.js';
import { serviceInstanceRepository, type ServiceInstanceRepository } from './service-instances.js';

/** Where the data lives: a PostgreSQL server, an embedded database in a folder, or (tests) memory. */
export type StoreLocation = { databaseUrl: string } | { dataDirectory: string } | { memory: true };

export interface Store {
  readonly database: Database;
  readonly organisations: OrganisationRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly savedObjects: SavedObjectRepository;
  /** Actuals of saved contracts, versioned (issue 16). */
  readonly contractActuals: ContractActualsRepository;
  readonly runs: RunRepository;
  readonly instances: ServiceInstanceRepository;
  /** The schema migrations applied when the store opened. */
  readonly migrations: MigrationOutcome;
  close(): Promise<void>;
}

/** The embedded database's files sit in this subfolder of the data directory, beside its lock. */
const PGLITE_FOLDER = 'pglite';

/** Opens the database, runs pending migrations, and returns the repositories over it. */
export async function openStore(location: StoreLocation): Promise<Store> {
  let lock: DataDirectoryLock | null = null;
  let database: Database;
  if ('databaseUrl' in location) database = await openPostgresDatabase(location.databaseUrl);
  else if ('dataDirectory' in location) {
    const directory = resolve(location.dataDirectory);
    lock = lockDataDirectory(directory);
    try {
      database = await openPgliteDatabase(join(directory, PGLITE_FOLDER));
    } catch (error) {
      lock.release();
      throw error;
    }
  } else database = await openPgliteDatabase(undefined);

  let migrations: MigrationOutcome;
  try {
    migrations = await migrate(database, await loadMigrations());
  } catch (error) {
    await database.close();
    lock?.release();
    throw error;
  }
  return storeOver(database, migrations, async () => {
    await database.close();
    lock?.release();
  });
}

/** Repositories over an open, migrated database (tests use it to share one database). */
export function storeOver(database: Database, migrations: MigrationOutcome, close: () => Promise<void> = () => database.close()): Store {
  return {
    database,
    organisations: organisationRepository(database),
    apiKeys: apiKeyRepository(database),
    savedObjects: savedObjectRepository(database),
    contractActuals: contractActualsRepository(database),
    runs: runRepository(database),
    instances: serviceInstanceRepository(database),
    migrations,
    close,
  };
}
