import { describe, expect, it } from 'vitest';
import { DistributionSchema } from '../../models/distributions/index.js';
import { switchFormForRate } from '../../web/src/components/uncertain-value.js';

describe('a rate switched to a 90% interval on the page', () => {
  it('is fitted as a beta, which the service accepts for a rate (a normal interval it refuses)', () => {
    const interval = switchFormForRate({ type: 'pert', min: 0.02, mode: 0.05, max: 0.1 }, 'interval90') as Record<string, unknown>;
    expect(interval.shape).toBe('beta');
    // 20% either side of the centre 0.05: [0.04, 0.06], inside (0, 1).
    expect(interval.low).toBeCloseTo(0.04, 15);
    expect(interval.high).toBeCloseTo(0.06, 15);
    expect(DistributionSchema.safeParse(interval).success).toBe(true);
  });

  it('leaves the other forms as switchForm makes them', () => {
    expect(switchFormForRate(0.05, 'pert')).toMatchObject({ type: 'pert', mode: 0.05 });
    expect(switchFormForRate(0.05, 'pert')).not.toHaveProperty('shape');
    expect(switchFormForRate({ type: 'interval90', low: 0.04, high: 0.06, shape: 'beta' }, 'fixed')).toBe(0.05);
  });
});
