import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.js';

/**
 * The embedded default: PGlite keeps a real PostgreSQL data directory in `dataDirectory` (or in
 * memory when it is undefined). It serves one process: see `data-directory-lock.ts`.
 */
export async function openPgliteDatabase(dataDirectory: string | undefined): Promise<Database> {
  const pglite = await PGlite.create(dataDirectory === undefined ? {} : { dataDir: dataDirectory });
  const queryable = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, params as unknown[])).rows;
    },
    async execute(script: string) {
      await target.exec(script);
    },
  });
  return {
    kind: 'pglite',
    ...queryable(pglite),
    transaction: (work) => pglite.transaction((tx) => work(queryable(tx))),
    close: () => pglite.close(),
  };
}
