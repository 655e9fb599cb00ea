import { scaledBeta } from './beta.js';
import type { CompiledDistribution } from './compiled-distribution.js';
import type { Distribution } from './schema.js';

export type PertParameters = Extract<Distribution, { type: 'pert' }>;

/**
 * Beta-PERT(min, mode, max, λ): the beta distribution on [min, max] with
 * α = 1 + λ·(mode − min)/(max − min) and β = 1 + λ·(max − mode)/(max − min)
 * (Malcolm et al. 1959; Vose, "Risk Analysis", 3rd ed., §9.1.2). Its mean is
 * (min + λ·mode + max)/(λ + 2) and its variance (mean − min)(max − mean)/(λ + 3);
 * λ = 4 is the classic form. mode may equal min or max (then α or β is 1).
 */
export function compilePert(parameters: PertParameters): CompiledDistribution {
  const { min, mode, max, lambda } = parameters;
  const width = max - min;
  const alpha = 1 + (lambda * (mode - min)) / width;
  const beta = 1 + (lambda * (max - mode)) / width;
  return scaledBeta(alpha, beta, min, max);
}
