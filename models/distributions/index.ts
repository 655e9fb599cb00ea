export * from './schema.js';
export type { CompiledDistribution } from './compiled-distribution.js';
