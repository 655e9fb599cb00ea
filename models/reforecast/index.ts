export { reforecastContract, CAPS_BIND_EVENT } from './reforecast-contract.js';
export { ReforecastResultSchema, InferenceSettingsSchema, type ReforecastResult, type InferenceSettings } from './reforecast-schema.js';
export { importanceWeights, drawAt } from './importance-weights.js';
export { logLikelihood, likelihoodData } from './likelihood.js';
export { personsAtRisk } from './at-risk.js';
export { weightedSummary } from './weighted-summary.js';
