import { createServer, connect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseUnavailable, openStore, type Store } from '../../store/index.js';
import { startStoreService } from '../api/store-service.js';
import { uncertainContract } from '../api/saved-object-fixtures.js';
import { createScratchDatabase, newOrganisation, STORE_START_TIMEOUT_MS, TEST_DATABASE_URL, type ScratchDatabase } from './test-stores.js';

/**
 * Dropped database connections, on a real PostgreSQL server (skipped without TEST_DATABASE_URL).
 * The service reaches its scratch database through a TCP relay in this process, so that the test
 * can also take the server away altogether (close the relay: connections are refused); single
 * connections are cut the way a server restart or an operator cuts them, with
 * pg_terminate_backend from a second connection.
 */

/** A TCP relay to the PostgreSQL server that can be closed (the server is gone) and opened again. */
async function relayTo(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await open();
  return {
    get port() {
      return port;
    },
    /** Refuses new connections and drops every open one. */
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server!.close(() => resolve());
      }),
    open,
  };
}

const SLEEPING_READ = 'SELECT 42 AS answer FROM pg_sleep(0.8)';

describe.skipIf(TEST_DATABASE_URL === undefined)('dropped database connections on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let relay: Awaited<ReturnType<typeof relayTo>>;
  let store: Store;
  /** A connection of the test's own, to the server's maintenance database, that cuts the service's. */
  let admin: pg.Client;
  let databaseName: string;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const url = new URL(scratch.url);
    databaseName = url.pathname.slice(1);
    relay = await relayTo(new URL(scratch.url));
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    store = await openStore({ databaseUrl: url.toString() });
    await store.database.execute('CREATE TABLE cut_test (n integer)');
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  }, STORE_START_TIMEOUT_MS);
  afterAll(async () => {
    await store?.close();
    await admin?.end();
    await scratch?.drop();
  });

  /** Terminates the service's connections (those whose query contains `matching`, when given); how many. */
  async function cut(matching?: string): Promise<number> {
    const rows = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = $1 AND pid <> pg_backend_pid() AND ($2::text IS NULL OR (state = 'active' AND query LIKE '%' || $2 || '%'))`,
      [databaseName, matching ?? null],
    );
    return rows.rowCount ?? 0;
  }

  /** Cuts the connection running the statement that contains `matching` as soon as it runs. */
  async function cutWhenRunning(matching: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await cut(matching)) === 0) {
      if (Date.now() > deadline) throw new Error(`no statement with '${matching}' ran`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('answers a read whose connection is cut while it runs, on a new connection', async () => {
    const read = store.database.query<{ answer: number }>(SLEEPING_READ);
    await cutWhenRunning('pg_sleep(0.8)');
    expect(await read).toEqual([{ answer: 42 }]);
  });

  it('does a transaction cut before its commit again, once, keeping only the second attempt', async () => {
    let attempts = 0;
    const done = store.database.transaction(async (tx) => {
      attempts += 1;
      await tx.query('INSERT INTO cut_test (n) VALUES ($1)', [attempts]);
      await tx.query(`SELECT pg_sleep(0.8) AS transaction_${attempts}`);
      return attempts;
    });
    await cutWhenRunning('transaction_1');
    expect(await done).toBe(2);
    // The first attempt's row went with its connection (never committed); the second's is kept.
    expect(await store.database.query('SELECT n FROM cut_test')).toEqual([{ n: 2 }]);
  });

  it('does not repeat a write outside a transaction whose connection is cut: DatabaseUnavailable', async () => {
    const write = store.database.query('WITH pause AS (SELECT pg_sleep(0.8) AS slept) INSERT INTO cut_test (n) SELECT 99 FROM pause');
    // The refusal may come before the cutter returns: watch for it from the start, so it is never unhandled.
    const refused = expect(write).rejects.toBeInstanceOf(DatabaseUnavailable);
    await cutWhenRunning('INSERT INTO cut_test (n) SELECT 99');
    await refused;
    // Cut before it ended, the statement was rolled back, and not sent again.
    expect(await store.database.query('SELECT count(*)::int AS rows FROM cut_test WHERE n = 99')).toEqual([{ rows: 0 }]);
  });

  it('answers every read while connections are cut under it, and never 500', async () => {
    const service = await startStoreService(store);
    try {
      const { key } = await newOrganisation(store, 'Gemeente Wankelnet');
      const as = (path: string, init: RequestInit = {}) => service.fetchAs(key, path, init);
      const created = (await (await as('/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Kabelbreuk')) })).json()) as { id: string };

      let cutting = true;
      let connectionsCut = 0;
      const cutter = (async () => {
        while (cutting) {
          connectionsCut += await cut();
          await new Promise((resolve) => setTimeout(resolve, 150));
        }
      })();
      // 8 clients, 60 reads each (the key's lookup and the object's read: two queries a request).
      const statuses: number[] = [];
      const problems: { status: number; retryAfter: string | null; type: string }[] = [];
      await Promise.all(
        Array.from({ length: 8 }, async (_, client) => {
          for (let i = 0; i < 60; i += 1) {
            const answer = await as(i % 2 === client % 2 ? `/contracts/${created.id}` : '/contracts');
            statuses.push(answer.status);
            if (answer.status !== 200) problems.push({ status: answer.status, retryAfter: answer.headers.get('retry-after'), type: (await answer.json()).type });
            else await answer.arrayBuffer();
          }
        }),
      );
      cutting = false;
      await cutter;

      expect(connectionsCut).toBeGreaterThan(0);
      expect(statuses).toHaveLength(480);
      // A read cut once is answered on its retry; only a retry cut as well (two cuts within a few
      // milliseconds) may be a 503, and then with Retry-After. Never a 500.
      for (const problem of problems) expect(problem).toEqual({ status: 503, retryAfter: '5', type: expect.stringMatching(/database-unavailable$/) });
      // 7 of 480 here with a cut every 150 ms; the bound leaves room for a slow machine.
      expect(problems.length).toBeLessThan(statuses.length / 4);
    } finally {
      await service.close();
    }
  });

  it('answers 503 with Retry-After while the server is gone, and serves again once it is back', async () => {
    const service = await startStoreService(store);
    try {
      const { key } = await newOrganisation(store, 'Gemeente Stroomuitval');
      const as = (path: string, init: RequestInit = {}) => service.fetchAs(key, path, init);
      const created = (await (await as('/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Uitval')) })).json()) as { id: string };
      await relay.close();
      try {
        for (const [path, init] of [
          [`/contracts/${created.id}`, {}],
          ['/contracts', { method: 'POST', body: JSON.stringify(uncertainContract('Tijdens uitval')) }],
          ['/runs', {}],
        ] as const) {
          const answer = await as(path, init);
          expect({ path, status: answer.status }).toEqual({ path, status: 503 });
          expect(answer.headers.get('retry-after')).toBe('5');
          expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect(await answer.json()).toMatchObject({ status: 503, type: expect.stringMatching(/database-unavailable$/) });
        }
      } finally {
        await relay.open();
      }
      expect((await as(`/contracts/${created.id}`)).status).toBe(200);
      // Nothing was saved while the server was gone.
      const list = (await (await as('/contracts')).json()) as { items: { name: string }[] };
      expect(list.items.map((item) => item.name)).toEqual(['Uitval']);
    } finally {
      await service.close();
    }
  });
});
