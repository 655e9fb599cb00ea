/**
 * Telling a lost database connection from a failed statement. A lost connection (the server
 * restarted or terminated the backend, the network dropped, nothing listens) says nothing about
 * the request: the same statement may succeed on a new connection. A failed statement (a
 * constraint, a syntax error) fails again, and is the caller's or our problem.
 *
 * The codes are PostgreSQL's SQLSTATEs (Appendix A of the manual: class 08 connection exception;
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now) and Node's socket errors;
 * the messages are the ones `pg` raises itself when the socket closes under it or a connection
 * attempt times out.
 */

const SOCKET_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN']);
const SHUTDOWN_SQLSTATES = new Set(['57P01', '57P02', '57P03']);
const PG_CONNECTION_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_ERROR_CODES.has(code) || SHUTDOWN_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  return typeof message === 'string' && PG_CONNECTION_MESSAGES.some((text) => message.startsWith(text));
}

/**
 * The database could not be reached, or the connection dropped where retrying was not safe (a
 * write outside a transaction, or a COMMIT whose outcome is unknown) or a retry failed as well.
 * The HTTP edge answers it with 503 and Retry-After: the request may be repeated later.
 */
export class DatabaseUnavailable extends Error {
  constructor(override readonly cause: unknown) {
    super(`the database is not reachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DatabaseUnavailable';
  }
}
