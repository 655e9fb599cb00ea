import pg from 'pg';
import type { Database, Queryable } from './database.js';

/** A PostgreSQL server (DATABASE_URL), through a small connection pool. */
export async function openPostgresDatabase(connectionString: string, { maxConnections = 10 } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection that the server drops must not crash the service; the pool replaces it.
  pool.on('error', (error) => console.error(JSON.stringify({ level: 'error', message: `database connection lost: ${error.message}` })));
  // Fail at start-up, not on the first request, when the server cannot be reached.
  await pool.query('SELECT 1');
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row & pg.QueryResultRow>(sql, params as unknown[])).rows as Row[];
    },
    async execute(script: string) {
      // Without parameters, pg uses the simple protocol, which accepts several statements.
      await target.query(script);
    },
  });
  return {
    kind: 'postgresql',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      let value;
      try {
        await client.query('BEGIN');
        value = await work(queryable(client));
        await client.query('COMMIT');
      } catch (error) {
        // A connection that cannot even roll back is broken: destroy it instead of reusing it.
        const broken = await client.query('ROLLBACK').then(
          () => undefined,
          (rollbackError: Error) => rollbackError,
        );
        client.release(broken);
        throw error;
      }
      client.release();
      return value;
    },
    close: () => pool.end(),
  };
}
