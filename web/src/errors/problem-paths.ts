/**
 * Where an error of the API belongs on the page. The API names each problem by the field's path
 * in the request body: "model.contract.intake.cohorts[0].count" for POST /reports,
 * "intake.cohorts[0].count" for POST /contracts/evaluate (the body is the contract). Fields
 * register their path within the contract ("intake.cohorts[0].count"); an error goes to the field
 * with the same path, or else to the nearest registered field above it (a distribution's
 * "profiles[0].share.max" goes to the share field). What matches no field is shown above the form.
 */

/** Body prefixes under which the contract sits in the API's requests. */
const CONTRACT_PREFIXES = ['model.contract', 'contract'];

/** The path within the contract: "model.contract.intake.cohorts[0].count" → "intake.cohorts[0].count". */
export function contractPathOf(apiPath: string): string {
  for (const prefix of CONTRACT_PREFIXES) {
    if (apiPath === prefix) return '';
    if (apiPath.startsWith(prefix + '.') || apiPath.startsWith(prefix + '[')) return apiPath.slice(prefix.length).replace(/^\./, '');
  }
  return apiPath === '(body)' ? '' : apiPath;
}

/** True when `path` is `field` itself or lies inside it ("a.b[0].c" is inside "a.b" and "a.b[0]", not "a.bc"). */
export function isWithin(path: string, field: string): boolean {
  if (field === '') return true;
  return path === field || path.startsWith(field + '.') || path.startsWith(field + '[');
}

export interface FieldProblem {
  /** The API's path, as sent. */
  apiPath: string;
  message: string;
}

export interface MatchedProblems {
  /** Registered field path → its problems. */
  byField: Map<string, FieldProblem[]>;
  /** Problems no registered field holds. */
  unmatched: FieldProblem[];
}

/** Each problem to the deepest registered field that holds its path. */
export function matchProblemsToFields(problems: readonly { path: string; message: string }[], fields: Iterable<string>): MatchedProblems {
  const registered = [...fields];
  const byField = new Map<string, FieldProblem[]>();
  const unmatched: FieldProblem[] = [];
  for (const problem of problems) {
    const path = contractPathOf(problem.path);
    let best: string | null = null;
    for (const field of registered) if (field !== '' && isWithin(path, field) && (best === null || field.length > best.length)) best = field;
    const entry = { apiPath: problem.path, message: problem.message };
    if (best === null) unmatched.push(entry);
    else byField.set(best, [...(byField.get(best) ?? []), entry]);
  }
  return { byField, unmatched };
}
