import { standardNormalQuantile } from '../distributions/index.js';
import { choleskyLower } from './cholesky.js';
import { BLOCK_SIZE } from './block-layout.js';
import type { CorrelationPlan } from './rank-correlation.js';
import { rankInto } from './ranks.js';

/**
 * Rank correlation by the method of Iman & Conover ("A distribution-free approach to inducing
 * rank correlation among input variables", Communications in Statistics B 11(3), 1982), applied
 * to each block's uniforms before they are turned into input values. Reordering uniforms keeps
 * every input's marginal sample (and its Latin hypercube strata) and changes only which values
 * meet in one iteration.
 *
 * Per block of n rows and K correlated inputs:
 * 1. R (n x K): column k holds van der Waerden scores Phi^-1(r / (n + 1)) in the rank order of
 *    input k's uniforms, so the columns are independent random permutations of the scores.
 * 2. T = sample correlation of R; T = Q Q^T (Cholesky). Target C = P P^T.
 * 3. R* = R (P Q^-1)^T has sample correlation exactly C: the correction of Iman & Conover that
 *    removes the chance correlation of R instead of adding C on top of it.
 * 4. Input k's uniforms are rearranged to have the ranks of column k of R*.
 *
 * All buffers are allocated once; a block allocates only subarray views.
 */
export class ImanConover {
  private readonly size: number;
  private readonly columns: readonly number[];
  private readonly targetFactor: Float64Array;
  /** Scores for the current block length; recomputed only when the length changes. */
  private readonly scores = new Float64Array(BLOCK_SIZE);
  private scoresLength = -1;
  private sumOfSquaredScores = 0;
  /** Column-major n x K: R[k * BLOCK_SIZE + i]. */
  private readonly scoreMatrix: Float64Array;
  private readonly correlatedScores: Float64Array;
  /** Sorted copy of each correlated input's uniforms, reused for the rearrangement. */
  private readonly sortedUniforms: Float64Array[];
  private readonly ranks = new Int32Array(BLOCK_SIZE);
  private readonly order = new Int32Array(BLOCK_SIZE);
  private readonly bucketStarts = new Int32Array(BLOCK_SIZE + 1);
  private readonly sortedScratch = new Float64Array(BLOCK_SIZE);
  private readonly sampleCorrelation: Float64Array;
  private readonly sampleFactor: Float64Array;
  private readonly sampleFactorInverse: Float64Array;
  private readonly transform: Float64Array;

  constructor(plan: CorrelationPlan) {
    this.columns = plan.columns;
    this.size = plan.columns.length;
    this.targetFactor = plan.targetFactor;
    const k = this.size;
    this.scoreMatrix = new Float64Array(BLOCK_SIZE * k);
    this.correlatedScores = new Float64Array(BLOCK_SIZE * k);
    this.sortedUniforms = Array.from({ length: k }, () => new Float64Array(BLOCK_SIZE));
    this.sampleCorrelation = new Float64Array(k * k);
    this.sampleFactor = new Float64Array(k * k);
    this.sampleFactorInverse = new Float64Array(k * k);
    this.transform = new Float64Array(k * k);
  }

  /** Rearranges `uniforms[position][0 .. n)` for the correlated positions, in place. */
  apply(uniforms: readonly Float64Array[], n: number): void {
    const k = this.size;
    // With fewer rows than inputs the sample correlation is singular and ranks carry no signal.
    if (n <= k) return;
    this.prepareScores(n);

    const R = this.scoreMatrix;
    for (let c = 0; c < k; c++) {
      rankInto(uniforms[this.columns[c]], n, this.sortedUniforms[c], this.ranks, this.order, this.bucketStarts);
      const offset = c * BLOCK_SIZE;
      for (let i = 0; i < n; i++) R[offset + i] = this.scores[this.ranks[i]];
    }

    // T: every column is a permutation of the same scores, so each has mean 0 and the same
    // sum of squares, and the correlation is the cross product over that sum.
    const T = this.sampleCorrelation;
    for (let a = 0; a < k; a++) {
      T[a * k + a] = 1;
      for (let b = a + 1; b < k; b++) {
        let cross = 0;
        const offsetA = a * BLOCK_SIZE;
        const offsetB = b * BLOCK_SIZE;
        for (let i = 0; i < n; i++) cross += R[offsetA + i] * R[offsetB + i];
        T[a * k + b] = T[b * k + a] = cross / this.sumOfSquaredScores;
      }
    }
    const Q = this.sampleFactor;
    if (!choleskyLower(T, k, Q, 0) || hasZeroDiagonal(Q, k)) setIdentity(Q, k);
    invertLowerTriangular(Q, k, this.sampleFactorInverse);
    // transform = P Q^-1, so that row i of R* is transform times row i of R.
    multiplyLowerTriangular(this.targetFactor, this.sampleFactorInverse, k, this.transform);

    const Rstar = this.correlatedScores;
    const A = this.transform;
    for (let a = 0; a < k; a++) {
      const out = a * BLOCK_SIZE;
      for (let i = 0; i < n; i++) Rstar[out + i] = 0;
      for (let m = 0; m <= a; m++) {
        const weight = A[a * k + m];
        if (weight === 0) continue;
        const from = m * BLOCK_SIZE;
        for (let i = 0; i < n; i++) Rstar[out + i] += weight * R[from + i];
      }
    }

    for (let c = 0; c < k; c++) {
      rankInto(Rstar.subarray(c * BLOCK_SIZE, c * BLOCK_SIZE + n), n, this.sortedScratch, this.ranks, this.order, this.bucketStarts);
      const target = uniforms[this.columns[c]];
      const sorted = this.sortedUniforms[c];
      for (let i = 0; i < n; i++) target[i] = sorted[this.ranks[i]];
    }
  }

  private prepareScores(n: number): void {
    if (n === this.scoresLength) return;
    let squares = 0;
    for (let r = 0; r < n; r++) {
      const score = standardNormalQuantile((r + 1) / (n + 1));
      this.scores[r] = score;
      squares += score * score;
    }
    this.scoresLength = n;
    this.sumOfSquaredScores = squares;
  }
}

function hasZeroDiagonal(lower: Float64Array, size: number): boolean {
  for (let i = 0; i < size; i++) if (lower[i * size + i] === 0) return true;
  return false;
}

function setIdentity(matrix: Float64Array, size: number): void {
  matrix.fill(0, 0, size * size);
  for (let i = 0; i < size; i++) matrix[i * size + i] = 1;
}

/** Inverse of a lower-triangular matrix with non-zero diagonal, by forward substitution. */
function invertLowerTriangular(lower: Float64Array, size: number, inverse: Float64Array): void {
  inverse.fill(0, 0, size * size);
  for (let j = 0; j < size; j++) {
    inverse[j * size + j] = 1 / lower[j * size + j];
    for (let i = j + 1; i < size; i++) {
      let sum = 0;
      for (let m = j; m < i; m++) sum += lower[i * size + m] * inverse[m * size + j];
      inverse[i * size + j] = -sum / lower[i * size + i];
    }
  }
}

/** Product of two lower-triangular matrices, which is lower triangular. */
function multiplyLowerTriangular(left: Float64Array, right: Float64Array, size: number, out: Float64Array): void {
  out.fill(0, 0, size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let m = j; m <= i; m++) sum += left[i * size + m] * right[m * size + j];
      out[i * size + j] = sum;
    }
  }
}
