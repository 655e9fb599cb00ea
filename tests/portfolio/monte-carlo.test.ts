import { describe, expect, it } from 'vitest';
import { createPortfolioModel, createPortfolioVariants, PortfolioSchema } from '../../models/portfolio/index.js';
import { runSimulation, runVariants, SimulationSettingsSchema, type OutputSummary } from '../../models/simulation/index.js';
import { rotterdamPlaceBasedFund } from '../../scenarios/portfolios/rotterdam-place-based-fund.js';

/**
 * The portfolio through the Monte Carlo engine, end to end, on the Rotterdam preset (every
 * uncertain input sampled, failures drawn through the regional factor).
 */
const settings = SimulationSettingsSchema.parse({ seed: 20_260_101, iterations: 4_096 });
const base = PortfolioSchema.parse(rotterdamPlaceBasedFund.portfolio);
const withoutOutcomePayments = PortfolioSchema.parse(rotterdamPlaceBasedFund.strategies[0].portfolio);
const byName = (outputs: OutputSummary[], name: string) => {
  const found = outputs.find((output) => output.name === name);
  if (!found) throw new Error(`no output ${name}`);
  return found;
};

describe('portfolio in the Monte Carlo engine', () => {
  it('runs with runSimulation and gives a distribution for every output', () => {
    const model = createPortfolioModel(base);
    if (!model.ok) throw new Error(JSON.stringify(model.error));
    const result = runSimulation(model.value, settings);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { outputs, series } = result.value;
    expect(outputs.map((o) => o.name)).toEqual(model.value.scalarOutputs.map((o) => o.name));
    expect(byName(outputs, 'failures').count).toBe(settings.iterations);
    expect(byName(outputs, 'failures').sd!).toBeGreaterThan(0);
    series.forEach((s) => expect(s.labels).toHaveLength(base.horizonYears));
    // Losses fall bottom-up in every draw, so a more senior layer can only lose when every layer
    // below it lost: the chances of loss are ordered, from the grant (repaid only out of the
    // residual) up to the municipality's senior layer.
    const chance = (layer: string) => byName(outputs, `layer${layer}LossOccurred`).mean!;
    expect(chance('Schenking')).toBeGreaterThanOrEqual(chance('EersteVerlies'));
    expect(chance('EersteVerlies')).toBeGreaterThanOrEqual(chance('Junior'));
    expect(chance('Junior')).toBeGreaterThanOrEqual(chance('Gemeente'));
  });

  it('compares strategies on common random numbers: paired differences vary far less than independent ones', () => {
    // Var(A - B) = Var(A) + Var(B) - 2 Cov(A, B). Run independently, Cov = 0; on common random
    // numbers (same input uniforms, same regional factor, same luck per enterprise) the two
    // strategies move together, so the variance of the paired difference is much smaller.
    const variants = createPortfolioVariants([
      { name: 'met prestatiecontract', portfolio: base },
      { name: 'zonder prestatiecontract', portfolio: withoutOutcomePayments },
    ]);
    if (!variants.ok) throw new Error(JSON.stringify(variants.error));
    const result = runVariants(variants.value, settings);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const [withPayments, without] = result.value.variants.map((v) => v.result.outputs);
    const differences = result.value.differences[0].outputs;
    for (const name of ['failures', 'fundMultiple', 'municipalityNetPosition']) {
      const independentVariance = byName(withPayments, name).sd! ** 2 + byName(without, name).sd! ** 2;
      const pairedVariance = byName(differences, name).sd! ** 2;
      expect(pairedVariance, name).toBeLessThan(0.6 * independentVariance);
      expect(byName(differences, name).mean).toBeCloseTo(byName(without, name).mean! - byName(withPayments, name).mean!, 6);
    }
    // Outcome payments keep enterprises alive: fewer failures in the paired comparison, far beyond its standard error.
    const failures = byName(differences, 'failures');
    expect(failures.mean!).toBeGreaterThan(4 * failures.standardError!);
  });

  it('aligns strategies of different shape: an output a strategy lacks is undefined (NaN) there', () => {
    const grantOnly = PortfolioSchema.parse({
      ...rotterdamPlaceBasedFund.portfolio,
      fund: { ...rotterdamPlaceBasedFund.portfolio.fund, layers: [{ id: 'fondsen', provider: 'fondsen', kind: 'grant', amount: 8_000_000 }] },
    });
    const variants = createPortfolioVariants([
      { name: 'lagen', portfolio: base },
      { name: 'alleen schenking', portfolio: grantOnly },
    ]);
    if (!variants.ok) throw new Error(JSON.stringify(variants.error));
    const result = runVariants(variants.value, { ...settings, iterations: 512 });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const outputs = result.value.variants[1].result.outputs;
    expect(byName(outputs, 'layerGemeenteIrr').nanCount).toBe(512);
    expect(byName(outputs, 'layerFondsenPaidIn').count).toBe(512);
    expect(byName(result.value.variants[0].result.outputs, 'layerFondsenPaidIn').nanCount).toBe(512);
  });
});
