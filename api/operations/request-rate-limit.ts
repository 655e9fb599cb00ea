import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { callerOf } from '../auth.js';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';

/** The window over which RATE_LIMIT_PER_MINUTE counts requests. */
const WINDOW_MS = 60_000;

/**
 * Refuses a flood of requests from one caller with 429 and Retry-After (seconds until the window
 * frees up), before the body is even read. A caller is its organisation when it sends an API key,
 * else its IP address (IPv6 grouped per /56, as one household or server gets). Null when the limit
 * is off (0).
 */
export function requestRateLimit(perMinute: number): RequestHandler | null {
  if (perMinute <= 0) return null;
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req, res) => {
      const caller = callerOf(res);
      return caller !== null ? `organisation:${caller.organisationId}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (req, _res, next) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfterSeconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000));
      next(
        new HttpProblem(
          {
            type: PROBLEM_BASE + 'too-many-requests',
            title: 'Too many requests',
            status: 429,
            detail: `At most ${perMinute} requests a minute are accepted from one caller; retry in ${retryAfterSeconds} seconds.`,
            limit: 'RATE_LIMIT_PER_MINUTE',
            allowed: perMinute,
          },
          { 'Retry-After': String(retryAfterSeconds) },
        ),
      );
    },
  });
}
