import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { drainServer } from './operations/graceful-shutdown.js';
import { startServices } from './services.js';

const config = loadConfig();
// Opens the database (migrating it), and resumes or fails the runs a stopped service left unfinished.
const services = await startServices(config).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const where = config.DATABASE_URL !== undefined ? 'PostgreSQL at DATABASE_URL' : `embedded database in ${config.DATA_DIR}`;
if (services.orphans.resumed.length + services.orphans.failed.length > 0) {
  console.log(`runs left unfinished by the last stop: ${services.orphans.resumed.length} resumed, ${services.orphans.failed.length} failed`);
}
let shuttingDown = false;
const app = createApp({ config, services, operations: { isShuttingDown: () => shuttingDown } });
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`resultaatfinanciering service on http://${config.HOST}:${port} (docs: /docs, ${config.REDIS_URL !== undefined ? 'simulations on the worker processes of the queue at REDIS_URL' : `${services.pool.threads} simulation threads`}, ${where})`);
});
// Start the simulation threads now, so that the first simulation does not wait for them.
void services.pool.warmUp();

/**
 * SIGTERM drains: /ready turns 503, no new connections, the requests under way get
 * SHUTDOWN_GRACE_MS to finish; then the services close, which leaves unfinished stored runs
 * queued or running for the next start (or another instance) to resume. A second signal stops at once.
 */
async function shutdown(signal: string): Promise<void> {
  if (shuttingDown) {
    console.log(`${signal} again: stopping now`);
    process.exit(1);
  }
  shuttingDown = true;
  console.log(`${signal}: finishing the requests under way (at most ${config.SHUTDOWN_GRACE_MS} ms), then closing`);
  const drained = await drainServer(server, { graceMs: config.SHUTDOWN_GRACE_MS });
  if (!drained) console.log('the grace period ended: the requests still open were cut off');
  await services.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
