import type { Schemas } from '../../api/client.js';

/**
 * The figures the fund screen shows, read from POST /portfolios/compare's Monte Carlo comparison
 * (a VariantComparisonResult, one SimulationResult per strategy, on common random numbers). Per
 * capital layer the model reports `layer<Id><Metric>` (models/portfolio/portfolio-outputs.ts:
 * layerOutputPrefix): the chance of loss is the mean of `…LossOccurred` (1 in a run where the
 * layer got back less than it paid in), the loss distribution is the histogram of `…Loss`, the
 * return is `…Multiple` (received / paid in) and `…Irr` (yearly). Nothing is recomputed here: every
 * number is the API's.
 */

type OutputSummary = Schemas['OutputSummary'];
type Portfolio = Schemas['Portfolio'];
export type ComparisonResult = Schemas['VariantComparisonResult'];

export interface Statistic {
  mean: number | null;
  p10: number | null;
  p50: number | null;
  p90: number | null;
  /** Runs without a value (an IRR without a sign change). */
  nanCount: number;
}

export interface LayerFigures {
  id: string;
  /** The provider, with the kind added when one provider has several layers. */
  name: string;
  provider: string;
  kind: string;
  lossChance: number | null;
  multiple: Statistic;
  irr: Statistic;
  loss: Statistic;
  lossHistogram: { from: number; to: number; count: number }[];
}

export interface StrategyFigures {
  name: string;
  iterations: number;
  seed: number;
  layers: LayerFigures[];
  workerYears: Statistic;
  sustainedPlacements: Statistic;
  avoidedCostsPerEuroInvested: Statistic;
  avoidedCostsAttributable: Statistic;
  municipalityNetPosition: Statistic;
  failures: Statistic;
}

/** `layerSeniorLoss` for layer `senior`: as models/portfolio/portfolio-outputs.ts writes it. */
export function layerOutputName(layerId: string, metric: 'PaidIn' | 'Received' | 'Irr' | 'Multiple' | 'Loss' | 'LossOccurred'): string {
  return `layer${layerId.charAt(0).toUpperCase()}${layerId.slice(1)}${metric}`;
}

const EMPTY: Statistic = { mean: null, p10: null, p50: null, p90: null, nanCount: 0 };

export function statisticOf(output: OutputSummary | undefined): Statistic {
  if (output === undefined) return EMPTY;
  return { mean: output.mean, p10: output.percentiles.p10, p50: output.percentiles.p50, p90: output.percentiles.p90, nanCount: output.nanCount };
}

/** Layer names by provider; a provider with several layers gets the kind in brackets. */
export function layerNames(layers: readonly { id: string; provider: string; kind: string }[], kindLabel: (kind: string) => string): Map<string, string> {
  const count = new Map<string, number>();
  for (const l of layers) count.set(l.provider, (count.get(l.provider) ?? 0) + 1);
  return new Map(layers.map((l) => [l.id, (count.get(l.provider) ?? 0) > 1 ? `${l.provider} (${kindLabel(l.kind)})` : l.provider]));
}

/** Each strategy's figures, in the order of the comparison; `portfolios` are the strategies' portfolios by name. */
export function strategyFigures(result: ComparisonResult, portfolios: ReadonlyMap<string, Portfolio>, kindLabel: (kind: string) => string): StrategyFigures[] {
  return result.variants.map((variant) => {
    const outputs = new Map(variant.result.outputs.map((o) => [o.name, o]));
    const get = (name: string) => statisticOf(outputs.get(name));
    const layers = portfolios.get(variant.name)?.fund.layers ?? [];
    const names = layerNames(layers, kindLabel);
    return {
      name: variant.name,
      iterations: variant.result.iterations,
      seed: variant.result.seed,
      layers: layers.map((layer) => {
        const loss = outputs.get(layerOutputName(layer.id, 'Loss'));
        const histogram = loss?.histogram ?? null;
        return {
          id: layer.id,
          name: names.get(layer.id) ?? layer.provider,
          provider: layer.provider,
          kind: layer.kind,
          lossChance: outputs.get(layerOutputName(layer.id, 'LossOccurred'))?.mean ?? null,
          multiple: get(layerOutputName(layer.id, 'Multiple')),
          irr: get(layerOutputName(layer.id, 'Irr')),
          loss: statisticOf(loss),
          lossHistogram: histogram ? histogram.counts.map((count, i) => ({ from: histogram.edges[i], to: histogram.edges[i + 1], count })) : [],
        };
      }),
      workerYears: get('workerYears'),
      sustainedPlacements: get('sustainedPlacements'),
      avoidedCostsPerEuroInvested: get('avoidedCostsPerEuroInvested'),
      avoidedCostsAttributable: get('avoidedCostsAttributable'),
      municipalityNetPosition: get('municipalityNetPosition'),
      failures: get('failures'),
    };
  });
}
