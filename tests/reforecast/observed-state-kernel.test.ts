import { describe, expect, it } from 'vitest';
import { checkActuals } from '../../models/actuals/index.js';
import { evaluateContract } from '../../models/contract/contract-model.js';
import { createContractModel } from '../../models/contract/index.js';
import { createRng } from '../../models/random/index.js';
import { seriesLength } from '../../models/simulation/model.js';
import { conjugateActuals, conjugateContract, CONJUGATE_FALLBACKS, CONJUGATE_STARTS } from './reforecast-fixtures.js';

/**
 * The contract kernel started from an observed state: the observed months are exactly what was
 * recorded (intake, job starts, fall-backs, persons in work, payments), whatever the draws, and
 * the counterfactual world has the participants actually taken in; the
 * months after follow from the persons where they stand (nobody in work at the as-of month falls
 * back before it, so the first fall-back after it can only come from the as-of month on).
 */
describe('the kernel from an observed state', () => {
  const contract = conjugateContract(2, 38, 200);
  // 150 taken in where the contract planned 200: the observed intake is what counts.
  const actuals = conjugateActuals(150, 3000);
  const built = createContractModel(contract);
  if (!built.ok) throw new Error('contract');
  const model = built.value;
  const checked = checkActuals(contract, actuals, [1]);
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  const state = checked.value.state;
  const M = state.months;
  const params = Float64Array.from(model.inputs, (i) => i.base);
  const ws = model.createWorkspace();
  const scalars = new Float64Array(model.scalarOutputs.length);
  const series = new Float64Array(seriesLength(model));

  it.each([1, 2, 3])('reproduces every observed month exactly (draw stream %i)', (stream) => {
    evaluateContract(model.plan, params, ws, createRng(99, stream), scalars, series, state);
    let inWork = 0;
    for (let t = 0; t < M; t++) {
      inWork += CONJUGATE_STARTS[t] - CONJUGATE_FALLBACKS[t];
      expect(ws.intakeTotal[t]).toBe(actuals.months[t].intake);
      expect(ws.programme.placements[t]).toBe(CONJUGATE_STARTS[t]);
      expect(ws.programme.fallbacks[t]).toBe(CONJUGATE_FALLBACKS[t]);
      expect(ws.programme.inWorkFullTime[t] + ws.programme.inWorkPartTime[t]).toBe(inWork);
      expect(ws.payments[t]).toBe(actuals.months[t].payments);
    }
    // Everyone taken in is accounted for after the observed months: on benefit, in work or gone.
    const last = M - 1;
    expect(ws.programme.onBenefit[last] + ws.programme.inWorkFullTime[last] + ws.programme.inWorkPartTime[last]).toBe(150);
    // The counterfactual world starts from the same 150 participants (no other exits in this contract).
    expect(ws.counterfactual.onBenefit[last] + ws.counterfactual.inWorkFullTime[last] + ws.counterfactual.inWorkPartTime[last]).toBe(150);
  });

  it('draws the months after the as-of month: different streams, different futures', () => {
    evaluateContract(model.plan, params, ws, createRng(99, 1), scalars, series, state);
    const first = Array.from(ws.programme.placements.subarray(M));
    evaluateContract(model.plan, params, ws, createRng(99, 2), scalars, series, state);
    expect(Array.from(ws.programme.placements.subarray(M))).not.toEqual(first);
  });
});
