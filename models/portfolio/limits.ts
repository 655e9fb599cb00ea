/**
 * Documented limits of one portfolio scenario. They bound the work of one evaluation
 * (enterprises x years, plus one IRR per capital layer) so that a request cannot hang the service.
 */
export const PORTFOLIO_LIMITS = {
  /** Years from the fund's start to the end of the horizon. */
  maxHorizonYears: 30,
  /** Enterprises after expanding every archetype by its count. */
  maxEnterprises: 500,
  /** Entries of `enterprises` (single enterprises and archetypes). */
  maxArchetypes: 50,
  maxLayers: 10,
  /** Strategies compared side by side on common random numbers (the Monte Carlo engine's variant limit). */
  maxStrategies: 10,
  /** Loan terms and equity holding periods, in years. */
  maxInstrumentYears: 30,
} as const;
