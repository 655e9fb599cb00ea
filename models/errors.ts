/**
 * Domain errors as typed values. `api/` maps each kind to HTTP in one place;
 * nothing in `models/` knows about status codes.
 */
import { fail, ok, type Result } from './result.js';

export type FieldPath = ReadonlyArray<string | number>;

export interface FieldProblem {
  /** Where in the request the problem is, e.g. ['payment', 'triggers', 2, 'price']. */
  path: FieldPath;
  /** One human sentence saying what is wrong. */
  message: string;
}

export type DomainError =
  /** The request is well-formed but its content is inconsistent (min > max, unknown profile id, ...). */
  | { kind: 'invalid-input'; problems: FieldProblem[] }
  /** The request asks for more work than a documented limit allows. */
  | { kind: 'limit-exceeded'; problems: FieldProblem[]; limit: string; requested: number; allowed: number }
  /** A saved object that does not exist or is not visible to the caller. */
  | { kind: 'not-found'; resource: string; id: string }
  /** An optimistic-concurrency conflict: the object changed since the caller read it. */
  | { kind: 'conflict'; resource: string; id: string; message: string }
  /** A numerical method that could not produce an answer (no root in range, no IRR). */
  | { kind: 'not-computable'; message: string }
  /** Work stopped at the time one request may compute (MAX_REQUEST_SECONDS): ask for less. */
  | { kind: 'time-limit'; seconds: number; message: string };

export const invalidInput = (path: FieldPath, message: string): DomainError => ({
  kind: 'invalid-input',
  problems: [{ path, message }],
});

/**
 * A domain error raised inside a numeric kernel, whose loops return nothing a Result could travel
 * in (a custom payment rule that is not finite in one month of one draw). The thread that runs
 * the kernel turns it back into its DomainError: the simulation worker replies `failed` with it,
 * and the HTTP edge answers it like any other domain error.
 */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.kind === 'invalid-input' || error.kind === 'limit-exceeded' ? error.problems.map((p) => p.message).join('; ') : error.kind === 'not-found' ? `${error.resource} not found` : error.message);
    this.name = 'DomainFailure';
  }
}

/** Runs a kernel and returns its value, or the DomainFailure it raised as a failed Result. */
export function resultOfKernel<T>(run: () => T): Result<T, DomainError> {
  try {
    return ok(run());
  } catch (error) {
    if (error instanceof DomainFailure) return fail(error.error);
    throw error;
  }
}
