/**
 * The repayment schedule of one loan in yearly steps: disbursed at the start of year 0, one
 * payment at the end of each year k = 0 .. termYears - 1. The first `graceYears` payments are
 * interest only; the remaining m = termYears - graceYears payments amortise the principal P:
 *
 * - annuity: equal payments A = P r / (1 - (1 + r)^-m) (A = P / m when r = 0), so the balance
 *   after j amortising payments is P (1 + r)^j - A ((1 + r)^j - 1) / r;
 * - linear: equal principal parts P / m plus interest on the balance;
 * - bullet: interest only, all principal in the last year.
 *
 * Interest in year k is r times the balance at the start of year k. Allocates nothing.
 */
export type Amortisation = 'annuity' | 'linear' | 'bullet';

/**
 * Writes years 0 .. length - 1 of the schedule into the three arrays from `offset` on; years at
 * or after the term are zero.
 *
 * @param interest interest paid at the end of year k
 * @param principal principal repaid at the end of year k
 * @param outstandingBefore balance at the start of year k (what a failure in year k leaves unpaid)
 */
export function fillLoanSchedule(
  amount: number,
  rate: number,
  termYears: number,
  graceYears: number,
  amortisation: Amortisation,
  interest: Float64Array,
  principal: Float64Array,
  outstandingBefore: Float64Array,
  offset: number,
  length: number,
): void {
  const amortisingYears = termYears - graceYears;
  const annuity = rate === 0 ? amount / amortisingYears : (amount * rate) / (1 - Math.pow(1 + rate, -amortisingYears));
  let balance = amount;
  for (let k = 0; k < length; k++) {
    const i = offset + k;
    if (k >= termYears) {
      interest[i] = 0;
      principal[i] = 0;
      outstandingBefore[i] = 0;
      continue;
    }
    const due = balance * rate;
    let repaid: number;
    if (k < graceYears) repaid = 0;
    else if (k === termYears - 1) repaid = balance;
    else if (amortisation === 'annuity') repaid = annuity - due;
    else if (amortisation === 'linear') repaid = amount / amortisingYears;
    else repaid = 0;
    outstandingBefore[i] = balance;
    interest[i] = due;
    principal[i] = repaid;
    balance -= repaid;
  }
}

export interface LoanSchedule {
  interest: number[];
  principal: number[];
  payment: number[];
  outstandingBefore: number[];
  outstandingAfter: number[];
}

/** The whole schedule as plain arrays (for reports and tests; the kernel uses {@link fillLoanSchedule}). */
export function loanSchedule(amount: number, rate: number, termYears: number, graceYears: number, amortisation: Amortisation): LoanSchedule {
  const interest = new Float64Array(termYears);
  const principal = new Float64Array(termYears);
  const outstandingBefore = new Float64Array(termYears);
  fillLoanSchedule(amount, rate, termYears, graceYears, amortisation, interest, principal, outstandingBefore, 0, termYears);
  return {
    interest: Array.from(interest),
    principal: Array.from(principal),
    payment: Array.from(interest, (x, k) => x + principal[k]),
    outstandingBefore: Array.from(outstandingBefore),
    outstandingAfter: Array.from(outstandingBefore, (x, k) => x - principal[k]),
  };
}
