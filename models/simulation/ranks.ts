/**
 * Ranks without a comparator sort: the values are copied and sorted numerically (a typed-array
 * sort, several times faster than an index sort with a comparator), then each value's rank is
 * found by binary search. Ties get consecutive ranks in row order, so ranks are a permutation of
 * 0 .. n-1 and the result is deterministic. O(n log n); allocates only a subarray view.
 *
 * @param values     values[0 .. n), none NaN
 * @param sorted     receives the values in ascending order (length >= n)
 * @param ranks      receives the 0-based rank of each value (length >= n)
 * @param tieOffsets scratch (length >= n)
 */
export function rankInto(values: Float64Array, n: number, sorted: Float64Array, ranks: Int32Array, tieOffsets: Int32Array): void {
  for (let i = 0; i < n; i++) sorted[i] = values[i];
  sorted.subarray(0, n).sort();
  tieOffsets.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (sorted[middle] < value) low = middle + 1;
      else high = middle;
    }
    ranks[i] = low + tieOffsets[low]++;
  }
}
