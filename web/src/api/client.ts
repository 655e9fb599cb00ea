import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from '../../../openapi/schema.js';

/**
 * The one way the workbench talks to the service: openapi-fetch typed with the generated
 * openapi/schema.d.ts (never hand-written API types), the optional API key as a bearer header,
 * and every refusal turned into an ApiProblem (RFC 9457 problem+json with the fields' paths).
 *
 *   const report = await api(client.POST('/reports', { body }));
 */

export type Schemas = components['schemas'];
export type Contract = Schemas['Contract'];
export type ReportDocument = Schemas['ReportDocument'];
export type ProblemBody = Schemas['Problem'];

/** A refused or failed request, as the page shows it. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly { path: string; pointer: string; message: string }[],
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  static fromBody(status: number, body: unknown): ApiProblem {
    const p = (body !== null && typeof body === 'object' ? body : {}) as Partial<ProblemBody>;
    return new ApiProblem(p.status ?? status, p.title ?? `HTTP ${status}`, p.detail, p.errors ?? []);
  }

  /** The service did not answer at all (network down, server stopped). */
  static unreachable(error: unknown): ApiProblem {
    return new ApiProblem(0, 'unreachable', error instanceof Error ? error.message : String(error), []);
  }
}

const API_KEY_STORAGE = 'apiKey';

/** Window event fired when the user types another API key. */
export const API_KEY_CHANGED = 'apikeychange';

/** The key typed in the header, kept for this browser tab only (sessionStorage, not localStorage). */
export function apiKey(): string {
  try {
    return sessionStorage.getItem(API_KEY_STORAGE) ?? '';
  } catch {
    return '';
  }
}

export function setApiKey(key: string): void {
  try {
    if (key.trim()) sessionStorage.setItem(API_KEY_STORAGE, key.trim());
    else sessionStorage.removeItem(API_KEY_STORAGE);
  } catch {
    // Storage blocked: the key then lasts only as long as the page keeps it in memory.
  }
}

const authorization: Middleware = {
  onRequest({ request }) {
    const key = apiKey();
    if (key) request.headers.set('authorization', `Bearer ${key}`);
    return request;
  },
};

export const client = createClient<paths>({ baseUrl: typeof location === 'undefined' ? '' : location.origin });
client.use(authorization);

/** The answer's data, or throws ApiProblem for a problem+json (or any non-2xx) answer or no answer. */
export async function api<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch (error) {
    throw ApiProblem.unreachable(error);
  }
  if (!result.response.ok || result.data === undefined) throw ApiProblem.fromBody(result.response.status, result.error);
  return result.data;
}
