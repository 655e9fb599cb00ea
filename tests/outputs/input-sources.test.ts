import { describe, expect, it } from 'vitest';
import { ContractSchema, createContractModel } from '../../models/contract/index.js';
import { inputRows } from '../../outputs/inputs/input-rows.js';
import { inputSource } from '../../outputs/inputs/input-sources.js';
import { textsFor } from '../../outputs/texts/index.js';
import { NORM_SINGLE_2024 } from '../../scenarios/figures.js';
import { CONTRACT_PRESETS } from '../../scenarios/index.js';

/**
 * The inputs table of the report and the workbook cites a distribution's own `source` (issue 14:
 * presets carry their citations in the contract); plain numbers keep the value matching against
 * published figures. Before issue 14 every distribution was cited as "aanname van het scenario of
 * de gebruiker", whatever it said about itself.
 */
describe('the source an inputs row cites', () => {
  const nl = textsFor('nl');
  const pert = { type: 'pert' as const, min: 0.5, mode: 2 / 3, max: 0.9, lambda: 4 };

  it("is a distribution's own source when it has one", () => {
    expect(inputSource('counterfactual.deadweightShare', 0.67, { ...pert, source: 'Werk na Detentie: circa twee derde' }, nl)).toBe(
      'Werk na Detentie: circa twee derde',
    );
  });

  it('is the scenario assumption for a distribution without a source, and the published figure for a plain norm', () => {
    expect(inputSource('counterfactual.deadweightShare', 0.67, pert, nl)).toBe(nl.assumedSource);
    // A blank source (the schema only asks for one character) names nothing: the cell says "assumption", as in the fund report, not nothing.
    expect(inputSource('counterfactual.deadweightShare', 0.67, { ...pert, source: '   ' }, nl)).toBe(nl.assumedSource);
    expect(inputSource('profiles[0].monthlyBenefit', NORM_SINGLE_2024, null, nl)).toBe(nl.sources.norms);
  });

  it("shows each preset estimate's source in the rows the report and workbook print", () => {
    const preset = CONTRACT_PRESETS.find((p) => p.id === 'small-municipality-pilot')!;
    const contract = ContractSchema.parse(preset.contract);
    const model = createContractModel(contract);
    if (!model.ok) throw new Error('compile failed');
    const rows = inputRows(model.value.inputs, contract, nl);
    const deadweight = rows.find((row) => row.path === 'counterfactual.deadweightShare')!;
    const given = contract.counterfactual.method === 'deadweight' ? contract.counterfactual.deadweightShare : null;
    expect(typeof given === 'object' && given !== null ? given.source : undefined).toMatch(/Werk na Detentie/);
    expect(deadweight.source).toBe((given as { source: string }).source);
    // The law's figure is still cited by value.
    expect(rows.find((row) => row.path === 'profiles[0].monthlyBenefit')!.source).toBe(nl.sources.norms);
    // No estimate of the preset falls back to "assumption" without saying why.
    expect(rows.filter((row) => row.uncertain && row.source === nl.assumedSource).map((row) => row.path)).toEqual([]);
  });
});
