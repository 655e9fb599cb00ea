import { describe, expect, it } from 'vitest';
import { compileExpressionModel, ExpressionModelSchema } from '../../models/expression-model/index.js';
import { expressionModel } from './fixtures/expression-models.js';

describe('expression model', () => {
  it('evaluates outputs in order, each able to use the inputs and earlier outputs', () => {
    const model = expressionModel({
      inputs: { price: { type: 'uniform', min: 8, max: 12 }, volume: 100 },
      outputs: { revenue: 'price * volume', profit: 'revenue - 800', profitable: 'profit > 0' },
    });
    expect(model.inputs.map((input) => input.path)).toEqual(['inputs.price', 'inputs.volume']);
    // The base of a uniform on [8, 12] is its mean, 10.
    expect(model.inputs.map((input) => input.base)).toEqual([10, 100]);
    expect(model.inputs[1].distribution).toBeNull();
    expect(model.scalarOutputs.map((output) => output.name)).toEqual(['revenue', 'profit', 'profitable']);
    expect(model.seriesOutputs).toEqual([]);

    const scalars = new Float64Array(3);
    model.evaluate(Float64Array.of(7, 100), model.createWorkspace(), null, scalars, new Float64Array(0));
    expect(Array.from(scalars)).toEqual([700, -100, 0]);
  });

  it('refuses an output that uses a later output, and says why', () => {
    const result = compileExpressionModel(ExpressionModelSchema.parse({ inputs: { a: 1 }, outputs: { b: 'c + 1', c: 'a' } }), ['model']);
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid-input') return;
    expect(result.error.problems[0].path).toEqual(['model', 'outputs', 'b']);
    expect(result.error.problems[0].message).toContain("unknown name 'c'");
    expect(result.error.problems[0].message).toContain('an output can only use outputs listed before it');
  });

  it('reports every bad output at once, with its path', () => {
    const result = compileExpressionModel(
      ExpressionModelSchema.parse({ inputs: { a: 1 }, outputs: { x: 'evaluate("1")', y: 'a.constructor', a: '2' } }),
      ['model'],
    );
    expect(result.ok).toBe(false);
    if (result.ok || result.error.kind !== 'invalid-input') return;
    expect(result.error.problems.map((problem) => problem.path)).toEqual([
      ['model', 'outputs', 'a'],
      ['model', 'outputs', 'x'],
      ['model', 'outputs', 'y'],
    ]);
    expect(result.error.problems[0].message).toBe("'a' is already the name of an input");
  });

  it('accepts only identifiers that are not mathjs keywords as names', () => {
    expect(ExpressionModelSchema.safeParse({ inputs: { 'a.b': 1 }, outputs: { y: '1' } }).success).toBe(false);
    expect(ExpressionModelSchema.safeParse({ inputs: { mod: 1 }, outputs: { y: '1' } }).success).toBe(false);
    expect(ExpressionModelSchema.safeParse({ inputs: { '2x': 1 }, outputs: { y: '1' } }).success).toBe(false);
    expect(ExpressionModelSchema.safeParse({ inputs: {}, outputs: {} }).success).toBe(false);
    expect(ExpressionModelSchema.safeParse({ inputs: { _rate2: 1 }, outputs: { y: '_rate2' } }).success).toBe(true);
  });
});
