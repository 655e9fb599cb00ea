/**
 * The one thing the repositories need from a database: parameterised queries and transactions,
 * in the PostgreSQL dialect. Two implementations: the embedded PGlite (PostgreSQL compiled to
 * WebAssembly, a folder on disk) and a PostgreSQL server through `pg`. Both run the same SQL and
 * the same migrations, so what is tested on one holds for the other.
 *
 * Rows come back as the drivers give them, with two differences the repositories smooth over:
 * `bigint` is a number in PGlite and a string in `pg` (convert with Number()), and both parse
 * `json` columns (we use `json`, not `jsonb`, because `jsonb` reorders object keys, and key order
 * is meaningful in a model: it sets the order of inputs and outputs).
 */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (a migration). */
  execute(script: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws, so a
   * failed request leaves no half-written rows. Use only `tx` inside: the embedded database has
   * one connection, and a query on the outer handle would wait for the transaction to end.
   * On PostgreSQL, `work` runs a second time on a new connection when the connection dropped
   * before COMMIT (nothing of the first attempt was kept), so it must do nothing but queries on `tx`.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
