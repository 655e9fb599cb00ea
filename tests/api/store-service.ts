import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { createApp } from '../../api/app.js';
import { ConfigSchema, type Config } from '../../api/config.js';
import { createServices } from '../../api/services.js';
import type { paths } from '../../openapi/schema.js';
import type { Store } from '../../store/index.js';

/**
 * The app in-process over an open store, on a free port, with a typed client per API key (no key:
 * an anonymous client). The store stays open when the service closes (tests share one per file).
 */
export async function startStoreService(store: Store, overrides: Partial<Config> = {}) {
  const config = { ...ConfigSchema.parse({ WORKER_THREADS: 1 }), ...overrides };
  const services = createServices(config, { store });
  const app = createApp({ config, services });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientFor = (key?: string) =>
    createClient<paths, 'application/json' | 'application/problem+json'>({ baseUrl, headers: key === undefined ? {} : { Authorization: `Bearer ${key}` } });
  /** A raw fetch with the key, for checks on bytes and headers. */
  const fetchAs = (key: string | undefined, path: string, init: RequestInit = {}) =>
    fetch(baseUrl + path, {
      ...init,
      headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { Authorization: `Bearer ${key}` }), ...(init.headers as Record<string, string>) },
    });
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await services.jobs.detachRecorders();
    await services.pool.close();
  };
  return { baseUrl, clientFor, fetchAs, close, services };
}
