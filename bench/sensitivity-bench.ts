import { performance } from 'node:perf_hooks';
import { createContractModel } from '../models/contract/index.js';
import { SobolSettingsSchema, sobol } from '../models/sensitivity/index.js';
import { benchContractWithTenUncertainInputs } from './bench-contract.js';

/** Time of Sobol first- and total-order indices (with bootstrap intervals) of payerNetResult for the 10-input bench contract. */
export function benchSobol(sampleSize = 256): Record<string, number> {
  const built = createContractModel(benchContractWithTenUncertainInputs());
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const uncertain = built.value.inputs.filter((i) => i.distribution !== null).length;
  const settings = SobolSettingsSchema.parse({ method: 'sobol', output: 'payerNetResult', sampleSize, seed: 7 });
  const start = performance.now();
  const result = sobol(built.value, settings);
  const seconds = (performance.now() - start) / 1_000;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  const top = [...result.value.indices].sort((a, b) => (b.totalOrder.estimate ?? 0) - (a.totalOrder.estimate ?? 0))[0];
  console.log(
    `sobol, ${uncertain}-input contract, N = ${sampleSize} (${result.value.modelRuns.toLocaleString('en-US')} model runs, ${settings.bootstrapResamples} bootstrap resamples): ${seconds.toFixed(2)} s; largest total-order index: ${top.path} ${top.totalOrder.estimate?.toFixed(3)}`,
  );
  return { sobolSeconds: seconds, sobolModelRuns: result.value.modelRuns };
}
