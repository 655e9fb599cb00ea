import { benchContractWithTenUncertainInputs } from './bench-contract.js';
import { CONTRACT_LIMITS, ContractSchema, type Contract } from '../models/contract/index.js';

/**
 * A contract at every documented limit of models/contract/limits.ts (issue 18 item 3): the bench
 * contract with ten uncertain inputs stretched to a 240-month horizon, 20 profiles, 240 cohorts
 * holding 100,000 participants, 20 payment triggers and 24 fall-back bands. The heaviest contract a
 * caller may send; used by the report load tests and `npm run bench`. `profiles` and `triggers`
 * lower those two counts for a test that must stay short: a report's break-even searches grow
 * with them (one search per price and per profile), its tables and charts with the horizon.
 */
export function contractAtLimits({ profiles: maxProfiles, triggers: maxTriggers }: { profiles: number; triggers: number } = { profiles: CONTRACT_LIMITS.maxProfiles, triggers: CONTRACT_LIMITS.maxTriggers }): Contract {
  const c = structuredClone(benchContractWithTenUncertainInputs());
  const { maxHorizonMonths, maxCohorts, maxParticipants, maxHazardBands } = CONTRACT_LIMITS;
  c.horizonMonths = maxHorizonMonths;
  const perCohort = Math.floor(maxParticipants / maxCohorts);
  const larger = maxParticipants - perCohort * maxCohorts;
  c.intake = { ...c.intake, cohorts: Array.from({ length: maxCohorts }, (_, month) => ({ month, count: month < larger ? perCohort + 1 : perCohort })) };
  const profiles = c.profiles;
  c.profiles = Array.from({ length: maxProfiles }, (_, i) => ({ ...structuredClone(profiles[i % profiles.length]), id: `profiel${i + 1}`, share: 1 / maxProfiles }));
  const bands = c.work.fallbackHazard;
  c.work.fallbackHazard = Array.from({ length: maxHazardBands }, (_, i) => ({ ...structuredClone(bands[i % bands.length]), fromMonthsInWork: i * 6 }));
  const triggers = c.payment.triggers;
  c.payment.triggers = Array.from({ length: maxTriggers }, (_, i) => ({ ...structuredClone(triggers[i % triggers.length]), id: `prikkel${i + 1}` }));
  return ContractSchema.parse(c);
}
