import type { PartyKey, Texts } from '../texts/index.js';

/**
 * Which party a contract series belongs to, the unit of the monthly series, and an output's
 * label in the request's language (other models' outputs keep their own description).
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

export function outputLabel(name: string, texts: Texts, fallback?: string): string {
  return texts.outputs[name] ?? fallback ?? name;
}

export function unitLabel(unit: string, texts: Texts): string {
  return texts.units[unit] ?? unit;
}
