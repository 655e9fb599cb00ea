import { simpleContract } from '../contract/contract-fixtures.js';
import { loanPortfolio } from '../portfolio/portfolio-fixtures.js';

/** Small objects of each kind to save, and a contract with two uncertain inputs to run. */

export function uncertainContract(name = 'Pilot Werkfit') {
  const contract = simpleContract({ name, horizonMonths: 12, programmeMonths: 12, intake: { cohorts: [{ month: 0, count: 20 }] } });
  contract.profiles[0].programme.monthlyJobEntryRate = { type: 'uniform', min: 0.05, max: 0.15 };
  contract.profiles[0].monthlyBenefit = { type: 'uniform', min: 950, max: 1_050 };
  return contract;
}

export function fundPortfolio(name = 'Wijkfonds') {
  return { ...loanPortfolio({ count: 3, failureRate: 0.1, correlation: 0.2, horizonYears: 3 }), name };
}

export function pilotScenario(name = 'Pilot, 2,000 draws') {
  return { name, model: { kind: 'contract' as const, contract: uncertainContract() }, settings: { seed: 7, iterations: 2_000 } };
}

/** One body per saved kind, with the collection's path. */
export const SAVED_KINDS = [
  { kind: 'contract', path: '/contracts', body: (name?: string) => uncertainContract(name) },
  { kind: 'portfolio', path: '/portfolios', body: (name?: string) => fundPortfolio(name) },
  { kind: 'scenario', path: '/scenarios', body: (name?: string) => pilotScenario(name) },
] as const;
