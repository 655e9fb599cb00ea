import type { Messages } from '../../i18n/nl.js';
import type { Portfolio } from '../../state/fund-store.js';

/**
 * A new fund to fill in: one layer, one archetype with a loan, fixed numbers only. Amounts are
 * placeholders the user replaces (the form shows them as fixed, not as estimates); the schema's
 * defaults (leave rate, deadweight, avoided benefit) are left to the API.
 */
export function emptyFund(t: Messages): Portfolio {
  return {
    name: t.fund.newFundName,
    horizonYears: 10,
    fund: {
      investmentPeriodYears: 5,
      revolving: false,
      layers: [{ id: 'laag1', provider: t.fund.newProvider, kind: 'junior', amount: 1_000_000, targetReturn: 0, fromMunicipality: false }],
      costs: { fixedPerYear: 0, perEnterpriseYear: 0, managementFeeRate: 0 },
    },
    enterprises: [
      {
        id: 'onderneming1',
        label: t.fund.newEnterprise,
        count: 5,
        intake: { firstYear: 0, perYear: 2 },
        business: { startupCosts: 100_000, ownCash: 10_000, revenue: 400_000, revenueGrowth: 0, costs: 360_000, costGrowth: 0, resultVolatility: 0.1, otherFailureRate: 0 },
        jobs: { positions: 5, rampUpYears: 0, yearlyLeaveRate: 0.23, sustainedAfterMonths: 12, extraCostPerWorkerYear: 5_000 },
        loan: { amount: 100_000, rate: 0.04, termYears: 5, graceYears: 0, amortisation: 'annuity', recoveryRate: 0 },
      },
    ],
  } as Portfolio;
}
