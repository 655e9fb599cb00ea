import type { Request } from 'express';
import { HttpProblem, PROBLEM_BASE } from '../problem.js';

/**
 * Optimistic concurrency over HTTP (RFC 9110): a saved object's ETag is its version, `"3"`. An
 * update must send `If-Match` with the ETag it edited: without it 428, with a version that is no
 * longer current 412, so two people editing one contract cannot overwrite each other unnoticed.
 */

export function entityTag(version: number): string {
  return `"${version}"`;
}

/**
 * The versions named in `If-Match`, or null when the header is absent. A weak tag (W/"3") never
 * matches (If-Match compares strongly), and `*` is refused: it would update whatever version is
 * current, which is the lost update this header is there to prevent.
 */
export function ifMatchVersions(req: Request): number[] | null {
  const header = req.get('if-match');
  if (header === undefined) return null;
  const versions: number[] = [];
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    if (tag === '*') throw preconditionRequired('`If-Match: *` is not accepted: send the ETag of the version you edited.');
    const match = /^"?(\d{1,9})"?$/.exec(tag);
    if (match !== null) versions.push(Number(match[1]));
  }
  return versions;
}

/** The one version an update is based on; 428 without If-Match, 412 when it names no usable version. */
export function requiredIfMatch(req: Request, currentHint: string): number {
  const versions = ifMatchVersions(req);
  if (versions === null) throw preconditionRequired(`Send If-Match with the ETag of the version of the ${currentHint} you edited (from its GET), so that a change made meanwhile is not overwritten.`);
  if (versions.length !== 1) throw preconditionFailed(`If-Match must name exactly one version, like "3".`);
  return versions[0];
}

export function preconditionRequired(detail: string): HttpProblem {
  return new HttpProblem({ type: PROBLEM_BASE + 'precondition-required', title: 'If-Match is required', status: 428, detail });
}

export function preconditionFailed(detail: string): HttpProblem {
  return new HttpProblem({ type: PROBLEM_BASE + 'precondition-failed', title: 'The object changed since you read it', status: 412, detail });
}
