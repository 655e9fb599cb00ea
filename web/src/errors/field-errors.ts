import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ApiProblem } from '../api/client.js';
import { pathText, type FieldPath } from '../state/paths.js';
import type { FieldProblem, MatchedProblems } from './problem-paths.js';

/**
 * The last refusal of the API, spread over the form. A field registers its contract path when it
 * mounts (useFieldProblems does it); the provider in main.tsx matches each problem to the deepest
 * registered field (problem-paths.ts) and each field shows its own.
 */
export interface FieldErrorsState {
  problem: ApiProblem | null;
  matched: MatchedProblems;
  register: (path: string) => () => void;
  setProblem: (problem: ApiProblem | null) => void;
}

export const FieldErrorsContext = createContext<FieldErrorsState>({
  problem: null,
  matched: { byField: new Map(), unmatched: [] },
  register: () => () => undefined,
  setProblem: () => undefined,
});

export function useFieldErrors(): FieldErrorsState {
  return useContext(FieldErrorsContext);
}

const NO_VALUE = Symbol('no value');

/**
 * Registers the field at `path` and returns the API's problems for it (empty when none). Given the
 * field's current `value`, the problems disappear once the user changes it: the refusal was about
 * the old value (the next check or run says whether the new one is accepted).
 */
export function useFieldProblems(path: FieldPath, value: unknown = NO_VALUE): FieldProblem[] {
  const { register, matched } = useFieldErrors();
  const text = pathText(path);
  useEffect(() => register(text), [register, text]);
  const problems = matched.byField.get(text) ?? NONE;
  const seen = useRef<{ problems: FieldProblem[]; value: unknown } | null>(null);
  if (seen.current === null || seen.current.problems !== problems) seen.current = { problems, value };
  return value !== NO_VALUE && seen.current.value !== value ? NONE : problems;
}

const NONE: FieldProblem[] = [];

/** The DOM id of the input for a contract path: "intake.cohorts[0].count" → "f-intake-cohorts-0-count". */
export function fieldId(path: FieldPath): string {
  return 'f-' + path.map(String).join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}
