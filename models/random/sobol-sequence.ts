import type { Rng } from './rng.js';
import { JOE_KUO_DIMENSIONS, JOE_KUO_ROWS } from './sobol-direction-numbers.js';

/** Bits per coordinate: 2^32 points before the sequence repeats, far beyond MAX_ITERATIONS. */
const BITS = 32;
const TWO_TO_MINUS_32 = 2 ** -32;

/** Dimensions of the embedded direction numbers: the most uncertain inputs `sobol` sampling serves. */
export const MAX_SOBOL_DIMENSIONS = JOE_KUO_DIMENSIONS;

/**
 * The BITS direction numbers v_1 ... v_32 of one dimension, as 32-bit words (v_i = m_i·2^(32 − i)),
 * by the recurrence of Bratley and Fox (ACM TOMS 14, 1988, alg. 659) as Joe and Kuo state it:
 * m_i = 2^s·m_{i−s} ⊕ m_{i−s} ⊕ ⊕_{k=1}^{s−1} 2^k·a_k·m_{i−k} for i > s.
 */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let i = 0; i < BITS; i++) v[i] = 2 ** (BITS - 1 - i);
    return v;
  }
  const fields = PARSED_ROWS[dimension - 1];
  const degree = fields[0];
  const coefficients = fields[1];
  const m = new Array<number>(BITS + 1);
  for (let i = 1; i <= degree; i++) m[i] = fields[1 + i];
  for (let i = degree + 1; i <= BITS; i++) {
    let next = m[i - degree] ^ (m[i - degree] * 2 ** degree);
    for (let k = 1; k < degree; k++) {
      if ((coefficients >>> (degree - 1 - k)) & 1) next ^= m[i - k] * 2 ** k;
    }
    m[i] = next;
  }
  // m_i < 2^i, so m_i·2^(32 − i) < 2^32: exact in doubles, stored as an unsigned word.
  for (let i = 1; i <= BITS; i++) v[i - 1] = (m[i] * 2 ** (BITS - i)) >>> 0;
  return v;
}

const PARSED_ROWS: readonly number[][] = JOE_KUO_ROWS.split('\n').map((row) => row.split(' ').map(Number));

/** Parity of a 32-bit word: 1 when an odd number of bits are set. */
function parity(word: number): number {
  let x = word ^ (word >>> 16);
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

/** 32 random bits from a double in [0, 1) (the generator's top 32 bits). */
const randomWord = (rng: Rng): number => Math.floor(rng.nextDouble() * 2 ** 32) >>> 0;

/**
 * Multiplies a digit vector (bit 31 is the first binary digit) by a random lower-triangular
 * binary matrix with unit diagonal: digit r of the result is digit r plus a random combination
 * of the digits before it. Matoušek's linear matrix scramble ("On the L2-discrepancy for
 * anchored boxes", J. Complexity 14, 1998): it keeps every (t, m, s)-net property.
 */
function linearMatrixScramble(rng: Rng): (word: number) => number {
  const rows = new Uint32Array(BITS);
  for (let r = 0; r < BITS; r++) {
    // Columns 0 ... r − 1 (digits more significant than r) random, column r (the diagonal) 1.
    const diagonal = 2 ** (BITS - 1 - r);
    const above = r === 0 ? 0 : (randomWord(rng) & ~(diagonal * 2 - 1)) >>> 0;
    rows[r] = (above | diagonal) >>> 0;
  }
  return (word) => {
    let result = 0;
    for (let r = 0; r < BITS; r++) if (parity(rows[r] & word)) result += 2 ** (BITS - 1 - r);
    return result >>> 0;
  };
}

/**
 * The Sobol low-discrepancy sequence (Sobol' 1967) in up to MAX_SOBOL_DIMENSIONS dimensions with
 * Joe–Kuo direction numbers, in Gray-code order (Antonov & Saleev 1979), as scipy.stats.qmc.Sobol
 * with scramble=False lists it. Point n of dimension j is the XOR of the direction numbers selected
 * by the bits of gray(n) = n ⊕ (n >> 1), so any point is computed from its index alone: a block of
 * iterations computes its own points, and a run gives the same points at any thread count.
 *
 * Scrambled (`scramble(rng)`), each dimension gets a random linear matrix scramble of its direction
 * numbers and a random digital shift (XOR of a random word), both drawn once from the seeded rng:
 * every point is then uniform on (0, 1) while the point set keeps its net structure, so means are
 * unbiased and their error shrinks nearly as 1/N for smooth integrands.
 */
export class SobolSequence {
  private readonly directions: Uint32Array[];
  private readonly shifts: Uint32Array;

  private constructor(directions: Uint32Array[], shifts: Uint32Array) {
    this.directions = directions;
    this.shifts = shifts;
  }

  /** The unscrambled sequence (the published points); its first point is 0. */
  static plain(dimensions: number): SobolSequence {
    checkDimensions(dimensions);
    return new SobolSequence(Array.from({ length: dimensions }, (_, j) => directionNumbers(j)), new Uint32Array(dimensions));
  }

  /** The sequence with each dimension scrambled (linear matrix scramble + digital shift) from `rng`. */
  static scrambled(dimensions: number, rng: Rng): SobolSequence {
    checkDimensions(dimensions);
    const directions: Uint32Array[] = [];
    const shifts = new Uint32Array(dimensions);
    for (let j = 0; j < dimensions; j++) {
      const scramble = linearMatrixScramble(rng);
      directions.push(directionNumbers(j).map(scramble));
      shifts[j] = randomWord(rng);
    }
    return new SobolSequence(directions, shifts);
  }

  get dimensions(): number {
    return this.directions.length;
  }

  /** The 32-bit word of point `index` in `dimension`. */
  word(dimension: number, index: number): number {
    const v = this.directions[dimension];
    let gray = index ^ Math.floor(index / 2);
    let word = this.shifts[dimension];
    for (let bit = 0; gray > 0; bit++, gray = Math.floor(gray / 2)) if (gray % 2 === 1) word ^= v[bit];
    return word >>> 0;
  }

  /** Point `index` of `dimension` as the published value word/2^32 in [0, 1). */
  point(dimension: number, index: number): number {
    return this.word(dimension, index) * TWO_TO_MINUS_32;
  }

  /**
   * Fills out[0 .. count − 1] with points first ... first + count − 1 of `dimension`, each at the
   * centre of its 2^-32 cell, (word + ½)/2^32, so strictly inside (0, 1) as quantile functions
   * need. After the first point each costs one XOR: consecutive Gray codes differ in the bit of
   * the lowest zero of the index. Allocates nothing.
   */
  fill(dimension: number, first: number, count: number, out: Float64Array): void {
    const v = this.directions[dimension];
    let word = this.word(dimension, first);
    for (let i = 0; i < count; i++) {
      out[i] = (word + 0.5) * TWO_TO_MINUS_32;
      // From index n to n + 1 the Gray code flips the bit of n's lowest zero bit.
      let n = first + i;
      let bit = 0;
      while (n % 2 === 1) {
        n = Math.floor(n / 2);
        bit++;
      }
      word = (word ^ v[bit]) >>> 0;
    }
  }
}

function checkDimensions(dimensions: number): void {
  if (!(Number.isInteger(dimensions) && dimensions >= 1 && dimensions <= MAX_SOBOL_DIMENSIONS))
    throw new RangeError(`the Sobol sequence has 1 to ${MAX_SOBOL_DIMENSIONS} dimensions, not ${dimensions}`);
}
