import { ABSENT, WORK_FULL_TIME, WORK_PART_TIME, type ContractPlan } from './compile-contract.js';
import type { ContractWorkspace } from './contract-workspace.js';

/**
 * What one participant of profile p and work type is owed at each tenure, per trigger, after the
 * per-participant cap. Because a participant is paid only for the first spell in work, the order
 * in which the per-participant triggers fire is fixed by tenure (job start at 0, sustained-N at N,
 * per-month payments every month), so the cap can be applied exactly to this schedule: at each
 * tenure, triggers in the order of the contract take what is left under the cap.
 * Amounts are in euros of the start year; the kernel indexes them to the month paid.
 */
export function fillPaymentTable(plan: ContractPlan, params: Float64Array, ws: ContractWorkspace): void {
  const T = plan.triggers.length;
  const K = plan.tenureBuckets;
  const table = ws.paymentByTenure;
  const cap = plan.caps.perParticipant === ABSENT ? Infinity : params[plan.caps.perParticipant];
  const partTimeBenefitShare = Math.min(1, Math.max(0, params[plan.partTimeBenefitShare]));

  for (let p = 0; p < plan.profiles.length; p++) {
    for (let type = 0; type < 4; type++) {
      const isPartTime = (type & 1) === 1;
      const typeFlag = isPartTime ? WORK_PART_TIME : WORK_FULL_TIME;
      const monthsSavedPerMonth = isPartTime ? 1 - partTimeBenefitShare : 1;
      const row = (p * 4 + type) * T * K;
      let paidSoFar = 0;
      for (let k = 0; k < K; k++) {
        for (let trigger = 0; trigger < T; trigger++) {
          const plannedTrigger = plan.triggers[trigger];
          let owed = 0;
          if (plannedTrigger.kind === 'jobStart' || plannedTrigger.kind === 'sustained') {
            const priceSlot = plannedTrigger.priceByProfile[p];
            if (k === plannedTrigger.tenure && (plannedTrigger.workTypes & typeFlag) && priceSlot !== ABSENT) owed = params[priceSlot];
          } else if (plannedTrigger.kind === 'perMonthOffBenefit' && plannedTrigger.basis === 'gross') {
            const priceSlot = plannedTrigger.priceByProfile[p];
            if (priceSlot !== ABSENT) owed = params[priceSlot] * monthsSavedPerMonth;
          }
          const paid = Math.max(0, Math.min(owed, cap - paidSoFar));
          paidSoFar += paid;
          table[row + trigger * K + k] = paid;
        }
      }
    }
  }
}
