import type { z } from 'zod';
import type { DomainError } from '../models/errors.js';
import type { Result } from '../models/result.js';
import { fromDomainError, fromZodError, HttpProblem } from './problem.js';

/** Parses a request part with its schema or throws the 400 that names every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpProblem(fromZodError(parsed.error));
  return parsed.data;
}

/** Unwraps a domain result or throws its problem; `prefix` places field paths inside the request. */
export function unwrapOrThrow<T>(result: Result<T, DomainError>, prefix: (string | number)[] = []): T {
  if (!result.ok) throw new HttpProblem(fromDomainError(result.error, prefix));
  return result.value;
}
