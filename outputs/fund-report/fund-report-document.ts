import { z } from 'zod';
import { ReportContextSchema } from '../report/report-document.js';
import { LANGUAGES } from '../texts/index.js';

/**
 * The fund report as data (POST /reports with a portfolio and format json): what the HTML, PDF
 * and workbook show, every figure exact (the reader formats it). Statistics come from the
 * strategies' Monte Carlo results as POST /portfolios/compare gives them for the same seed.
 */

const statistic = z.number().nullable();

export const FundStatisticSchema = z
  .object({
    mean: statistic,
    p10: statistic,
    p25: statistic,
    p50: statistic,
    p75: statistic,
    p90: statistic,
    count: z.number().int().describe('Runs in which the figure could be computed.'),
    nanCount: z.number().int().describe('Runs in which it could not (an IRR when nothing came back).'),
  })
  .meta({ id: 'FundStatistic' });
export type FundStatistic = z.infer<typeof FundStatisticSchema>;

export const FundReportDocumentSchema = z
  .object({
    kind: z.literal('portfolio'),
    language: z.enum(LANGUAGES),
    title: z.string(),
    fundName: z.string(),
    fundInWords: z.array(z.string()),
    priceBasis: z.string(),
    layers: z.array(
      z.object({
        id: z.string(),
        name: z.string().describe("The layer as people name it: its provider's name."),
        kind: z.string(),
        kindLabel: z.string(),
        committed: z.number().describe('Committed capital (the expected value when the amount is uncertain).'),
        targetReturn: z.number().nullable().describe('Required return per year; null for a grant.'),
        fromMunicipality: z.boolean(),
      }),
    ),
    enterprises: z.array(
      z.object({ id: z.string(), label: z.string(), count: z.number().int(), intake: z.string(), instruments: z.string(), jobs: z.string(), outcomeContract: z.string() }),
    ),
    strategies: z.array(
      z.object({
        name: z.string(),
        description: z.string().nullable(),
        figures: z.record(z.string(), FundStatisticSchema).describe('Per output name (capitalRecycled, sustainedPlacements, ...): its statistics over the runs.'),
        layers: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            lossChance: z.number().nullable().describe('Share of runs in which the layer got back less than it paid in.'),
            multiple: FundStatisticSchema,
            irr: FundStatisticSchema,
            loss: FundStatisticSchema,
          }),
        ),
      }),
    ),
    charts: z.object({
      lossChance: z.record(z.string(), z.unknown()).nullable().describe('Vega-Lite spec: chance of loss per layer per strategy.'),
      impact: z.record(z.string(), z.unknown()).nullable().describe('Vega-Lite spec: attributable avoided costs per strategy, P10 to P90.'),
    }),
    inputs: z.array(
      z.object({ path: z.string(), label: z.string(), unit: z.string(), base: z.number(), uncertain: z.boolean(), distribution: z.string(), source: z.string() }),
    ),
    context: ReportContextSchema.nullable(),
    reproduction: z.object({
      seed: z.number().int(),
      iterations: z.number().int(),
      sampling: z.string(),
      softwareVersion: z.string(),
      generatedAt: z.string(),
      simulationId: z.string().nullable(),
    }),
  })
  .meta({ id: 'FundReportDocument', description: 'A fund report as data: the fund, its strategies compared on common random numbers, and the inputs.' });
export type FundReportDocument = z.infer<typeof FundReportDocumentSchema>;
