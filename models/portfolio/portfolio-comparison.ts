import { z } from 'zod';
import type { DomainError, FieldProblem } from '../errors.js';
import { fail, ok, type Result } from '../result.js';
import { alignVariants } from '../simulation/align-variants.js';
import type { CompiledModel } from '../simulation/model.js';
import type { SimulationVariant } from '../simulation/plan.js';
import { PORTFOLIO_LIMITS } from './limits.js';
import { evaluatePortfolioExpected, type PortfolioEvaluation } from './portfolio-evaluation.js';
import { createPortfolioModel, type PortfolioModel } from './portfolio-model.js';
import { PortfolioSchema, type Portfolio } from './portfolio-schema.js';

/**
 * Strategies side by side. Two things make a comparison fair:
 *
 * - Monte Carlo: every strategy runs on common random numbers (the engine's `runVariants`). The
 *   engine needs variants with the same inputs and scalar outputs; strategies rarely have them
 *   (one has an outcome contract, another a grant layer), so the engine aligns them on the union of
 *   their inputs and outputs (models/simulation/align-variants.ts). The regional factor and each
 *   enterprise's luck come from counter-based draws keyed by year, archetype id and ordinal, so
 *   strategies sharing an archetype see the same failures-to-be.
 * - Expected values: `comparePortfoliosExpected` evaluates each and lists every output side by side
 *   with its difference from the first strategy.
 */

export const PortfolioStrategySchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    portfolio: PortfolioSchema,
  })
  .meta({ id: 'PortfolioStrategy', description: 'A named strategy: one portfolio scenario.' });

export const PortfolioStrategiesSchema = z
  .array(PortfolioStrategySchema)
  .min(2)
  .max(PORTFOLIO_LIMITS.maxStrategies)
  .superRefine((strategies, ctx) => {
    const seen = new Set<string>();
    strategies.forEach((s, i) => {
      if (seen.has(s.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `strategy name '${s.name}' is used twice` });
      seen.add(s.name);
    });
  })
  .meta({ id: 'PortfolioStrategies', description: 'Two or more strategies compared on the same draws; differences are against the first.' });

export type PortfolioStrategy = z.infer<typeof PortfolioStrategySchema>;

/** Compiles each strategy and aligns inputs and scalar outputs (alignVariants) so the engine can run them as variants. */
export function createPortfolioVariants(strategies: ReadonlyArray<{ name: string; portfolio: Portfolio }>): Result<SimulationVariant[], DomainError> {
  const models: PortfolioModel[] = [];
  const problems: FieldProblem[] = [];
  for (let s = 0; s < strategies.length; s++) {
    const built = createPortfolioModel(strategies[s].portfolio);
    if (built.ok) models.push(built.value);
    else if (built.error.kind === 'invalid-input' || built.error.kind === 'limit-exceeded')
      problems.push(...built.error.problems.map((p) => ({ ...p, path: [s, 'portfolio', ...p.path] })));
    else return built;
  }
  if (problems.length) return fail({ kind: 'invalid-input', problems });

  return ok(alignVariants(models.map((model, s) => ({ name: strategies[s].name, model: model as CompiledModel }))));
}

export const PortfolioComparisonSchema = z
  .object({
    strategies: z.array(z.string()),
    years: z.array(z.string()).describe('Fund years of the first strategy.'),
    outputs: z.array(
      z.object({
        name: z.string(),
        unit: z.string(),
        description: z.string(),
        values: z.array(z.number().nullable()).describe('One per strategy; null where the strategy lacks the output or it is not computable.'),
        differenceFromFirst: z.array(z.number().nullable()),
      }),
    ),
  })
  .meta({ id: 'PortfolioComparison', description: 'Expected results of several strategies side by side.' });

export type PortfolioComparison = z.infer<typeof PortfolioComparisonSchema>;

/** Expected results of each strategy side by side, with differences from the first. */
export function comparePortfoliosExpected(strategies: ReadonlyArray<{ name: string; portfolio: Portfolio }>): Result<PortfolioComparison, DomainError> {
  const evaluations: PortfolioEvaluation[] = [];
  const problems: FieldProblem[] = [];
  for (let s = 0; s < strategies.length; s++) {
    const evaluated = evaluatePortfolioExpected(strategies[s].portfolio);
    if (evaluated.ok) evaluations.push(evaluated.value);
    else if (evaluated.error.kind === 'invalid-input' || evaluated.error.kind === 'limit-exceeded')
      problems.push(...evaluated.error.problems.map((p) => ({ ...p, path: [s, 'portfolio', ...p.path] })));
    else return evaluated;
  }
  if (problems.length) return fail({ kind: 'invalid-input', problems });
  return ok(evaluationsSideBySide(strategies.map((s) => s.name), evaluations));
}

/** Strategies' expected evaluations (one per name, in order) side by side, with differences from the first. */
export function evaluationsSideBySide(names: readonly string[], evaluations: readonly PortfolioEvaluation[]): PortfolioComparison {
  const seen = new Map<string, { name: string; unit: string; description: string }>();
  for (const evaluation of evaluations) for (const output of evaluation.outputs) if (!seen.has(output.name)) seen.set(output.name, output);
  const outputs = [...seen.values()].map((info) => {
    const values = evaluations.map((e) => e.summary[info.name] ?? null);
    const first = values[0];
    return {
      ...info,
      values,
      differenceFromFirst: values.map((v) => (v === null || first === null ? null : v - first)),
    };
  });
  return { strategies: [...names], years: evaluations[0].years, outputs };
}
