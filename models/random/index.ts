export type { Rng } from './rng.js';
export { Xoshiro128, createRng } from './xoshiro128.js';
export { SplitMix32, mix32 } from './splitmix32.js';
export { binomial } from './binomial.js';
export { MAX_SOBOL_DIMENSIONS, SobolSequence } from './sobol-sequence.js';
