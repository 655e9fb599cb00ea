/**
 * Cholesky factor of a small symmetric positive semi-definite matrix (row-major, size x size):
 * A = L L^T with L lower triangular. Semi-definite matrices are accepted: a pivot within
 * `tolerance` of zero gives a zero column, provided the rest of that column is zero too
 * (otherwise the matrix has a negative eigenvalue). O(size^3); no allocation.
 *
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., algorithm 4.2.1.
 *
 * @returns false when the matrix is not positive semi-definite; `lower` is then unspecified.
 */
export function choleskyLower(matrix: Float64Array, size: number, lower: Float64Array, tolerance: number): boolean {
  lower.fill(0, 0, size * size);
  for (let j = 0; j < size; j++) {
    let pivot = matrix[j * size + j];
    for (let k = 0; k < j; k++) pivot -= lower[j * size + k] * lower[j * size + k];
    if (pivot < -tolerance) return false;
    const root = pivot > tolerance ? Math.sqrt(pivot) : 0;
    lower[j * size + j] = root;
    for (let i = j + 1; i < size; i++) {
      let entry = matrix[i * size + j];
      for (let k = 0; k < j; k++) entry -= lower[i * size + k] * lower[j * size + k];
      if (root === 0) {
        if (Math.abs(entry) > Math.sqrt(tolerance)) return false;
        lower[i * size + j] = 0;
      } else lower[i * size + j] = entry / root;
    }
  }
  return true;
}

/**
 * Eigenvalues of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan,
 * algorithm 8.5.3). Used only to say how far a refused correlation matrix is from valid.
 */
export function symmetricEigenvalues(matrix: Float64Array, size: number): number[] {
  const a = Float64Array.from(matrix);
  const MAX_SWEEPS = 100;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    for (let p = 0; p < size; p++) for (let q = p + 1; q < size; q++) offDiagonal += a[p * size + q] ** 2;
    if (offDiagonal < 1e-22) break;
    for (let p = 0; p < size; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (apq === 0) continue;
        const theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
      }
    }
  }
  return Array.from({ length: size }, (_, i) => a[i * size + i]).sort((x, y) => x - y);
}
