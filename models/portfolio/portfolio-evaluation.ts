import { z } from 'zod';
import type { DomainError } from '../errors.js';
import { ok, type Result } from '../result.js';
import { evaluateAtBase } from '../simulation/model.js';
import { intakeAmounts } from './enterprise-cash-model.js';
import { LAYER_METRICS, LAYER_IRR, LAYER_LOSS, LAYER_MULTIPLE, LAYER_PAID_IN, LAYER_RECEIVED, PORTFOLIO_SCALAR_OUTPUTS } from './portfolio-outputs.js';
import { createPortfolioModel } from './portfolio-model.js';
import type { Portfolio } from './portfolio-schema.js';

/**
 * The expected result of a portfolio: the model run once with every input at its base value (a
 * distribution's mean) and no failures drawn. Portfolio sums (flows, failures, jobs, avoided
 * costs) are exact expectations; the fund's layers are run on the expected portfolio (see
 * portfolio-model.ts). It exposes the same buffers the Monte Carlo runs summarise.
 */

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);
const nullableNumber = z.number().nullable();

export const PortfolioLayerResultSchema = z
  .object({
    id: z.string(),
    provider: z.string(),
    kind: z.enum(['grant', 'firstLoss', 'junior', 'senior']),
    fromMunicipality: z.boolean(),
    committed: z.number(),
    paidIn: z.number(),
    received: z.number(),
    irr: nullableNumber.describe('Yearly IRR; null without a sign change (nothing came back).'),
    multiple: nullableNumber,
    loss: z.number(),
    calls: z.array(z.number()).describe('Capital called at the start of each year.'),
    distributions: z.array(z.number()).describe('Paid to the layer at the end of each year.'),
    netFlow: z.array(z.number()),
  })
  .meta({ id: 'PortfolioLayerResult' });

export const PortfolioEnterpriseResultSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    count: z.number().int(),
    intakeByYear: z.array(z.number().int()),
    perEnterprise: z
      .object({
        loan: z.number(),
        equity: z.number(),
        grant: z.number(),
        expectedFailureWithinHorizon: z.number().describe('Chance of failing within the years from intake to the horizon, for the first intake.'),
      })
      .describe('Amounts paid at intake, per enterprise.'),
    byAge: z
      .object({
        revenue: z.array(z.number()),
        operatingResult: z.array(z.number()).describe('Revenue - costs - extra cost of workers + outcome income.'),
        debtService: z.array(z.number()),
        outcomeIncome: z.array(z.number()),
        cashPosition: z.array(z.number()).describe('Expected cash at the end of the year, while operating.'),
        failureChance: z.array(z.number()).describe('Chance of failing in this year, given it reached it.'),
        survival: z.array(z.number()).describe('Chance of still operating at the end of this year.'),
        workers: z.array(z.number()),
        sustainedPlacements: z.array(z.number()),
      })
      .describe('One enterprise of this archetype by year since its intake (age 0 = intake year), while it operates.'),
  })
  .meta({ id: 'PortfolioEnterpriseResult' });

export const PortfolioEvaluationSchema = z
  .object({
    portfolio: z.string(),
    years: z.array(z.string()),
    summary: z.record(z.string(), nullableNumber).describe('Every scalar output by name; null where not computable (an IRR without a sign change).'),
    outputs: z.array(z.object({ name: z.string(), unit: z.string(), description: z.string() })).describe('Name, unit and meaning of each summary entry.'),
    yearly: z.record(z.string(), z.array(z.number())).describe('Each yearly series by name, one value per fund year.'),
    layers: z.array(PortfolioLayerResultSchema),
    enterprises: z.array(PortfolioEnterpriseResultSchema),
    inputs: z
      .array(z.object({ path: z.string(), base: z.number(), uncertain: z.boolean() }))
      .describe('Every numeric input by path with the value used; uncertain ones have a distribution.'),
  })
  .meta({
    id: 'PortfolioEvaluation',
    description:
      "The expected result of a place-based investment scenario. Portfolio sums (flows, failures, jobs, avoided costs) are exact expectations over failures for any regional correlation; the fund's layers are run on those expected flows, so a layer's expected loss and its chance of loss come from a Monte Carlo run.",
  });

export type PortfolioEvaluation = z.infer<typeof PortfolioEvaluationSchema>;

export function evaluatePortfolioExpected(portfolio: Portfolio): Result<PortfolioEvaluation, DomainError> {
  const built = createPortfolioModel(portfolio);
  if (!built.ok) return built;
  const model = built.value;
  const { plan } = model;
  const { params, workspace: ws, scalars, series } = evaluateAtBase(model);

  const H = plan.horizon;
  const summary: Record<string, number | null> = {};
  model.scalarOutputs.forEach((output, i) => (summary[output.name] = finiteOrNull(scalars[i])));
  const yearly: Record<string, number[]> = {};
  model.seriesOutputs.forEach((output, k) => (yearly[output.name] = Array.from(series.subarray(k * H, (k + 1) * H))));

  const fixed = PORTFOLIO_SCALAR_OUTPUTS.length;
  const layers = plan.layers.map((layer, l) => {
    const at = fixed + l * LAYER_METRICS.length;
    const calls = Array.from(ws.fund.calls.subarray(l * H, (l + 1) * H));
    const distributions = Array.from(ws.fund.distributions.subarray(l * H, (l + 1) * H));
    return {
      id: layer.id,
      provider: layer.provider,
      kind: layer.kind,
      fromMunicipality: layer.fromMunicipality,
      committed: params[layer.amount],
      paidIn: scalars[at + LAYER_PAID_IN],
      received: scalars[at + LAYER_RECEIVED],
      irr: finiteOrNull(scalars[at + LAYER_IRR]),
      multiple: finiteOrNull(scalars[at + LAYER_MULTIPLE]),
      loss: scalars[at + LAYER_LOSS],
      calls,
      distributions,
      netFlow: distributions.map((d, t) => d - calls[t]),
    };
  });

  const ey = ws.enterprise;
  const enterprises = plan.archetypes.map((archetype, j) => {
    const ages = (values: Float64Array) => Array.from(values.subarray(j * H, (j + 1) * H));
    const firstIntake = archetype.intakeByYear.findIndex((n) => n > 0);
    const yearsHeld = H - firstIntake;
    return {
      id: archetype.id,
      label: archetype.label,
      count: archetype.count,
      intakeByYear: Array.from(archetype.intakeByYear),
      perEnterprise: { ...intakeAmounts(archetype, params), expectedFailureWithinHorizon: 1 - ey.survival[j * H + yearsHeld - 1] },
      byAge: {
        revenue: ages(ey.revenue),
        operatingResult: ages(ey.operatingResult),
        debtService: ages(ey.interest).map((interest, a) => interest + ey.principal[j * H + a]),
        outcomeIncome: ages(ey.outcomeIncome),
        cashPosition: ages(ey.cashPosition),
        failureChance: ages(ey.hazard),
        survival: ages(ey.survival),
        workers: ages(ey.positions),
        sustainedPlacements: ages(ey.sustained),
      },
    };
  });

  return ok({
    portfolio: portfolio.name,
    years: plan.yearLabels,
    summary,
    outputs: model.scalarOutputs.map((o) => ({ name: o.name, unit: o.unit, description: o.description })),
    yearly,
    layers,
    enterprises,
    inputs: model.inputs.map((input) => ({ path: input.path, base: input.base, uncertain: input.distribution !== null })),
  });
}
