import type { Contract } from './contract-schema.js';

/**
 * The contract as if the programme changed nothing: every work outcome is one that would have
 * happened anyway. With counterfactual rates, each profile's programme rates become its
 * counterfactual rates; with the deadweight method, the deadweight share becomes 1. Everything
 * the contract fixes (intake, prices, caps, costs) stays, so what the payer still pays is what
 * it would pay for deadweight: for a contract paying per placement, the placements that happen
 * anyway.
 */
export function noEffectContract(contract: Contract): Contract {
  if (contract.counterfactual.method === 'deadweight') return { ...contract, counterfactual: { method: 'deadweight', deadweightShare: 1 } };
  return {
    ...contract,
    profiles: contract.profiles.map((profile) => ({ ...profile, programme: structuredClone(profile.counterfactual) })),
  };
}
