import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import { createApp, type AppDependencies } from '../../api/app.js';
import type { paths } from '../../openapi/schema.js';

/**
 * Starts the app in-process on a free port and returns a client typed by the committed OpenAPI
 * document: a test that compiles against these types cannot call an endpoint the document lacks.
 */
export async function startService(config: Partial<AppDependencies['config']> = {}) {
  const app = createApp({ config: { MAX_PAYLOAD_BYTES: 1024 * 1024, ...config } });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = createClient<paths>({ baseUrl });
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { client, baseUrl, close };
}
