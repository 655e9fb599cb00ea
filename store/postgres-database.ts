import pg from 'pg';
import { DatabaseUnavailable, isConnectionLoss } from './connection-loss.js';
import type { Database, Queryable } from './database.js';

/**
 * Longest wait for a connection (a new one, or a free one of the pool) before the request is
 * answered 503 instead of hanging on a server that does not answer.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * Whether a statement only reads, so that running it again cannot change anything. Every
 * statement of the repositories that changes data starts with INSERT, UPDATE or DELETE; their
 * SELECTs call no function with an effect (no nextval, no advisory lock outside a transaction).
 */
function isRead(sql: string): boolean {
  return /^\s*select\b/i.test(sql);
}

/**
 * A PostgreSQL server (DATABASE_URL), through a small connection pool.
 *
 * A dropped connection (the server restarted or terminated the backend, the network reset it) is
 * retried once, on a new connection made for the retry, where that cannot do anything twice: a
 * read, any statement whose connection could not even be made, and a transaction that failed
 * before its COMMIT was sent (the server rolled it back when the connection went). A write
 * outside a transaction, a COMMIT whose outcome is unknown, and a retry that fails too throw
 * DatabaseUnavailable, which the API answers with 503 and Retry-After.
 */
export async function openPostgresDatabase(connectionString: string, { maxConnections = 10 } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection that the server drops must not crash the service; the pool replaces it.
  pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', message: `database connection lost: ${error.message}` })));
  // A checked-out client has no error listener of the pool's, and a drop between two statements (or
  // one that arrives with the connection's first message) would be an uncaught 'error' event. The
  // statement under way gets the error itself; a later one finds the client not queryable. The
  // listener is added in the pool's own 'acquire' event, so no message can come before it.
  const swallow = () => undefined;
  pool.on('acquire', (client) => client.on('error', swallow));
  pool.on('release', (_error, client) => client.off('error', swallow));
  // Fail at start-up, not on the first request, when the server cannot be reached.
  await pool.query('SELECT 1');

  /** Retries under way, each on its own connection beside the pool's: at most as many as the pool holds. */
  let retriesUnderWay = 0;

  /** Runs `use` once more on a connection made for it (a pooled one may be as dead as the first). */
  async function retryOnNewConnection<T>(firstError: unknown, use: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    if (retriesUnderWay >= maxConnections) throw new DatabaseUnavailable(firstError);
    retriesUnderWay += 1;
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    // A drop reaches the statement under way as its error; the event must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await use(client);
    } catch (error) {
      throw isConnectionLoss(error) ? new DatabaseUnavailable(error) : error;
    } finally {
      retriesUnderWay -= 1;
      void client.end().catch(() => undefined);
    }
  }

  /** A connection from the pool for `use`, and what to do when there is none or it drops. */
  async function withPooledClient<T>(
    use: (client: pg.PoolClient) => Promise<T>,
    onLoss: (error: unknown, connected: boolean) => Promise<T>,
    /** After another error: what to release the client with (an error destroys it). */
    afterOtherError: (client: pg.PoolClient) => Promise<Error | undefined> = async () => undefined,
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      return onLoss(error, false);
    }
    let value: T;
    try {
      value = await use(client);
    } catch (error) {
      if (!isConnectionLoss(error)) {
        client.release(await afterOtherError(client));
        throw error;
      }
      client.release(error instanceof Error ? error : new Error(String(error))); // destroyed, not reused
      return onLoss(error, true);
    }
    client.release();
    return value;
  }

  const queryable = (target: pg.ClientBase): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row & pg.QueryResultRow>(sql, params as unknown[])).rows as Row[];
    },
    async execute(script: string) {
      // Without parameters, pg uses the simple protocol, which accepts several statements.
      await target.query(script);
    },
  });

  /** One statement on the pool: retried once after a drop when it never ran or only reads. */
  function statement<T>(run: (client: pg.ClientBase) => Promise<T>, read: boolean): Promise<T> {
    return withPooledClient(run, (error, connected) => {
      if (connected && !read) throw new DatabaseUnavailable(error);
      return retryOnNewConnection(error, run);
    });
  }

  async function inTransaction<T>(client: pg.ClientBase, work: (tx: Queryable) => Promise<T>, phase: { committing: boolean }): Promise<T> {
    await client.query('BEGIN');
    const value = await work(queryable(client));
    phase.committing = true;
    await client.query('COMMIT');
    return value;
  }

  return {
    kind: 'postgresql',
    query<Row extends object>(sql: string, params?: readonly unknown[]) {
      return statement((client) => queryable(client).query<Row>(sql, params), isRead(sql));
    },
    execute: (script) => statement((client) => queryable(client).execute(script), false),
    transaction(work) {
      const phase = { committing: false };
      return withPooledClient(
        (client) => inTransaction(client, work, phase),
        (error) => {
          // A COMMIT sent may have been applied: doing the work again could do it twice.
          if (phase.committing) throw new DatabaseUnavailable(error);
          return retryOnNewConnection(error, async (client) => {
            try {
              return await inTransaction(client, work, { committing: false });
            } catch (retryError) {
              if (!isConnectionLoss(retryError)) await client.query('ROLLBACK').catch(() => undefined);
              throw retryError;
            }
          });
        },
        // A connection that cannot even roll back is broken: destroy it instead of reusing it.
        (client) =>
          client.query('ROLLBACK').then(
            () => undefined,
            (rollbackError: Error) => rollbackError,
          ),
      );
    },
    close: () => pool.end(),
  };
}
