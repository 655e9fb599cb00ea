import type { RequestHandler, Response } from 'express';
import type { ApiKeyRepository, Caller } from '../store/index.js';
import { HttpProblem, PROBLEM_BASE } from './problem.js';

/**
 * Who is calling: `Authorization: Bearer <key>` names an organisation's API key; without the
 * header the caller is anonymous. A header with an unknown or revoked key is refused at once (a
 * caller who meant to use a key must not silently get anonymous treatment). Anonymous callers may
 * use the endpoints that save nothing when the operator allows it (ALLOW_ANONYMOUS); saved objects
 * and runs always need a key.
 */

export interface AuthenticationOptions {
  /** Null when the service has no database: then no key is valid. */
  apiKeys: ApiKeyRepository | null;
  allowAnonymous: boolean;
}

const REALM = 'resultaatfinanciering';
/** Paths every caller may read: liveness and the API description. */
const PUBLIC_PATHS = [/^\/health$/, /^\/openapi\.json$/, /^\/docs(\/|$)/];

const callers = new WeakMap<Response, Caller>();

/** The organisation and key behind the request, or null for an anonymous caller. */
export function callerOf(res: Response): Caller | null {
  return callers.get(res) ?? null;
}

/** The caller, or a 401 for an anonymous one (saved objects and runs belong to an organisation). */
export function requireCaller(res: Response): Caller {
  const caller = callerOf(res);
  if (caller === null) throw unauthorized('An API key is needed: send it as `Authorization: Bearer <key>`.', `Bearer realm="${REALM}"`);
  return caller;
}

function unauthorized(detail: string, challenge: string): HttpProblem {
  return new HttpProblem(
    { type: PROBLEM_BASE + 'unauthorized', title: 'Authentication required', status: 401, detail },
    { 'WWW-Authenticate': challenge },
  );
}

export function authentication(options: AuthenticationOptions): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const caller = match === null || options.apiKeys === null ? null : await options.apiKeys.authenticate(match[1]);
      if (caller === null) {
        throw unauthorized('The API key is not valid (unknown, revoked, or not sent as `Authorization: Bearer <key>`).', `Bearer realm="${REALM}", error="invalid_token"`);
      }
      callers.set(res, caller);
    } else if (!options.allowAnonymous && !PUBLIC_PATHS.some((path) => path.test(req.path))) {
      throw unauthorized('This service does not accept anonymous requests: send an API key as `Authorization: Bearer <key>`.', `Bearer realm="${REALM}"`);
    }
    next();
  };
}
