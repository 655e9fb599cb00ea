import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../store/index.js';

/**
 * The databases the store tests run on: the embedded PGlite (in memory, one per test file, since
 * starting it takes seconds) and, when TEST_DATABASE_URL is set (CI sets it), a PostgreSQL server,
 * where each test file gets a fresh randomly named database that is dropped afterwards, so that
 * parallel files and earlier runs cannot interfere. Without TEST_DATABASE_URL the PostgreSQL
 * tests are reported as skipped.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** PGlite's first start (compiling PostgreSQL's WebAssembly) takes 10 to 20 seconds on a busy machine. */
export const STORE_START_TIMEOUT_MS = 120_000;

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database on the TEST_DATABASE_URL server. */
export async function createScratchDatabase(): Promise<ScratchDatabase> {
  if (TEST_DATABASE_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `rf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export interface TestStore {
  store: Store;
  /** Closes the store and removes what it created. */
  dispose(): Promise<void>;
}

export interface StoreBackend {
  name: 'PGlite' | 'PostgreSQL';
  /** False when the backend is not available here (PostgreSQL without TEST_DATABASE_URL). */
  available: boolean;
  open(): Promise<TestStore>;
}

export const STORE_BACKENDS: StoreBackend[] = [
  {
    name: 'PGlite',
    available: true,
    async open() {
      const store = await openStore({ memory: true });
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: 'PostgreSQL',
    available: TEST_DATABASE_URL !== undefined,
    async open() {
      const scratch = await createScratchDatabase();
      const store = await openStore({ databaseUrl: scratch.url });
      return {
        store,
        async dispose() {
          await store.close();
          await scratch.drop();
        },
      };
    },
  },
];

/** A new organisation with one API key. */
export async function newOrganisation(store: Store, name: string) {
  const organisation = await store.organisations.create(name);
  const { key, apiKey } = await store.apiKeys.create(organisation.id, 'test');
  return { organisationId: organisation.id, key, keyId: apiKey.id, caller: { organisationId: organisation.id, keyId: apiKey.id } };
}
