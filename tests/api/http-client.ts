import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { createApp } from '../../api/app.js';
import { ConfigSchema, type Config } from '../../api/config.js';
import { createServices } from '../../api/services.js';
import type { paths } from '../../openapi/schema.js';

/**
 * Starts the app in-process on a free port and returns a client typed by the committed OpenAPI
 * document: a test that compiles against these types cannot call an endpoint the document lacks.
 * Simulation threads start only when `warm` is set or a simulation arrives.
 */
export async function startService(overrides: Partial<Config> = {}, { warm = false } = {}) {
  const config = { ...ConfigSchema.parse({ WORKER_THREADS: 2 }), ...overrides };
  const services = createServices(config);
  if (warm) await services.pool.warmUp();
  const app = createApp({ config, services });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // JSON answers only: the result endpoints also document xlsx, CSV, HTML and PDF downloads, which tests fetch as files.
  const client = createClient<paths, 'application/json' | 'application/problem+json'>({ baseUrl });
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.close();
  };
  return { client, baseUrl, close, services };
}
