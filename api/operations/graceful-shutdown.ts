import type { Server } from 'node:http';

/**
 * Stops a server the way a rolling deploy needs: readiness turns false at once (the caller's
 * `markShuttingDown`), no new connections are accepted, idle keep-alive connections close, the
 * requests under way get up to `graceMs` to finish (a request waiting for its simulation answers
 * when the wait ends), and whatever is still open after that is closed.
 */
export interface DrainOptions {
  graceMs: number;
  /** How often idle keep-alive connections are closed while draining. */
  idleSweepMs?: number;
}

/** Resolves true when every request finished within the grace period, false when some were cut off. */
export async function drainServer(server: Server, { graceMs, idleSweepMs = 100 }: DrainOptions): Promise<boolean> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A connection that finishes its answer during the drain becomes idle: close it too.
  const sweep = setInterval(() => server.closeIdleConnections(), idleSweepMs);
  server.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([closed.then(() => 'drained' as const), deadline]);
  clearInterval(sweep);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    server.closeAllConnections();
    await closed;
    return false;
  }
  return true;
}
