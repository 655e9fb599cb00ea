import type { Texts } from '../texts/index.js';

/**
 * A capital layer as people name it: who provides it ("Gemeente Rotterdam"), not the id the
 * model uses in output names ('gemeente'). Two layers of one provider are told apart by their
 * kind ("Gemeente (senior)"), and two of one provider and kind by their id as a last resort.
 */

export interface NamedLayer {
  id: string;
  provider?: string;
  kind?: string;
}

export function layerName(layer: NamedLayer, layers: readonly NamedLayer[], texts: Texts): string {
  if (layer.provider === undefined) return layer.id;
  const sameProvider = layers.filter((other) => other.provider === layer.provider);
  if (sameProvider.length <= 1) return layer.provider;
  const kind = layer.kind === undefined ? undefined : (texts.fund.layerKinds as Record<string, string>)[layer.kind];
  const sameKind = sameProvider.filter((other) => other.kind === layer.kind);
  if (kind !== undefined && sameKind.length <= 1) return `${layer.provider} (${kind})`;
  return `${layer.provider} (${layer.id})`;
}

/** Every layer's name by id. */
export function layerNames(layers: readonly NamedLayer[], texts: Texts): Map<string, string> {
  return new Map(layers.map((layer) => [layer.id, layerName(layer, layers, texts)]));
}

/**
 * The layers of a Monte Carlo result, read from its outputs' descriptions. A simulation result
 * carries no model, but the portfolio model describes each per-layer output as
 * "... layer '<id>' (<provider>)." (models/portfolio/portfolio-outputs.ts, portfolioScalarInfo);
 * tests/outputs/fund-labels.test.ts pins that the two stay in step.
 */
const LAYER_DESCRIPTION = /layer '([A-Za-z0-9]+)' \((.*)\)\.$/;

export function layersFromDescriptions(outputs: ReadonlyArray<{ name: string; description: string }>): NamedLayer[] {
  const layers = new Map<string, NamedLayer>();
  for (const output of outputs) {
    const match = LAYER_DESCRIPTION.exec(output.description);
    if (match !== null && !layers.has(match[1])) layers.set(match[1], { id: match[1], provider: match[2] });
  }
  return [...layers.values()];
}
