import { invalidInput, type DomainError, type FieldPath, type FieldProblem } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { choleskyLower, symmetricEigenvalues } from './cholesky.js';
import type { ModelInput } from './model.js';
import type { RankCorrelation } from './settings.js';

/**
 * Checks the requested rank correlations and factors the target matrix once, before any block
 * runs. A matrix that is not positive semi-definite is refused, never silently repaired: the
 * user's numbers would otherwise not mean what they say.
 */

/** Pivots within this of zero count as zero (a correlation of exactly ±1 is allowed). */
const SEMIDEFINITE_TOLERANCE = 1e-10;
/** How many input paths an "unknown input" message lists. */
const PATHS_LISTED = 20;

export interface CorrelationPlan {
  /** Positions, in the list of uncertain inputs, of the inputs that take part in a correlation. */
  readonly columns: readonly number[];
  /**
   * Lower Cholesky factor (row-major, columns.length squared) of the correlation matrix of the
   * normal scores. Iman-Conover with normal scores gives the scores a Pearson correlation r, and
   * ranks of bivariate normals with Pearson r have Spearman correlation (6 / pi) asin(r / 2)
   * (Pearson 1907; Kruskal 1958), so each target Spearman rho becomes r = 2 sin(pi rho / 6).
   */
  readonly targetFactor: Float64Array;
}

const isUncertain = (input: ModelInput): boolean => input.distribution !== null && input.distribution.type !== 'fixed';

/**
 * @param inputs      the model's inputs
 * @param uncertain   indices into `inputs` of the uncertain inputs, in sampling order
 * @param at          path of the settings object in the request, e.g. ['settings']
 * @returns null when no correlations are requested.
 */
export function planRankCorrelation(
  inputs: readonly ModelInput[],
  uncertain: readonly number[],
  correlations: readonly RankCorrelation[],
  at: FieldPath,
): Result<CorrelationPlan | null, DomainError> {
  if (correlations.length === 0) return ok(null);
  const problems: FieldProblem[] = [];
  const pathIndex = new Map(inputs.map((input, index) => [input.path, index]));
  const uncertainPosition = new Map(uncertain.map((inputIndex, position) => [inputIndex, position]));
  const uncertainPaths = uncertain.map((index) => inputs[index].path);

  const resolve = (path: string, field: FieldPath): number | undefined => {
    const index = pathIndex.get(path);
    if (index === undefined) {
      const listed = uncertainPaths.slice(0, PATHS_LISTED).join(', ');
      const more = uncertainPaths.length > PATHS_LISTED ? `, ... (${uncertainPaths.length} in all)` : '';
      problems.push({
        path: field,
        message: `unknown input path '${path}'; uncertain inputs of this model: ${listed || 'none'}${more}`,
      });
      return undefined;
    }
    if (!isUncertain(inputs[index])) {
      problems.push({ path: field, message: `input '${path}' is a fixed number; only inputs with a distribution can be correlated` });
      return undefined;
    }
    return uncertainPosition.get(index);
  };

  const columns: number[] = [];
  const pairs: { a: number; b: number; rho: number }[] = [];
  const seenPairs = new Map<string, number>();
  correlations.forEach((correlation, index) => {
    const field = [...at, 'correlations', index];
    const a = resolve(correlation.a, [...field, 'a']);
    const b = resolve(correlation.b, [...field, 'b']);
    if (a === undefined || b === undefined) return;
    if (a === b) {
      problems.push({ path: [...field, 'b'], message: `input '${correlation.a}' cannot be correlated with itself` });
      return;
    }
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    const earlier = seenPairs.get(key);
    if (earlier !== undefined) {
      problems.push({ path: field, message: `the pair '${correlation.a}', '${correlation.b}' is also given at correlations[${earlier}]` });
      return;
    }
    seenPairs.set(key, index);
    for (const position of [a, b]) if (!columns.includes(position)) columns.push(position);
    pairs.push({ a, b, rho: correlation.rho });
  });
  if (problems.length > 0) return fail({ kind: 'invalid-input', problems });

  columns.sort((x, y) => x - y);
  const size = columns.length;
  const column = new Map(columns.map((position, k) => [position, k]));
  const spearman = identity(size);
  const scores = identity(size);
  for (const { a, b, rho } of pairs) {
    const i = column.get(a)!;
    const j = column.get(b)!;
    const r = 2 * Math.sin((Math.PI * rho) / 6);
    spearman[i * size + j] = spearman[j * size + i] = rho;
    scores[i * size + j] = scores[j * size + i] = r;
  }

  const factor = new Float64Array(size * size);
  const field = [...at, 'correlations'];
  if (!choleskyLower(spearman, size, factor, SEMIDEFINITE_TOLERANCE)) {
    const smallest = symmetricEigenvalues(spearman, size)[0];
    return fail(
      invalidInput(
        field,
        `the rank correlations do not form a valid correlation matrix: it is not positive semi-definite (smallest eigenvalue ${smallest.toPrecision(3)}); weaken the correlations that contradict each other`,
      ),
    );
  }
  if (!choleskyLower(scores, size, factor, SEMIDEFINITE_TOLERANCE)) {
    const smallest = symmetricEigenvalues(scores, size)[0];
    return fail(
      invalidInput(
        field,
        `the rank correlations are at the edge of what is possible: converted to normal-score correlations (r = 2 sin(pi rho / 6)) the matrix is not positive semi-definite (smallest eigenvalue ${smallest.toPrecision(3)}); weaken the strongest correlations slightly`,
      ),
    );
  }
  return ok({ columns, targetFactor: factor });
}

function identity(size: number): Float64Array {
  const matrix = new Float64Array(size * size);
  for (let i = 0; i < size; i++) matrix[i * size + i] = 1;
  return matrix;
}
