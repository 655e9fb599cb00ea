import type { Rng } from './rng.js';
import { SplitMix32, mix32 } from './splitmix32.js';

/** 2^-53: turns a 53-bit integer into a double in [0, 1) without rounding. */
const INVERSE_TWO_TO_53 = 1 / 9007199254740992;
/** 2^26: the low 26 bits of a 53-bit double come from the second 32-bit output. */
const TWO_TO_26 = 67108864;

/**
 * xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021; reference C code at https://prng.di.unimi.it/xoshiro128starstar.c).
 *
 * 128 bits of state, period 2^128 − 1, passes BigCrush and PractRand. The state is held as four
 * int32 values and updated with `Math.imul`, shifts and xor only, so the output is bit-for-bit
 * the same on every JavaScript engine and machine.
 *
 * Construct it through {@link createRng}; the constructor takes a raw state for reference tests.
 */
export class Xoshiro128 implements Rng {
  private state0: number;
  private state1: number;
  private state2: number;
  private state3: number;

  /**
   * @param state0..state3 the four 32-bit state words of the reference implementation (s[0]..s[3]).
   * @throws RangeError when all four words are zero: that state is a fixed point of the generator.
   */
  constructor(state0: number, state1: number, state2: number, state3: number) {
    this.state0 = state0 | 0;
    this.state1 = state1 | 0;
    this.state2 = state2 | 0;
    this.state3 = state3 | 0;
    if ((this.state0 | this.state1 | this.state2 | this.state3) === 0) {
      throw new RangeError('xoshiro128** needs a state that is not all zero');
    }
  }

  /** The next output of the reference generator, an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const state1 = this.state1;
    const scrambled = Math.imul(state1, 5);
    const result = Math.imul((scrambled << 7) | (scrambled >>> 25), 9);
    const shifted = state1 << 9;
    this.state2 ^= this.state0;
    this.state3 ^= state1;
    this.state1 ^= this.state2;
    this.state0 ^= this.state3;
    this.state2 ^= shifted;
    this.state3 = (this.state3 << 11) | (this.state3 >>> 21);
    return result >>> 0;
  }

  /**
   * A uniform double in [0, 1) on the grid k·2^-53, every mantissa bit random: the top 27 bits of
   * one output and the top 26 bits of the next, as in Matsumoto & Nishimura's genrand_res53. A
   * single 32-bit output would leave the low bits of every draw zero, coarsening tail quantiles.
   * Consumes two 32-bit outputs.
   */
  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * TWO_TO_26 + low) * INVERSE_TWO_TO_53;
  }

  /** Fills `out` with the same numbers as `out.length` calls of {@link nextDouble}. */
  fill(out: Float64Array): void {
    for (let index = 0; index < out.length; index++) out[index] = this.nextDouble();
  }
}

/**
 * A generator for one stream of a seeded computation. Each (seed, stream) pair gives its own
 * deterministic sequence, so block `stream` of a simulation draws the same numbers whichever
 * worker runs it and in whatever order the blocks run.
 *
 * The pair is hashed into a SplitMix32 starting point, `mix32(mix32(seed) ^ stream)`, and four
 * SplitMix32 outputs fill the 128-bit state (the seeding Blackman & Vigna recommend). For a fixed
 * seed the map from stream to starting point is a bijection, so streams 0 .. 2^32 − 1 all start
 * from different states; streams are separated by hashing, not by jumps, and two of them
 * overlapping within a simulation's length has negligible probability given the 2^128 period.
 * The state can never be all zero: mix32 maps only 0 to 0, and the four words come from four
 * different counters.
 *
 * @param seed   an integer, reduced modulo 2^32 (validate the range at the API boundary).
 * @param stream index of the block or chunk, reduced modulo 2^32; 0 for a single-stream run.
 * @example createRng(42).nextDouble() // the same value on every machine
 */
export function createRng(seed: number, stream = 0): Xoshiro128 {
  const start = mix32(mix32(seed) ^ stream);
  const seeder = new SplitMix32(start);
  return new Xoshiro128(seeder.nextUint32(), seeder.nextUint32(), seeder.nextUint32(), seeder.nextUint32());
}
