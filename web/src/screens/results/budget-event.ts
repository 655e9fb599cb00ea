/**
 * The event "the payments of some calendar year reach the yearly budget", added to the
 * simulation when the user gives a budget (by default the contract's yearly cap). With a cap
 * equal to the budget the payments can never exceed it: the cap holds them at the budget and
 * the rest lapses (or moves to the next year), so the event counts reaching the budget, with
 * half a cent of slack for the rounding in the capped sums.
 */

export const BUDGET_EVENT_NAME = 'pageBudgetReached';

export function budgetEvent(budget: number): { name: string; expression: string } {
  return { name: BUDGET_EVENT_NAME, expression: `peakAnnualPayment >= ${budget - 0.005}` };
}

/** The contract's yearly cap when it is a plain number (a budget line); null otherwise. */
export function yearlyCapOf(contract: { payment?: { caps?: { perYear?: unknown } } } | null): number | null {
  const cap = contract?.payment?.caps?.perYear;
  return typeof cap === 'number' && Number.isFinite(cap) ? cap : null;
}
