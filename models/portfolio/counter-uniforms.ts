import { mix32 } from '../random/splitmix32.js';
import type { Rng } from '../random/rng.js';

/**
 * Counter-based uniforms: the random number of "enterprise e in year t of iteration i" is a hash
 * of (iteration key, stream of e, t) rather than the next draw of a sequence. Each evaluation
 * takes exactly two draws from the engine's generator (the iteration key), whatever the size of
 * the portfolio, so two strategies compared on common random numbers see the same regional
 * factor in every year and the same idiosyncratic draw for every enterprise they share (same
 * archetype id and ordinal), even when one has more enterprises than the other.
 *
 * The hash runs two 32-bit lanes through MurmurHash3's fmix32 (a bijection with full avalanche)
 * and joins them into a 53-bit double; the lanes spread (stream, counter) with different
 * multipliers, so two distinct pairs coincide only if both lanes collide. Randomness still comes
 * only from the generator passed in.
 */

const TWO_TO_32 = 4294967296;
const TWO_TO_21 = 2097152;
const INVERSE_TWO_TO_53 = 1 / 9007199254740992;
const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Odd Weyl multipliers: the 32-bit golden ratio, MurmurHash3's two fmix32 constants and xxHash's PRIME32_3. */
const WEYL_A1 = 0x9e3779b9;
const WEYL_A2 = 0x85ebca6b;
const WEYL_B1 = 0xc2b2ae35;
const WEYL_B2 = 0xc2b2ae3d;

/** FNV-1a of the UTF-16 code units, then fmix32: a well-spread 32-bit stream id for a name. */
export function hashIdentifier(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return mix32(hash >>> 0);
}

/** Draws the iteration key (two 32-bit words) from the engine's generator: two draws per evaluation. */
export function drawIterationKey(rng: Rng, key: Uint32Array): void {
  key[0] = Math.floor(rng.nextDouble() * TWO_TO_32) >>> 0;
  key[1] = Math.floor(rng.nextDouble() * TWO_TO_32) >>> 0;
}

/**
 * A uniform in (0, 1) for (stream, counter) under the iteration key. Never exactly 0 or 1, so
 * its normal quantile is finite. Allocates nothing.
 *
 * Each lane first spreads (stream, counter) with odd multipliers (a Weyl step, as in SplitMix: a
 * plain `base + counter` would feed the mixer inputs that differ only in a few bits, and the
 * uniforms of neighbouring enterprises would be measurably correlated), then mixes in both key
 * words over three fmix32 rounds.
 */
export function counterUniform(key: Uint32Array, stream: number, counter: number): number {
  let laneA = mix32((Math.imul(stream, WEYL_A1) + Math.imul(counter, WEYL_A2) + key[0]) >>> 0);
  laneA = mix32((laneA ^ key[1]) >>> 0);
  laneA = mix32((laneA + Math.imul(counter, WEYL_A1)) >>> 0);
  let laneB = mix32((Math.imul(stream, WEYL_B1) + Math.imul(counter, WEYL_B2) + key[1]) >>> 0);
  laneB = mix32((laneB ^ key[0]) >>> 0);
  laneB = mix32((laneB + Math.imul(stream, WEYL_B2)) >>> 0);
  return (laneA * TWO_TO_21 + (laneB >>> 11) + 0.5) * INVERSE_TWO_TO_53;
}
