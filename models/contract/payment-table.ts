import { ABSENT, WORK_FULL_TIME, WORK_PART_TIME, type ContractPlan } from './compile-contract.js';
import { EVERY_TENURE, type ContractWorkspace } from './contract-workspace.js';

/**
 * What one participant of profile p and work type is owed at each tenure, per trigger, after the
 * per-participant cap. Because a participant is paid only for the first spell in work, the order
 * in which the per-participant triggers fire is fixed by tenure (job start at 0, sustained-N at N,
 * per-month payments every month), so the cap can be applied exactly to this schedule: at each
 * tenure, triggers in the order of the contract take what is left under the cap.
 * Amounts are in euros of the start year; the kernel indexes them to the month paid.
 *
 * The table depends only on the prices, the cap and the part-time benefit share; when none of
 * them changed since the last call on this workspace (a Monte Carlo run varying other inputs),
 * the table is kept. Returns whether it was rebuilt.
 */
export function fillPaymentTable(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace): boolean {
  const scratch = ws.population;
  const slots = scratch.paymentTableSlots;
  const key = scratch.paymentTableKey;
  let unchanged = true;
  for (let i = 0; i < slots.length; i++) {
    // A NaN key (never filled, or a NaN input) never equals anything, so the table is rebuilt.
    if (key[i] !== params[slots[i]]) {
      unchanged = false;
      key[i] = params[slots[i]];
    }
  }
  if (unchanged) return false;
  scratch.mixedTableShares[0] = Number.NaN;
  scratch.segmentsCurrent = false;

  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const P = plan.profiles.length;
  const table = ws.paymentByTenure;
  const tenureOf = ws.triggerTenure;
  const workTypesOf = scratch.triggerWorkTypes;
  const priceSlot = scratch.triggerPriceSlot;
  const cap = plan.caps.perParticipant === ABSENT ? Infinity : params[plan.caps.perParticipant];
  const partTimeBenefitShare = Math.min(1, Math.max(0, params[plan.partTimeBenefitShare]));

  if (cap === Infinity) {
    // Without a cap each trigger pays its own price at its own tenure(s), whatever the others pay.
    table.fill(0);
    for (let p = 0; p < P; p++) {
      for (let type = 0; type < 4; type++) {
        const isPartTime = (type & 1) === 1;
        const typeFlag = isPartTime ? WORK_PART_TIME : WORK_FULL_TIME;
        const monthsSavedPerMonth = isPartTime ? 1 - partTimeBenefitShare : 1;
        const row = (p * 4 + type) * T * K;
        for (let trigger = 0; trigger < T; trigger++) {
          const slot = priceSlot[trigger * P + p];
          if (slot === ABSENT) continue;
          const tenure = tenureOf[trigger];
          if (tenure >= 0) {
            if (workTypesOf[trigger] & typeFlag) table[row + trigger * K + tenure] = Math.max(0, params[slot]);
          } else if (tenure === EVERY_TENURE) {
            table.fill(Math.max(0, params[slot] * monthsSavedPerMonth), row + trigger * K, row + (trigger + 1) * K);
          }
        }
      }
    }
    return true;
  }

  for (let p = 0; p < P; p++) {
    for (let type = 0; type < 4; type++) {
      const isPartTime = (type & 1) === 1;
      const typeFlag = isPartTime ? WORK_PART_TIME : WORK_FULL_TIME;
      const monthsSavedPerMonth = isPartTime ? 1 - partTimeBenefitShare : 1;
      const row = (p * 4 + type) * T * K;
      let paidSoFar = 0;
      for (let k = 0; k < K; k++) {
        for (let trigger = 0; trigger < T; trigger++) {
          const slot = priceSlot[trigger * P + p];
          const tenure = tenureOf[trigger];
          let owed = 0;
          if (slot !== ABSENT) {
            if (tenure === k) {
              if (workTypesOf[trigger] & typeFlag) owed = params[slot];
            } else if (tenure === EVERY_TENURE) owed = params[slot] * monthsSavedPerMonth;
          }
          const paid = Math.max(0, Math.min(owed, cap - paidSoFar));
          paidSoFar += paid;
          table[row + trigger * K + k] = paid;
        }
      }
    }
  }
  return true;
}

/**
 * Expected rates: the payment table averaged over work types with the shares of placements of
 * each type, at `(p * T + trigger) * K + k`. With expected rates every tenure holds the four work
 * types in the same proportion (the split is made at placement and the fall-back hazard does not
 * depend on the type), so a payment per person of the mix times the persons at a tenure is what
 * the four types owe together. Rebuilt only when the table or the shares changed.
 */
export function mixPaymentTable(plan: ContractPlan, ws: ContractWorkspace, lksShare: number, partTimeShare: number): void {
  const scratch = ws.population;
  const mixedWith = scratch.mixedTableShares;
  // NaN marks a table not yet mixed (or rebuilt since): it never equals a share.
  if (mixedWith[0] === lksShare && mixedWith[1] === partTimeShare) return;
  mixedWith[0] = lksShare;
  mixedWith[1] = partTimeShare;
  const shares = scratch.workTypeShares;
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const rowLength = T * K;
  const table = ws.paymentByTenure;
  const mixed = scratch.mixedPaymentByTenure;
  const tenureOf = ws.triggerTenure;
  for (let p = 0; p < plan.profiles.length; p++) {
    for (let trigger = 0; trigger < T; trigger++) {
      // The kernel reads one tenure of a tenure trigger and every tenure of a per-month one.
      const tenure = tenureOf[trigger];
      if (tenure !== EVERY_TENURE && tenure < 0) continue;
      const from = tenure >= 0 ? tenure : 0;
      const to = tenure >= 0 ? tenure + 1 : K;
      const out = p * rowLength + trigger * K;
      const typeRow = p * 4 * rowLength + trigger * K;
      for (let k = from; k < to; k++) {
        mixed[out + k] =
          shares[0] * table[typeRow + k] +
          shares[1] * table[typeRow + rowLength + k] +
          shares[2] * table[typeRow + 2 * rowLength + k] +
          shares[3] * table[typeRow + 3 * rowLength + k];
      }
    }
  }
}

/**
 * Drawn persons: each row of the payment table as runs of equal value over tenure, so that a
 * person's per-month payments over a spell in work are added as a few ranges instead of month by
 * month. The last run holds the last bucket's value, which applies to every longer tenure.
 */
export function segmentPaymentTable(plan: ContractPlan, ws: ContractWorkspace): void {
  const scratch = ws.population;
  if (scratch.segmentsCurrent) return;
  scratch.segmentsCurrent = true;
  const K = plan.tenureBuckets;
  const rows = plan.profiles.length * 4 * plan.triggers.length;
  const table = ws.paymentByTenure;
  for (let row = 0; row < rows; row++) {
    const base = row * K;
    let count = 0;
    for (let k = 0; k < K; k++) {
      if (k > 0 && table[base + k] === table[base + k - 1]) continue;
      scratch.segmentStart[base + count] = k;
      scratch.segmentValue[base + count] = table[base + k];
      count++;
    }
    scratch.segmentCount[row] = count;
  }
}
