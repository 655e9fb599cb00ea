import type { z } from 'zod';
import type { FieldPath, FieldProblem } from './errors.js';

/**
 * A zod error as field problems. Request objects are strict (`z.strictObject`): a field the schema
 * does not declare is refused rather than dropped without a word, since a misspelt name
 * (`horizonMonth`, `monthlyJobEntryRate` in the wrong object) would otherwise run the model on a
 * default the caller did not mean. zod reports unknown fields once per object; each becomes its
 * own problem at its own path, so the answer names the field as any other 400 does.
 */
export function zodIssueProblems(error: z.ZodError, at: FieldPath = []): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const path = [...at, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ path: [...path, key], message: UNKNOWN_FIELD_MESSAGE }));
    return [{ path, message: issue.message }];
  });
}

export const UNKNOWN_FIELD_MESSAGE = 'is not a field here: unknown fields are refused (check the name and where it sits; the OpenAPI document lists the fields)';
