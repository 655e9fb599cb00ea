import { describe, expect, it } from 'vitest';
import { layerOutputPrefix, LAYER_METRICS } from '../../models/portfolio/portfolio-outputs.js';
import { layerNames, layerOutputName, strategyFigures, type ComparisonResult } from '../../web/src/screens/fund/fund-figures.js';

/**
 * The fund screen reads each layer's figures by output name (web/src/screens/fund/fund-figures.ts).
 * The names must be the model's own (models/portfolio/portfolio-outputs.ts), or a layer would show
 * nothing or another layer's numbers; layers are named by provider, with the kind added only where
 * one provider has several layers.
 */
describe('fund figures', () => {
  it('reads the output names the portfolio model writes for every layer metric', () => {
    for (const id of ['senior', 'eersteVerlies', 'gemeente', 'a1'])
      for (const [metric] of LAYER_METRICS) expect(layerOutputName(id, metric)).toBe(`${layerOutputPrefix(id)}${metric}`);
  });

  it('names layers by provider, adding the kind only when a provider has several', () => {
    const names = layerNames(
      [
        { id: 'schenking', provider: 'Zes vermogensfondsen', kind: 'grant' },
        { id: 'junior', provider: 'Zes vermogensfondsen', kind: 'junior' },
        { id: 'gemeente', provider: 'Gemeente Rotterdam', kind: 'senior' },
      ],
      (kind) => ({ grant: 'schenking', junior: 'junior', senior: 'senior' })[kind] ?? kind,
    );
    expect([...names.values()]).toEqual(['Zes vermogensfondsen (schenking)', 'Zes vermogensfondsen (junior)', 'Gemeente Rotterdam']);
  });

  it('takes the chance of loss as the mean of LossOccurred and the loss distribution from the Loss histogram', () => {
    // A hand-made result of 4 runs: the layer lost money in 1 of them (mean 0.25), 200 lost then.
    const summary = (name: string, mean: number, histogram: { edges: number[]; counts: number[] } | null = null) => ({
      name,
      unit: '',
      description: '',
      count: 4,
      nanCount: 0,
      mean,
      sd: null,
      standardError: null,
      min: null,
      max: null,
      percentiles: { p1: null, p5: null, p10: 0, p25: null, p50: 0, p75: null, p90: 140, p95: null, p99: null },
      histogram,
    });
    const result = {
      variants: [
        {
          name: 'Fonds',
          result: {
            iterations: 4,
            seed: 1,
            outputs: [
              summary('layerSeniorLossOccurred', 0.25),
              summary('layerSeniorLoss', 50, { edges: [0, 100, 200], counts: [3, 1] }),
              summary('layerSeniorMultiple', 0.95),
              summary('workerYears', 12),
            ],
          },
        },
      ],
      differences: [],
    } as unknown as ComparisonResult;
    const portfolio = { name: 'Fonds', fund: { layers: [{ id: 'senior', provider: 'Bank', kind: 'senior', amount: 1 }] }, enterprises: [] };
    const [figures] = strategyFigures(result, new Map([['Fonds', portfolio as never]]), (k) => k);
    expect(figures.layers).toHaveLength(1);
    expect(figures.layers[0]).toMatchObject({ id: 'senior', name: 'Bank', lossChance: 0.25, multiple: { mean: 0.95 }, loss: { mean: 50, p90: 140 } });
    expect(figures.layers[0].lossHistogram).toEqual([
      { from: 0, to: 100, count: 3 },
      { from: 100, to: 200, count: 1 },
    ]);
    expect(figures.workerYears.mean).toBe(12);
    // An output the result lacks is shown as missing, not as 0.
    expect(figures.sustainedPlacements.mean).toBeNull();
  });
});
