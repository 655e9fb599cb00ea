/**
 * The fund's capital structure: how capital is called from the layers and how money flows back.
 *
 * Calls are pro rata to what each layer has not yet paid in (so pro rata to commitments until
 * one is exhausted). Distributions are fully sequential, most senior first: a layer's balance is
 * its capital outstanding plus its unpaid required return; senior balances are paid in full
 * before a junior layer receives anything, layers of one rank share pro rata to their balances,
 * and whatever is left after every repayable balance goes to the residual layer. Grants are never
 * repaid. Losses therefore fall bottom-up: a shortfall hits the grant first (it is never repaid),
 * then first loss, then junior, and only then senior.
 *
 * All functions work on typed arrays indexed by layer and allocate nothing.
 */

/**
 * Calls `amount` (at most the total uncalled) pro rata to the uncalled commitments; writes each
 * layer's part into `calls` at `calls[l * stride + offset]`, adds it to `balance` and lowers
 * `uncalled`. Returns the amount actually called.
 */
export function callCapital(
  amount: number,
  uncalled: Float64Array,
  balance: Float64Array,
  calls: Float64Array,
  stride: number,
  offset: number,
): number {
  let totalUncalled = 0;
  for (let l = 0; l < uncalled.length; l++) totalUncalled += uncalled[l];
  if (!(amount > 0) || !(totalUncalled > 0)) return 0;
  const called = Math.min(amount, totalUncalled);
  const share = called / totalUncalled;
  for (let l = 0; l < uncalled.length; l++) {
    const part = uncalled[l] * share;
    uncalled[l] -= part;
    balance[l] += part;
    calls[l * stride + offset] += part;
  }
  return called;
}

/**
 * Pays `amount` down the repayable balances, most senior first (`payOrder`, with `groupEnd[k]`
 * the end of position k's rank group, shared pro rata), then the rest to `residualLayer`.
 * Writes what each layer receives into `paid` (zeroed first) and lowers the balances paid.
 */
export function distributeTopDown(
  amount: number,
  balance: Float64Array,
  payOrder: Int32Array,
  groupEnd: Int32Array,
  residualLayer: number,
  paid: Float64Array,
): void {
  paid.fill(0);
  let left = amount > 0 ? amount : 0;
  for (let k = 0; k < payOrder.length && left > 0; ) {
    const end = groupEnd[k];
    let owed = 0;
    for (let m = k; m < end; m++) owed += balance[payOrder[m]];
    if (owed > 0) {
      const payment = Math.min(left, owed);
      const share = payment / owed;
      for (let m = k; m < end; m++) {
        const l = payOrder[m];
        const part = balance[l] * share;
        paid[l] += part;
        balance[l] = payment === owed ? 0 : balance[l] - part;
      }
      left -= payment;
    }
    k = end;
  }
  if (left > 0) paid[residualLayer] += left;
}

/** Accrues one year of required return on every repayable balance. */
export function accrueRequiredReturns(balance: Float64Array, rates: Float64Array, repayable: Uint8Array): void {
  for (let l = 0; l < balance.length; l++) if (repayable[l]) balance[l] *= 1 + rates[l];
}
