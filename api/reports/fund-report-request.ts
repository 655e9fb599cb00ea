import { z } from 'zod';
import { PORTFOLIO_LIMITS, PortfolioSchema } from '../../models/portfolio/index.js';

/**
 * The fund part of a report request: a place-based fund (portfolio) and, optionally, other
 * strategies for the same area to compare with it on common random numbers, as POST
 * /portfolios/compare does (the portfolio is the first strategy, named after the portfolio). A
 * fund preset's `strategies` fit here as they are (their descriptions are printed in the report).
 */

export const FundReportStrategySchema = z
  .strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(4_000).optional().describe('What sets this strategy apart, in a sentence or two; printed in the report.'),
    portfolio: PortfolioSchema,
  })
  .meta({ id: 'FundReportStrategy', description: 'An alternative strategy: a named portfolio scenario.' });

export const FundReportModelSchema = z
  .strictObject({
    kind: z.literal('portfolio'),
    portfolio: PortfolioSchema.describe('The fund to report on; the first strategy of the comparison, named after the portfolio.'),
    strategies: z
      .array(FundReportStrategySchema)
      .max(PORTFOLIO_LIMITS.maxStrategies - 1)
      .default([])
      .describe('Alternative strategies compared with the portfolio on the same random draws (common random numbers).'),
  })
  .superRefine((model, ctx) => {
    const seen = new Set<string>([model.portfolio.name]);
    model.strategies.forEach((strategy, index) => {
      if (seen.has(strategy.name))
        ctx.addIssue({ code: 'custom', path: ['strategies', index, 'name'], message: `strategy name '${strategy.name}' is used twice (the portfolio's own name counts)` });
      seen.add(strategy.name);
    });
  })
  .meta({ id: 'FundReportModel', description: 'A place-based fund and the strategies to compare it with.' });
export type FundReportModel = z.infer<typeof FundReportModelSchema>;

/** The strategies in the order the report shows them: the portfolio first, then the alternatives. */
export function fundReportStrategies(model: FundReportModel): { name: string; description: string | undefined; portfolio: FundReportModel['portfolio'] }[] {
  return [
    { name: model.portfolio.name, description: model.portfolio.description, portfolio: model.portfolio },
    ...model.strategies.map((s) => ({ name: s.name, description: s.description, portfolio: s.portfolio })),
  ];
}
