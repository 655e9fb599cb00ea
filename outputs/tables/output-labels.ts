import { LAYER_METRICS } from '../../models/portfolio/index.js';
import type { PartyKey, Texts } from '../texts/index.js';
import { layerName, type NamedLayer } from './layer-names.js';

/**
 * Which party a contract series belongs to, the unit of the monthly series, and an output's
 * label in the request's language: contract outputs, the fund (portfolio) model's outputs and its
 * per-layer outputs all have one; only other models' outputs keep their own description.
 */

const PARTY_OF_SERIES: Record<string, PartyKey> = {
  yearlyOutcomePayments: 'payer',
  yearlyAvoidedCostsAttributable: 'payer',
  yearlyLksAttributable: 'payer',
  yearlyPayerNet: 'payer',
  yearlyProviderCosts: 'provider',
  yearlyProviderNetCash: 'provider',
  yearlyInvestorNetFlow: 'investor',
  yearlyPlacements: 'counts',
  intake: 'counts',
  onBenefit: 'counts',
  placements: 'counts',
  inWorkFullTime: 'counts',
  inWorkPartTime: 'counts',
  fallbacks: 'counts',
  counterfactualPlacements: 'counts',
  counterfactualInWork: 'counts',
  benefitPaid: 'payer',
  benefitPaidCounterfactual: 'payer',
  avoidedCostsGross: 'payer',
  avoidedCostsAttributable: 'payer',
  lks: 'payer',
  lksAttributable: 'payer',
  outcomePayments: 'payer',
  paidToProvider: 'payer',
  paidToInvestorWaterfall: 'payer',
  payerOwnCosts: 'payer',
  payerNet: 'payer',
  providerCosts: 'provider',
  providerResidualFromWaterfall: 'provider',
  providerNetCash: 'provider',
  investorDraws: 'investor',
  investorDistributions: 'investor',
  guaranteePaid: 'investor',
  investorNetFlow: 'investor',
};

/** Monthly series of the contract evaluation that count people; the others are euros. */
const MONTHLY_COUNT_SERIES = new Set([
  'intake',
  'onBenefit',
  'placements',
  'inWorkFullTime',
  'inWorkPartTime',
  'fallbacks',
  'counterfactualPlacements',
  'counterfactualInWork',
]);

/** The net cash flow series per party, in the order the fan chart and the report show them. */
export const PARTY_NET_SERIES: ReadonlyArray<{ party: PartyKey; series: string }> = [
  { party: 'payer', series: 'yearlyPayerNet' },
  { party: 'provider', series: 'yearlyProviderNetCash' },
  { party: 'investor', series: 'yearlyInvestorNetFlow' },
];

export function partyOfSeries(name: string): PartyKey {
  return PARTY_OF_SERIES[name] ?? 'other';
}

export function monthlySeriesUnit(name: string): string {
  return MONTHLY_COUNT_SERIES.has(name) ? 'count' : 'EUR';
}

type LayerOutputMetric = keyof Texts['fund']['layerOutputs'];
const LAYER_OUTPUT_METRICS: readonly LayerOutputMetric[] = [...LAYER_METRICS.map(([metric]) => metric), 'NetFlow'];
/** `layerSeniorLossOccurred` -> id `senior`, metric `LossOccurred` (see layerOutputPrefix in models/portfolio). */
const LAYER_OUTPUT_NAME = new RegExp(`^layer([A-Z][A-Za-z0-9]*?)(${LAYER_OUTPUT_METRICS.join('|')})$`);

/** The layer id and metric of a per-layer portfolio output name, or null for any other name. */
export function parseLayerOutputName(name: string): { layerId: string; metric: LayerOutputMetric } | null {
  const match = LAYER_OUTPUT_NAME.exec(name);
  if (match === null) return null;
  return { layerId: match[1].charAt(0).toLowerCase() + match[1].slice(1), metric: match[2] as LayerOutputMetric };
}

/** A fund's capital layer as output labels name it: its id, and who provides it when known (see layer-names.ts). */
export type LayerNaming = NamedLayer;

/** "Verlies van laag 'Gemeente Rotterdam'": the layer by its provider's name, by its id only when the provider is not known. */
function layerOutputLabel(name: string, texts: Texts, layers: readonly LayerNaming[]): string | undefined {
  const parsed = parseLayerOutputName(name);
  if (parsed === null) return undefined;
  const layer = layers.find((l) => l.id === parsed.layerId);
  return texts.fund.layerOutputs[parsed.metric](`'${layer === undefined ? parsed.layerId : layerName(layer, layers, texts)}'`);
}

function fundOutputLabel(name: string, texts: Texts): string | undefined {
  return Object.hasOwn(texts.fund.outputs, name) ? texts.fund.outputs[name as keyof Texts['fund']['outputs']] : undefined;
}

/**
 * The label of an output of a result whose model is not known (simulations, sensitivity): a
 * contract label first, then a fund label (per-layer outputs named after `layers`, when known),
 * then the given fallback (the model's description).
 */
export function outputLabel(name: string, texts: Texts, fallback?: string, layers: readonly LayerNaming[] = []): string {
  return (Object.hasOwn(texts.outputs, name) ? texts.outputs[name] : undefined) ?? fundOutputLabel(name, texts) ?? layerOutputLabel(name, texts, layers) ?? fallback ?? name;
}

/**
 * The label of an output of a fund (portfolio) result. Names a fund shares with a contract
 * (outcomePayments, avoidedCostsAttributable, ...) take the fund's label; `layers` gives each
 * layer's provider, which names it.
 */
export function portfolioOutputLabel(name: string, texts: Texts, layers: readonly LayerNaming[] = []): string {
  return fundOutputLabel(name, texts) ?? layerOutputLabel(name, texts, layers) ?? outputLabel(name, texts);
}

export function layerKindLabel(kind: string, texts: Texts): string {
  return Object.hasOwn(texts.fund.layerKinds, kind) ? texts.fund.layerKinds[kind as keyof Texts['fund']['layerKinds']] : kind;
}

export function unitLabel(unit: string, texts: Texts): string {
  return texts.units[unit] ?? unit;
}
