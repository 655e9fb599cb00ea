/**
 * SplitMix32: a Weyl sequence (step 0x9e3779b9, the 32-bit golden ratio) passed through the
 * MurmurHash3 32-bit finaliser. It is the 32-bit analogue of SplitMix64 (Steele, Lea & Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014), which Blackman and Vigna
 * recommend for filling a xoshiro state. There is no canonical 32-bit SplitMix, so this file
 * is the definition this project uses: changing it changes every seeded result.
 *
 * Only used to turn a seed into generator states; it is not meant as a generator itself.
 */

const GOLDEN_RATIO_STEP = 0x9e3779b9;
const MURMUR_MULTIPLIER_1 = 0x85ebca6b;
const MURMUR_MULTIPLIER_2 = 0xc2b2ae35;

/**
 * MurmurHash3's fmix32 (Appleby): a bijection on 32-bit words in which every input bit
 * affects every output bit. Because it is a bijection, distinct inputs never collide.
 *
 * @example mix32(0) === 0; mix32(1) === 0x514e28b7
 */
export function mix32(word: number): number {
  let hash = word | 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, MURMUR_MULTIPLIER_1);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, MURMUR_MULTIPLIER_2);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

export class SplitMix32 {
  private counter: number;

  /** `seed` is reduced modulo 2^32 (negative integers wrap as in two's complement). */
  constructor(seed: number) {
    this.counter = seed | 0;
  }

  /** The next 32-bit word, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    this.counter = (this.counter + GOLDEN_RATIO_STEP) | 0;
    return mix32(this.counter);
  }
}
