/**
 * Documented limits of one contract. They bound the work of one evaluation
 * (horizon x tenure states x profiles) so that a request cannot hang the service.
 */
export const CONTRACT_LIMITS = {
  maxHorizonMonths: 240,
  maxProfiles: 20,
  maxCohorts: 240,
  /** Expected participants over all cohorts. */
  maxParticipants: 100_000,
  maxTriggers: 20,
  maxHazardBands: 24,
  maxCustomExpressionLength: 2_000,
} as const;
