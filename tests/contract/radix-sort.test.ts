import { describe, expect, it } from 'vitest';
import { createRng } from '../../models/random/index.js';
import { RADIX_SORT_MIN_LENGTH, radixSortAscending } from '../../models/simulation/radix-sort.js';

/**
 * The radix sort that orders exact-mode output columns (models/simulation/radix-sort.ts) must give
 * exactly the order of the built-in numeric sort it replaced: the reference here is
 * `Float64Array.prototype.sort`, compared bit for bit (so -0 before +0 is checked too).
 * (Kept beside the contract-kernel tests because it came with the kernel's performance work.)
 */
function sortedBothWays(values: Float64Array): [Uint8Array, Uint8Array] {
  const radix = values.slice();
  radixSortAscending(radix);
  const builtIn = values.slice().sort();
  return [new Uint8Array(radix.buffer), new Uint8Array(builtIn.buffer)];
}

describe('radix sort of doubles', () => {
  const rng = createRng(2024, 0);

  it('orders like the built-in sort for values of mixed sign and magnitude', () => {
    const values = Float64Array.from({ length: 20_000 }, () => (rng.nextDouble() - 0.4) * 10 ** (rng.nextDouble() * 40 - 20));
    const [radix, builtIn] = sortedBothWays(values);
    expect(radix).toEqual(builtIn);
  });

  it('orders zeros of both signs, subnormals, extremes and ties like the built-in sort', () => {
    const special = [0, -0, 5e-324, -5e-324, 2.2e-308, -2.2e-308, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1, 1, 0, -0];
    const values = Float64Array.from({ length: 3 * RADIX_SORT_MIN_LENGTH }, (_, i) =>
      i % 3 === 0 ? special[i % special.length] : Math.round((rng.nextDouble() - 0.5) * 20),
    );
    const [radix, builtIn] = sortedBothWays(values);
    expect(radix).toEqual(builtIn);
  });

  it('leaves a column of one repeated value as it is, and sorts short columns too', () => {
    const constant = new Float64Array(4 * RADIX_SORT_MIN_LENGTH).fill(1234.5);
    expect(sortedBothWays(constant)[0]).toEqual(sortedBothWays(constant)[1]);
    const short = Float64Array.from({ length: 17 }, () => rng.nextDouble() - 0.5);
    const [radix, builtIn] = sortedBothWays(short);
    expect(radix).toEqual(builtIn);
  });

  it('sorts a view into a larger buffer without touching the rest of it', () => {
    const buffer = Float64Array.from({ length: 3_000 }, () => rng.nextDouble() - 0.5);
    const before = buffer.slice();
    const view = buffer.subarray(1_000, 2_000);
    const expected = view.slice().sort();
    radixSortAscending(view);
    expect(view).toEqual(expected);
    expect(buffer.subarray(0, 1_000)).toEqual(before.subarray(0, 1_000));
    expect(buffer.subarray(2_000)).toEqual(before.subarray(2_000));
  });
});
