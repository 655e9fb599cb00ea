import { describe, expect, it } from 'vitest';
import { compileDistribution } from '../../models/distributions/index.js';
import { SpiderSettingsSchema, spider, TornadoSettingsSchema, tornado } from '../../models/sensitivity/index.js';
import { functionModel, linearModel, normal, uniform } from './test-models.js';

/** z of the normal P90; scipy.stats.norm.ppf(0.9) = 1.2815515655446004. */
const NORMAL_P90_Z = 1.2815515655446004;

// y = 2·x1 − 1·x2 + 0.5·x3 + 4·fixedCost, with x1 ~ N(10, 2), x2 ~ U(0, 4), x3 ~ N(0, 3) and a plain number.
const coefficients = [2, -1, 0.5, 4];
const linear = () =>
  linearModel(coefficients, [
    { path: 'x1', distribution: normal(10, 2) },
    { path: 'x2', distribution: uniform(0, 4) },
    { path: 'x3', distribution: normal(0, 3) },
    { path: 'fixedCost', distribution: null, base: 7 },
  ]);

describe('tornado', () => {
  it('gives swings of exactly |b_i|·(P90_i − P10_i) for a linear model, widest first', () => {
    const model = linear();
    const result = tornado(model, TornadoSettingsSchema.parse({ method: 'tornado', output: 'y' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { bars } = result.value;
    expect(bars.map((bar) => bar.path)).toEqual(['x1', 'x3', 'x2']);

    // Exactly the linear formula, with the same quantile function the method uses.
    const inputs = [normal(10, 2), uniform(0, 4), normal(0, 3)].map(compileDistribution);
    const exactSwing = (i: number) => Math.abs(coefficients[i]) * (inputs[i].quantile(0.9) - inputs[i].quantile(0.1));
    expect(bars[0].swing).toBeCloseTo(exactSwing(0), 12);
    expect(bars[1].swing).toBeCloseTo(exactSwing(2), 12);
    expect(bars[2].swing).toBeCloseTo(exactSwing(1), 12);
    // And against textbook values: normal P90 − P10 = 2·1.28155·sd; uniform P90 − P10 = 0.8·width.
    expect(bars[0].swing!).toBeCloseTo(2 * 2 * NORMAL_P90_Z * 2, 6);
    expect(bars[1].swing!).toBeCloseTo(0.5 * 2 * NORMAL_P90_Z * 3, 6);
    expect(bars[2].swing!).toBeCloseTo(1 * 0.8 * 4, 9);
    // x2 has a negative coefficient: its high value gives the low output.
    expect(bars[2].outputAtHigh!).toBeLessThan(bars[2].outputAtLow!);
    // Base: 2·10 − 1·2 + 0.5·0 + 4·7 = 46.
    expect(result.value.baseOutput).toBeCloseTo(46, 12);
  });

  it('skips plain numbers unless a range is given for them', () => {
    const model = linear();
    const without = tornado(model, TornadoSettingsSchema.parse({ method: 'tornado', output: 'y' }));
    expect(without.ok && without.value.skippedInputs).toEqual(['fixedCost']);

    const withRange = tornado(
      model,
      TornadoSettingsSchema.parse({ method: 'tornado', output: 'y', ranges: [{ path: 'fixedCost', low: 5, high: 9 }] }),
    );
    expect(withRange.ok).toBe(true);
    if (!withRange.ok) return;
    // 4 · (9 − 5) = 16: the widest bar now.
    expect(withRange.value.bars[0]).toMatchObject({ path: 'fixedCost', low: 5, high: 9, swing: 16, rangeFrom: 'given' });
    expect(withRange.value.skippedInputs).toEqual([]);
  });

  it('costs 1 + 2·inputs runs in one workspace', () => {
    const model = linear();
    const result = tornado(model, TornadoSettingsSchema.parse({ method: 'tornado', output: 'y' }));
    expect(result.ok && result.value.modelRuns).toBe(7);
    expect(model.evaluations).toBe(7);
    expect(model.workspacesCreated).toBe(1);
  });

  it('turns an output the model cannot compute into null and sorts it last', () => {
    const model = functionModel(
      [
        { path: 'a', distribution: uniform(0, 1) },
        { path: 'b', distribution: uniform(0, 1) },
      ],
      ['ratio'],
      (x, y) => {
        y[0] = x[0] > 0.85 ? NaN : x[0] + 0.1 * x[1];
      },
    );
    const result = tornado(model, TornadoSettingsSchema.parse({ method: 'tornado', output: 'ratio' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.bars.map((bar) => [bar.path, bar.swing])).toEqual([
      ['b', expect.closeTo(0.08, 12)],
      ['a', null],
    ]);
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
  });

  it('names the output that does not exist', () => {
    const result = tornado(linear(), TornadoSettingsSchema.parse({ method: 'tornado', output: 'profit' }));
    expect(result).toEqual({
      ok: false,
      error: { kind: 'invalid-input', problems: [{ path: ['output'], message: "unknown output 'profit'; this model has: y" }] },
    });
  });

  it('rejects a low quantile above the high one at the boundary', () => {
    const parsed = TornadoSettingsSchema.safeParse({ method: 'tornado', output: 'y', lowQuantile: 0.9, highQuantile: 0.1 });
    expect(parsed.success).toBe(false);
  });
});

describe('spider', () => {
  it('draws a straight line of slope b_i through the quantiles of each input', () => {
    const model = linear();
    const result = spider(model, SpiderSettingsSchema.parse({ method: 'spider', output: 'y', steps: 5 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const line = result.value.lines.find((candidate) => candidate.path === 'x2')!;
    // Quantiles 0.1, 0.3, 0.5, 0.7, 0.9 of U(0, 4) are 0.4, 1.2, 2, 2.8, 3.6.
    expect(line.points.map((point) => point.quantile)).toEqual([0.1, 0.30000000000000004, 0.5, 0.7, 0.9].map((q) => expect.closeTo(q, 12)));
    expect(line.points.map((point) => point.value)).toEqual([0.4, 1.2, 2, 2.8, 3.6].map((v) => expect.closeTo(v, 12)));
    // y = 46 − (x2 − 2) at the base of the others.
    expect(line.points.map((point) => point.output)).toEqual([47.6, 46.8, 46, 45.2, 44.4].map((v) => expect.closeTo(v, 12)));
    expect(line.outputRange).toBeCloseTo(3.2, 12);
    expect(result.value.lines.map((candidate) => candidate.path)).toEqual(['x1', 'x3', 'x2']);
    expect(result.value.modelRuns).toBe(1 + 3 * 5);
  });

  it('uses given values, with a null quantile, for a plain number', () => {
    const result = spider(
      linear(),
      SpiderSettingsSchema.parse({ method: 'spider', output: 'y', values: [{ path: 'fixedCost', values: [6, 7, 8] }], inputs: ['fixedCost'] }),
    );
    expect(result.ok && result.value.lines).toEqual([
      {
        path: 'fixedCost',
        points: [
          { quantile: null, value: 6, output: expect.closeTo(42, 12) },
          { quantile: null, value: 7, output: expect.closeTo(46, 12) },
          { quantile: null, value: 8, output: expect.closeTo(50, 12) },
        ],
        outputRange: expect.closeTo(8, 12),
      },
    ]);
  });
});
