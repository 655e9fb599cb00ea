/**
 * Ranks 1..n of `values`, ties sharing the average of the ranks they span (the "fractional"
 * ranking Spearman's coefficient uses, as R's `rank(ties.method = "average")`).
 *
 * Writes into `ranks` (same length as `values`); `order` is scratch space of that length.
 * Complexity O(n log n). NaN values are not expected (callers refuse NaN outputs first).
 *
 * @example averageRanks([10, 20, 20, 5]) → [2, 3.5, 3.5, 1]
 */
export function averageRanks(values: ArrayLike<number>, ranks: Float64Array, order: Uint32Array): void {
  const count = values.length;
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort((first, second) => values[first] - values[second]);
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && values[order[end]] === values[order[start]]) end++;
    // positions start..end−1 hold equal values: ranks start+1..end, averaged
    const shared = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]] = shared;
    start = end;
  }
}
