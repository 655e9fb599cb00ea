/**
 * Keyset pagination, newest first: a page holds up to `limit` rows, and `nextCursor` (opaque to
 * the client) starts the next page after the last row shown. Rows are ordered by an insertion
 * sequence, not by time, because timestamps can tie.
 */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageRequest {
  limit: number;
  /** A `nextCursor` from the previous page. */
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export class InvalidCursor extends Error {}

/** The largest PostgreSQL `integer` (2^31 - 1): the range of version numbers and of cursors over them. */
export const MAX_DATABASE_INTEGER = 2_147_483_647;

export function encodeCursor(position: number): string {
  return Buffer.from(`p${position}`, 'utf8').toString('base64url');
}

/**
 * The position after which the page starts, or null for the first page; throws InvalidCursor,
 * also for a position beyond `max` (the column's range: compared in SQL it would overflow).
 */
export function decodeCursor(cursor: string | undefined, max = Number.MAX_SAFE_INTEGER): number | null {
  if (cursor === undefined) return null;
  const match = /^p(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (match === null || Number(match[1]) > max) throw new InvalidCursor(`'${cursor}' is not a cursor from this service`);
  return Number(match[1]);
}

/** Cuts one extra row (fetched to know whether there is a next page) into a page. */
export function toPage<Row, T>(rows: Row[], limit: number, position: (row: Row) => number, map: (row: Row) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { items: shown.map(map), nextCursor: more ? encodeCursor(position(shown[shown.length - 1])) : null };
}
