import type { ErrorRequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainFailure, type DomainError, type FieldPath } from '../models/errors.js';
import { zodIssueProblems } from '../models/zod-issue-problems.js';
import { DatabaseUnavailable } from '../store/connection-loss.js';

/**
 * The one place where errors become HTTP: RFC 9457 problem+json with one entry per problem,
 * each naming the field (as a dotted path and as a JSON pointer) and what is wrong.
 */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), pointer: z.string(), message: z.string() }))
      .optional(),
    limit: z.string().optional(),
    requested: z.number().optional(),
    allowed: z.number().optional(),
    correlationId: z.string().optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_BASE = 'https://resultaatfinanciering.example/problems/';

export function dottedPath(path: FieldPath | readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text ? `.${String(part)}` : String(part);
  }
  return text || '(body)';
}

export function jsonPointer(path: FieldPath | readonly PropertyKey[]): string {
  return '#' + path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A request that failed validation or a domain rule, carried to the error middleware. */
export class HttpProblem extends Error {
  constructor(
    readonly problem: Problem,
    /** Extra response headers, such as Retry-After on a 429. */
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.title);
  }
}

export function fromZodError(error: z.ZodError, prefix: FieldPath = []): Problem {
  return {
    type: PROBLEM_BASE + 'invalid-input',
    title: 'The request is not valid',
    status: 400,
    detail: `${error.issues.length} problem(s) in the request`,
    errors: zodIssueProblems(error, prefix).map((problem) => ({ path: dottedPath(problem.path), pointer: jsonPointer(problem.path), message: problem.message })),
  };
}

export function fromDomainError(error: DomainError, prefix: FieldPath = []): Problem {
  const entries = (problems: { path: FieldPath; message: string }[]) =>
    problems.map((p) => {
      const path = [...prefix, ...p.path];
      return { path: dottedPath(path), pointer: jsonPointer(path), message: p.message };
    });
  switch (error.kind) {
    case 'invalid-input':
      return { type: PROBLEM_BASE + 'invalid-input', title: 'The request is not valid', status: 400, errors: entries(error.problems) };
    case 'limit-exceeded':
      return {
        type: PROBLEM_BASE + 'limit-exceeded',
        title: 'The request exceeds a documented limit',
        status: 400,
        errors: entries(error.problems),
        limit: error.limit,
        requested: error.requested,
        allowed: error.allowed,
      };
    case 'not-found':
      return { type: PROBLEM_BASE + 'not-found', title: `${error.resource} not found`, status: 404, detail: `No ${error.resource} '${error.id}'.` };
    case 'conflict':
      return { type: PROBLEM_BASE + 'conflict', title: 'Conflict', status: 409, detail: error.message };
    case 'not-computable':
      return { type: PROBLEM_BASE + 'not-computable', title: 'Not computable', status: 422, detail: error.message };
    case 'time-limit':
      // 503 as for a report that waited too long: the same request may fit on a quieter server, a smaller one will.
      return { type: PROBLEM_BASE + 'time-limit', title: 'The computation took longer than allowed', status: 503, detail: error.message, limit: 'MAX_REQUEST_SECONDS', allowed: error.seconds };
  }
}

/**
 * Seconds a client should wait before repeating a request the database could not serve: a
 * restarted PostgreSQL server accepts connections again within seconds.
 */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/** Express errors (body parser), our problems, and anything unexpected (a 500 without internals). */
export const problemMiddleware: ErrorRequestHandler = (error, req, res, _next) => {
  if (error instanceof HttpProblem) {
    res.set(error.headers);
    return sendProblem(res, error.problem);
  }
  // A domain error raised inside a kernel run on this thread (a custom rule not finite in some month).
  if (error instanceof DomainFailure) return sendProblem(res, fromDomainError(error.error));
  if (error instanceof DatabaseUnavailable) {
    console.error(JSON.stringify({ level: 'error', path: req.path, message: error.message }));
    res.set('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    return sendProblem(res, {
      type: PROBLEM_BASE + 'database-unavailable',
      title: 'The database is not reachable',
      status: 503,
      detail: `The connection to the database failed. Repeat the request in ${DATABASE_RETRY_AFTER_SECONDS} seconds or later; a save cut off at its commit may have been kept, so read before saving again.`,
    });
  }
  const status = typeof error?.status === 'number' ? error.status : typeof error?.statusCode === 'number' ? error.statusCode : 500;
  if (error?.type === 'entity.parse.failed')
    return sendProblem(res, { type: PROBLEM_BASE + 'malformed-json', title: 'The body is not valid JSON', status: 400, detail: String(error.message) });
  if (error?.type === 'entity.too.large')
    return sendProblem(res, {
      type: PROBLEM_BASE + 'payload-too-large',
      title: 'The body is larger than allowed',
      status: 413,
      detail: `At most ${error.limit} bytes are accepted.`,
      limit: 'maxPayloadBytes',
      requested: error.length,
      allowed: error.limit,
    });
  if (status >= 400 && status < 500)
    return sendProblem(res, { type: PROBLEM_BASE + 'bad-request', title: String(error?.message ?? 'Bad request'), status });
  const correlationId = randomUUID();
  // The correlation id ties the log line to the response without exposing a stack trace.
  console.error(JSON.stringify({ level: 'error', correlationId, path: req.path, message: String(error?.stack ?? error) }));
  sendProblem(res, { type: PROBLEM_BASE + 'internal', title: 'Internal error', status: 500, correlationId });
};
