import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { createRng, MAX_SOBOL_DIMENSIONS, SobolSequence } from '../../models/random/index.js';

describe('Sobol sequence, unscrambled', () => {
  const plain = SobolSequence.plain(MAX_SOBOL_DIMENSIONS);

  it('lists the published points of the first dimensions (scipy 1.17.1 qmc.Sobol(d, scramble=False), Joe–Kuo 6.21201)', () => {
    const published = [
      [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125, 0.1875, 0.6875, 0.9375, 0.4375, 0.3125, 0.8125, 0.5625, 0.0625],
      [0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625, 0.3125, 0.8125, 0.0625, 0.5625, 0.1875, 0.6875, 0.4375, 0.9375],
      [0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375, 0.9375, 0.4375, 0.6875, 0.1875, 0.3125, 0.8125, 0.0625, 0.5625],
      [0, 0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125, 0.4375, 0.9375, 0.1875, 0.6875, 0.5625, 0.0625, 0.8125, 0.3125],
    ];
    published.forEach((points, dimension) => points.forEach((x, n) => expect(plain.point(dimension, n), `dim ${dimension}, point ${n}`).toBe(x)));
  });

  it('matches scipy on 4,096 points of dimensions up to 1,024 (weighted checksum Σ n·4096·x_n and the last point)', () => {
    // scipy 1.17.1: qmc.Sobol(1024, scramble=False, bits=32).random(4096), columns 0, 1, 2, 3, 9, 99, 511, 1022, 1023.
    const dimensions = [0, 1, 2, 3, 9, 99, 511, 1022, 1023];
    const checksums = [17173578752, 17179870208, 17173578752, 17175675904, 17173578752, 17177773056, 17175675904, 17173578752, 17173578752];
    const lastPoints = [0.000244140625, 0.941162109375, 0.334228515625, 0.901611328125, 0.246337890625, 0.962646484375, 0.914794921875, 0.965087890625, 0.354736328125];
    dimensions.forEach((dimension, k) => {
      let checksum = 0;
      for (let n = 0; n < 4096; n++) checksum += n * Math.round(plain.point(dimension, n) * 4096);
      expect(checksum, `dimension ${dimension}`).toBe(checksums[k]);
      expect(plain.point(dimension, 4095)).toBe(lastPoints[k]);
    });
  });

  it('fills a run of points equal to the points one by one, from any starting index', () => {
    const out = new Float64Array(300);
    plain.fill(7, 12_345, 300, out);
    for (let i = 0; i < 300; i++) expect(out[i]).toBe(plain.point(7, 12_345 + i) + 2 ** -33);
  });
});

describe('Sobol sequence, scrambled', () => {
  const scrambled = SobolSequence.scrambled(64, createRng(2026, 0xffff_ffff));
  const points = 4096;
  const column = (dimension: number) => {
    const out = new Float64Array(points);
    scrambled.fill(dimension, 0, points, out);
    return out;
  };

  it('keeps the net property: every dimension puts exactly one of 4,096 points in each interval of width 1/4,096', () => {
    for (let dimension = 0; dimension < 64; dimension++) {
      const cells = new Int32Array(points);
      for (const x of column(dimension)) cells[Math.floor(x * points)]++;
      expect(Math.min(...cells), `dimension ${dimension}`).toBe(1);
      expect(Math.max(...cells)).toBe(1);
    }
  });

  it('passes a chi-square uniformity test on 2-D projections (8 × 8 cells, 4,096 points, 1% level)', () => {
    // Under uniformity the statistic is at most chi-square(63); a net is far more even than that, so this mainly catches a broken scramble.
    const critical = jStat.chisquare.inv(0.99, 63);
    for (const [a, b] of [
      [0, 1],
      [2, 3],
      [10, 40],
      [62, 63],
    ]) {
      const x = column(a);
      const y = column(b);
      const cells = new Int32Array(64);
      for (let n = 0; n < points; n++) cells[Math.floor(x[n] * 8) * 8 + Math.floor(y[n] * 8)]++;
      const expected = points / 64;
      const statistic = cells.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
      expect(statistic, `dimensions ${a}, ${b}`).toBeLessThan(critical);
    }
  });

  it('moves every point: scrambled values are uniform draws, not the published ones, and depend on the seed', () => {
    const other = SobolSequence.scrambled(64, createRng(2027, 0xffff_ffff));
    expect(scrambled.point(0, 0)).not.toBe(0);
    expect(scrambled.point(5, 100)).not.toBe(other.point(5, 100));
    // Mean of 4,096 points of one dimension: within a cell width of ½, as a net guarantees.
    const mean = column(9).reduce((a, b) => a + b) / points;
    expect(Math.abs(mean - 0.5)).toBeLessThan(1 / points);
  });

  it(`refuses more than ${MAX_SOBOL_DIMENSIONS} dimensions`, () => {
    expect(() => SobolSequence.plain(MAX_SOBOL_DIMENSIONS + 1)).toThrow(RangeError);
  });
});
