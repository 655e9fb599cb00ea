import jStat from 'jstat';
import { describe, expect, it } from 'vitest';
import { compileTriangular } from '../../models/distributions/index.js';
import {
  REFERENCE_PROBABILITIES,
  expectCdfToInvertQuantile,
  expectRelativelyClose,
  expectSampleMomentsToMatch,
} from './checks.js';

describe('triangular distribution', () => {
  const shapes = [
    { name: 'skewed', min: 0, mode: 3, max: 10 },
    { name: 'mode at min', min: 2, mode: 2, max: 5 },
    { name: 'mode at max', min: -4, mode: 6, max: 6 },
  ];

  describe.each(shapes)('$name ($min, $mode, $max)', ({ min, mode, max }) => {
    const triangular = compileTriangular({ type: 'triangular', min, mode, max });

    it.each(REFERENCE_PROBABILITIES)('quantile(%s) matches jStat to 1e-14', (p) => {
      // jStat's argument order is (p, min, max, mode).
      expectRelativelyClose(triangular.quantile(p), jStat.triangular.inv(p, min, max, mode), 1e-14);
    });

    it('has mean (a + b + c)/3 and variance (a² + b² + c² − ab − ac − bc)/18', () => {
      expectRelativelyClose(triangular.mean, (min + mode + max) / 3, 1e-15);
      const variance = (min ** 2 + mode ** 2 + max ** 2 - min * mode - min * max - mode * max) / 18;
      expectRelativelyClose(triangular.variance, variance, 1e-15);
    });

    it('returns min and max exactly at u = 0 and u = 1', () => {
      expect(triangular.quantile(0)).toBe(min);
      expect(triangular.quantile(1)).toBe(max);
    });

    it('cdf inverts the quantile', () => {
      expectCdfToInvertQuantile(triangular, 1e-15);
    });

    it('sample moments of 200,000 draws lie within 5 standard errors', () => {
      expectSampleMomentsToMatch(triangular, 3);
    });
  });
});
