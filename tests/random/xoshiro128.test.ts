import { describe, expect, it } from 'vitest';
import { Xoshiro128, createRng } from '../../models/random/index.js';

/**
 * An independent transcription of the reference C code (https://prng.di.unimi.it/xoshiro128starstar.c,
 * version 1.1) on BigInt with explicit 32-bit masking, sharing nothing with the implementation under
 * test (which relies on Math.imul and int32 coercion):
 *
 *   uint32_t next(void) {
 *     const uint32_t result = rotl(s[1] * 5, 7) * 9;
 *     const uint32_t t = s[1] << 9;
 *     s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
 *     s[2] ^= t;
 *     s[3] = rotl(s[3], 11);
 *     return result;
 *   }
 */
class ReferenceXoshiro128StarStar {
  private readonly state: bigint[];

  constructor(words: number[]) {
    this.state = words.map((word) => BigInt(word >>> 0));
  }

  next(): number {
    const mask = 0xffffffffn;
    const rotateLeft = (x: bigint, k: bigint) => ((x << k) | (x >> (32n - k))) & mask;
    const s = this.state;
    const result = (rotateLeft((s[1] * 5n) & mask, 7n) * 9n) & mask;
    const t = (s[1] << 9n) & mask;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotateLeft(s[3], 11n);
    return Number(result);
  }
}

const TWO_TO_53 = 2 ** 53;

describe('xoshiro128**', () => {
  it('matches the published reference output for the state {1, 2, 3, 4}', () => {
    // From the reference test of rand_xoshiro (rust-random/rngs, xoshiro128starstar.rs), produced with
    // the reference C implementation version 1.1.
    const expected = [11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804];
    const generator = new Xoshiro128(1, 2, 3, 4);
    expect(expected.map(() => generator.nextUint32())).toEqual(expected);
  });

  it.each([
    [[1, 2, 3, 4]],
    [[0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321]],
    [[0xffffffff, 0, 0, 0]],
    [[0, 0, 0, 1]],
  ])('matches an independent BigInt transcription of the C code for 10,000 outputs from %j', (state) => {
    const generator = new Xoshiro128(state[0], state[1], state[2], state[3]);
    const reference = new ReferenceXoshiro128StarStar(state);
    const mismatches: number[] = [];
    for (let index = 0; index < 10_000; index++) {
      if (generator.nextUint32() !== reference.next()) mismatches.push(index);
    }
    expect(mismatches).toEqual([]);
  });

  it('builds each double from the top 27 and top 26 bits of two consecutive outputs', () => {
    const generator = new Xoshiro128(5, 6, 7, 8);
    const reference = new ReferenceXoshiro128StarStar([5, 6, 7, 8]);
    for (let index = 0; index < 1000; index++) {
      const high = reference.next() >>> 5;
      const low = reference.next() >>> 6;
      expect(generator.nextDouble()).toBe((high * 2 ** 26 + low) / TWO_TO_53);
    }
  });

  it('refuses the all-zero state, a fixed point of the generator', () => {
    expect(() => new Xoshiro128(0, 0, 0, 0)).toThrow(RangeError);
  });

  it('fill gives the same numbers as repeated nextDouble', () => {
    const filled = new Float64Array(257);
    createRng(9, 2).fill(filled);
    const sequential = createRng(9, 2);
    for (const value of filled) expect(value).toBe(sequential.nextDouble());
  });
});

describe('createRng', () => {
  it('seeds through SplitMix32 exactly as an independent Python implementation does', () => {
    // Python: start = fmix32(fmix32(seed) ^ stream), four SplitMix32 outputs as the state, then xoshiro128**.
    const outputs = (seed: number, stream: number) => {
      const rng = createRng(seed, stream);
      return [rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()];
    };
    expect(outputs(42, 0)).toEqual([2608737671, 3252926457, 1159326024, 2392908087]);
    expect(outputs(42, 7)).toEqual([1866112175, 2219499805, 2286288927, 2354791431]);
    expect(outputs(0, 0)).toEqual([3809008728, 1133695204, 53579671, 2891528803]);
    expect(outputs(2 ** 32 - 1, 1)).toEqual([3484720061, 2154769027, 1513748820, 3981589919]);
    const rng = createRng(42);
    expect([rng.nextDouble(), rng.nextDouble()]).toEqual([0.6073940750761401, 0.2699266266609901]);
  });

  it('gives the same sequence for the same seed and stream, whenever and in whatever order streams are made', () => {
    const first = createRng(2024, 3);
    createRng(2024, 4).nextDouble();
    const second = createRng(2024, 3);
    for (let index = 0; index < 1000; index++) expect(second.nextDouble()).toBe(first.nextDouble());
  });

  it('gives different streams different sequences', () => {
    const seen = new Set<string>();
    for (let stream = 0; stream < 10_000; stream++) {
      const rng = createRng(1, stream);
      seen.add(`${rng.nextUint32()}:${rng.nextUint32()}`);
    }
    expect(seen.size).toBe(10_000);
  });

  it('gives different seeds different sequences', () => {
    expect(createRng(1).nextUint32()).not.toBe(createRng(2).nextUint32());
  });

  it('makes neighbouring streams uncorrelated (|r| within 5 standard errors of 0)', () => {
    const draws = 100_000;
    const streamA = createRng(77, 0);
    const streamB = createRng(77, 1);
    let sumOfProducts = 0;
    for (let index = 0; index < draws; index++) sumOfProducts += (streamA.nextDouble() - 0.5) * (streamB.nextDouble() - 0.5);
    // Under independence the correlation of two uniforms has standard error 1/√N.
    const correlation = sumOfProducts / draws / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThanOrEqual(5 / Math.sqrt(draws));
  });

  it('nextDouble lies in [0, 1), has mean ½ within 5 standard errors and uses all 53 bits', () => {
    const draws = 1_000_000;
    const rng = createRng(31337);
    let minimum = 1;
    let maximum = 0;
    let sum = 0;
    let oddLowestBit = 0;
    for (let index = 0; index < draws; index++) {
      const u = rng.nextDouble();
      if (u < minimum) minimum = u;
      if (u > maximum) maximum = u;
      sum += u;
      if ((u * TWO_TO_53) % 2 === 1) oddLowestBit++;
    }
    expect(minimum).toBeGreaterThanOrEqual(0);
    expect(maximum).toBeLessThan(1);
    // The mean of N uniforms has standard error √(1/12/N).
    expect(Math.abs(sum / draws - 0.5)).toBeLessThanOrEqual(5 * Math.sqrt(1 / 12 / draws));
    // The 2^-53 bit is set half the time (binomial standard error √(N/4)).
    expect(Math.abs(oddLowestBit - draws / 2)).toBeLessThanOrEqual(5 * Math.sqrt(draws / 4));
  });
});
