import { describe, expect, it } from 'vitest';
import { BreakEvenSettingsSchema, breakEven, TwoWaySettingsSchema, twoWay } from '../../models/sensitivity/index.js';
import { functionModel, uniform } from './test-models.js';

// y = 3x − 6 reaches 0 at x = 2 (by hand); z = (x − 3)(x − 7) crosses 0 twice, at 3 and 7.
const lineModel = () =>
  functionModel(
    [
      { path: 'x', distribution: uniform(0, 10) },
      { path: 'price', distribution: null, base: 100 },
    ],
    ['y', 'z'],
    (x, out) => {
      out[0] = 3 * x[0] - 6;
      out[1] = (x[0] - 3) * (x[0] - 7);
    },
  );

describe('break-even', () => {
  it('finds x = 2 for y = 3x − 6 within the default tolerance', () => {
    const result = breakEven(lineModel(), BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'y', input: 'x' }));
    expect(result.ok).toBe(true);
    if (!result.ok || !result.value.found) throw new Error('expected a break-even value');
    // Default tolerance is 1e-10 of the P1..P99 range (0.1..9.9), so about 1e-9.
    expect(Math.abs(result.value.value - 2)).toBeLessThan(1e-9);
    expect(Math.abs(result.value.outputAtValue)).toBeLessThan(1e-8);
    expect(result.value.searchRange).toEqual({ low: expect.closeTo(0.1, 12), high: expect.closeTo(9.9, 12), from: 'quantiles' });
    expect(result.value.signChangesInGrid).toBe(1);
    // 21 grid points, then Brent inside one grid cell of width 0.49.
    expect(result.value.bracket.high - result.value.bracket.low).toBeCloseTo(0.49, 12);
    expect(result.value.modelRuns).toBeLessThanOrEqual(21 + 100 + 2 + 1);
  });

  it('reaches another target: y = 12 at x = 6', () => {
    const result = breakEven(lineModel(), BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'y', input: 'x', target: 12 }));
    expect(result.ok && result.value.found && result.value.value).toBeCloseTo(6, 9);
  });

  it('answers found: false with the outputs at both ends when the target is out of reach', () => {
    const result = breakEven(lineModel(), BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'y', input: 'x', target: 100 }));
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.found) throw new Error('expected found: false');
    // 3·0.1 − 6 = −5.7 and 3·9.9 − 6 = 23.7: the target 100 lies above both.
    expect(result.value.outputAtLow).toBeCloseTo(-5.7, 12);
    expect(result.value.outputAtHigh).toBeCloseTo(23.7, 12);
    expect(result.value.largestOutputInGrid).toBeCloseTo(23.7, 12);
    expect(result.value.modelRuns).toBe(21);
  });

  it('returns the lowest of several crossings and counts them', () => {
    const result = breakEven(lineModel(), BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'z', input: 'x' }));
    expect(result.ok && result.value.found).toBe(true);
    if (!result.ok || !result.value.found) return;
    expect(result.value.value).toBeCloseTo(3, 9);
    expect(result.value.signChangesInGrid).toBe(2);
  });

  it('searches a given range, also for a plain number', () => {
    const model = functionModel([{ path: 'price', distribution: null, base: 100 }], ['margin'], (x, out) => {
      out[0] = x[0] * 0.8 - 60; // break-even price 75
    });
    const result = breakEven(
      model,
      BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'margin', input: 'price', low: 0, high: 200 }),
    );
    expect(result.ok && result.value.found && result.value.value).toBeCloseTo(75, 7);
  });

  it('moves the inputs named in together in proportion: the common factor of two prices', () => {
    // Two prices 100 and 300 paid on 2 and 1 results, against savings of 1,000: the margin is
    // 1,000 − 2·p1 − p2. With p2 = 3·p1 it is 1,000 − 5·p1, zero at p1 = 200 (factor 2, p2 = 600), by hand.
    const model = functionModel(
      [
        { path: 'p1', distribution: null, base: 100 },
        { path: 'p2', distribution: null, base: 300 },
      ],
      ['margin'],
      (x, out) => {
        out[0] = 1_000 - 2 * x[0] - x[1];
      },
    );
    const settings = { method: 'break-even', output: 'margin', input: 'p1', low: 0, high: 400 };
    const together = breakEven(model, BreakEvenSettingsSchema.parse({ ...settings, together: ['p2'] }));
    expect(together.ok && together.value.found && together.value.value).toBeCloseTo(200, 7);
    // Alone, p2 stays at 300: 1,000 − 2·p1 − 300 is zero at p1 = 350.
    const alone = breakEven(model, BreakEvenSettingsSchema.parse(settings));
    expect(alone.ok && alone.value.found && alone.value.value).toBeCloseTo(350, 7);
  });

  it('refuses to move inputs together with an input whose base is 0', () => {
    const model = functionModel(
      [
        { path: 'p1', distribution: null, base: 0 },
        { path: 'p2', distribution: null, base: 300 },
      ],
      ['margin'],
      (x, out) => {
        out[0] = 1_000 - 2 * x[0] - x[1];
      },
    );
    const result = breakEven(model, BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'margin', input: 'p1', low: 0, high: 400, together: ['p2'] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'invalid-input', problems: [{ path: ['input'] }] });
  });

  it('asks for a range when the input is a plain number', () => {
    const result = breakEven(lineModel(), BreakEvenSettingsSchema.parse({ method: 'break-even', output: 'y', input: 'price' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('invalid-input');
  });

  it('rejects low without high at the boundary', () => {
    expect(BreakEvenSettingsSchema.safeParse({ method: 'break-even', output: 'y', input: 'x', low: 1 }).success).toBe(false);
  });
});

describe('two-way', () => {
  it('fills a grid row by y, column by x', () => {
    const model = functionModel(
      [
        { path: 'participants', distribution: uniform(10, 30) },
        { path: 'pricePerResult', distribution: null, base: 1000 },
      ],
      ['payment'],
      (x, out) => {
        out[0] = x[0] * x[1];
      },
    );
    const result = twoWay(
      model,
      TwoWaySettingsSchema.parse({
        method: 'two-way',
        output: 'payment',
        x: { path: 'participants', steps: 3 },
        y: { path: 'pricePerResult', low: 500, high: 1500, steps: 2 },
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // P10 and P90 of U(10, 30) are 12 and 28.
    expect(result.value.x.values).toEqual([12, 20, 28].map((v) => expect.closeTo(v, 12)));
    expect(result.value.y.values).toEqual([500, 1500]);
    expect(result.value.outputs).toEqual([
      [6000, 10000, 14000].map((v) => expect.closeTo(v, 9)),
      [18000, 30000, 42000].map((v) => expect.closeTo(v, 9)),
    ]);
    expect(result.value.baseOutput).toBeCloseTo(20000, 9);
    expect(result.value.modelRuns).toBe(7);
  });
});
