export * from './contract-schema.js';
export { CONTRACT_LIMITS } from './limits.js';
export { CONTRACT_DEFAULTS } from './defaults.js';
export { createContractModel, type ContractModel } from './contract-model.js';
export { evaluateContractExpected, ContractEvaluationSchema, type ContractEvaluation } from './contract-evaluation.js';
export { CONTRACT_SCALAR_OUTPUTS, CONTRACT_SERIES_OUTPUTS } from './contract-outputs.js';
export { CUSTOM_QUANTITIES } from './custom-quantities.js';
export { noEffectContract } from './no-effect-contract.js';
