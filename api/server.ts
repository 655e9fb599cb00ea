import { createApp } from './app.js';
import { loadConfig } from './config.js';
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
const app = createApp({ config, services });
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`resultaatfinanciering service on http://${config.HOST}:${port} (docs: /docs, ${services.pool.threads} simulation threads, ${where})`);
});
// Start the simulation threads now, so that the first simulation does not wait for them.
void services.pool.warmUp();

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing`);
  server.closeAllConnections();
  server.close(() => void services.close().then(() => process.exit(0)));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
