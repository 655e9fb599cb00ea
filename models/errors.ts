/**
 * Domain errors as typed values. `api/` maps each kind to HTTP in one place;
 * nothing in `models/` knows about status codes.
 */
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
  | { kind: 'not-computable'; message: string };

export const invalidInput = (path: FieldPath, message: string): DomainError => ({
  kind: 'invalid-input',
  problems: [{ path, message }],
});
