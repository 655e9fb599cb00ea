import { describe, expect, it } from 'vitest';
import { compileFixed } from '../../models/distributions/index.js';

describe('fixed value', () => {
  const fixed = compileFixed({ type: 'fixed', value: 12.5 });

  it('is its value at every probability', () => {
    for (const u of [0, 0.3, 1]) expect(fixed.quantile(u)).toBe(12.5);
  });

  it('has the value as mean and no variance', () => {
    expect(fixed.mean).toBe(12.5);
    expect(fixed.variance).toBe(0);
  });

  it('cdf steps from 0 to 1 at the value', () => {
    expect(fixed.cdf(12.4)).toBe(0);
    expect(fixed.cdf(12.5)).toBe(1);
  });
});
