import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createServices } from './services.js';

const config = loadConfig();
const services = createServices(config);
const app = createApp({ config, services });
const server = app.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  console.log(`resultaatfinanciering service on http://${config.HOST}:${port} (docs: /docs, ${services.pool.threads} simulation threads)`);
});
// Start the simulation threads now, so that the first simulation does not wait for them.
void services.pool.warmUp();

function shutdown(signal: string): void {
  console.log(`${signal}: closing`);
  server.close(() => void services.close().then(() => process.exit(0)));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
