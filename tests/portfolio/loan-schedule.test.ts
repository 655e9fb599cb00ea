import { describe, expect, it } from 'vitest';
import { loanSchedule } from '../../models/portfolio/index.js';

/**
 * Expected values are the closed forms of the standard annuity formula: an annuity
 * of m payments repaying P at rate r pays A = P r / (1 - (1 + r)^-m), and after j payments the
 * balance is P (1 + r)^j - A ((1 + r)^j - 1) / r. Grace years pay interest P r only.
 */
const P = 250_000;
const r = 0.045;

const annuityPayment = (principal: number, rate: number, payments: number) => (principal * rate) / (1 - Math.pow(1 + rate, -payments));
const balanceAfter = (principal: number, rate: number, payment: number, j: number) =>
  principal * Math.pow(1 + rate, j) - (payment * (Math.pow(1 + rate, j) - 1)) / rate;

describe('loan schedule', () => {
  it('pays the annuity A = P r / (1 - (1 + r)^-n) every year and leaves the closed-form balance', () => {
    const n = 7;
    const s = loanSchedule(P, r, n, 0, 'annuity');
    const A = annuityPayment(P, r, n);
    s.payment.forEach((payment) => expect(payment).toBeCloseTo(A, 8));
    s.outstandingAfter.forEach((balance, j) => expect(balance).toBeCloseTo(balanceAfter(P, r, A, j + 1), 6));
    expect(s.outstandingAfter[n - 1]).toBeCloseTo(0, 8);
    s.interest.forEach((interest, k) => expect(interest).toBeCloseTo(r * s.outstandingBefore[k], 8));
  });

  it('charges interest only during the grace years, then amortises over the remaining term', () => {
    const n = 8;
    const grace = 2;
    const s = loanSchedule(P, r, n, grace, 'annuity');
    for (let k = 0; k < grace; k++) {
      expect(s.payment[k]).toBeCloseTo(P * r, 8);
      expect(s.principal[k]).toBe(0);
    }
    const A = annuityPayment(P, r, n - grace);
    for (let k = grace; k < n; k++) {
      expect(s.payment[k]).toBeCloseTo(A, 8);
      expect(s.outstandingAfter[k]).toBeCloseTo(balanceAfter(P, r, A, k - grace + 1), 6);
    }
  });

  it('repays equal principal parts P / m with interest on the declining balance (linear)', () => {
    const n = 5;
    const grace = 1;
    const m = n - grace;
    const s = loanSchedule(P, r, n, grace, 'linear');
    expect(s.payment[0]).toBeCloseTo(P * r, 8);
    for (let k = grace; k < n; k++) {
      const before = P - ((k - grace) * P) / m;
      expect(s.principal[k]).toBeCloseTo(P / m, 8);
      expect(s.interest[k]).toBeCloseTo(r * before, 8);
    }
  });

  it('pays interest every year and all principal at the end (bullet)', () => {
    const s = loanSchedule(P, r, 4, 0, 'bullet');
    expect(s.interest).toEqual([P * r, P * r, P * r, P * r]);
    expect(s.principal).toEqual([0, 0, 0, P]);
  });

  it('splits the principal evenly at rate zero and always repays exactly the principal', () => {
    const zero = loanSchedule(P, 0, 5, 0, 'annuity');
    zero.payment.forEach((payment) => expect(payment).toBeCloseTo(P / 5, 9));
    for (const kind of ['annuity', 'linear', 'bullet'] as const) {
      const s = loanSchedule(P, r, 6, 2, kind);
      expect(s.principal.reduce((a, b) => a + b, 0)).toBeCloseTo(P, 8);
    }
  });
});
