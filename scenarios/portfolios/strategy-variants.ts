import type { PortfolioInput } from '../../models/portfolio/index.js';

/**
 * Ways to turn one preset portfolio into an alternative strategy for the same area, so that the
 * presets offer side-by-side comparisons that differ in one decision only.
 */
type EnterpriseInput = PortfolioInput['enterprises'][number];

/** The same portfolio without any outcome contract. */
export function withoutOutcomePayments(portfolio: PortfolioInput, name: string): PortfolioInput {
  return {
    ...portfolio,
    name,
    enterprises: portfolio.enterprises.map(({ outcomeContract: _dropped, ...enterprise }): EnterpriseInput => enterprise),
  };
}

/** The same portfolio in which every loan becomes a grant of the same amount (nothing is repaid); an enterprise with a loan must not also have a grant. */
export function grantsInsteadOfLoans(portfolio: PortfolioInput, name: string): PortfolioInput {
  return {
    ...portfolio,
    name,
    enterprises: portfolio.enterprises.map(({ loan, ...enterprise }): EnterpriseInput => {
      if (!loan) return enterprise;
      if (enterprise.grant) throw new Error(`enterprise '${enterprise.id}' has both a loan and a grant`);
      return { ...enterprise, grant: { amount: loan.amount } };
    }),
  };
}
