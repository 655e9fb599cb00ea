import { z } from 'zod';
import { ContractEvaluationSchema } from '../../models/contract/index.js';
import { BreakEvenResultSchema, BreakEvenSettingsSchema, TornadoResultSchema } from '../../models/sensitivity/index.js';
import { SimulationResultSchema } from '../../models/simulation/index.js';
import { LANGUAGES } from '../texts/index.js';
import { KeyFiguresSchema } from './key-figures.js';

/**
 * A report as data: what the HTML and PDF print and what the web page shows. `format: json`
 * returns it, so the page and the printed report draw the same figures from the same specs.
 */

const ChartSpecSchema = z
  .record(z.string(), z.unknown())
  .nullable()
  .describe('A Vega-Lite 6 specification with its data inline (render with vega-embed); null when there is nothing to draw.');

export const ReportInputRowSchema = z
  .object({
    path: z.string(),
    label: z.string(),
    unit: z.enum(['EUR', 'monthlyRate', 'share', 'rate', 'count', 'months', 'number']),
    base: z.number(),
    uncertain: z.boolean(),
    distribution: z.string(),
    p10: z.number().nullable(),
    p90: z.number().nullable(),
    source: z.string(),
  })
  .meta({ id: 'ReportInput', description: 'One input of the calculation with its value, distribution and source.' });

/** What the caller said about the scenario (POST /reports `about`), printed as given; both reports carry it. */
export const ReportContextSchema = z.object({
  title: z.string().optional(),
  summary: z.string().optional(),
  assumptions: z.string().optional(),
  sources: z.array(z.object({ label: z.string(), url: z.string().optional() })).optional(),
});

export const ReportDocumentSchema = z
  .object({
    language: z.enum(LANGUAGES),
    title: z.string(),
    keyFigures: KeyFiguresSchema,
    contractInWords: z.array(z.string()).describe('The contract described in plain sentences.'),
    findings: z.array(z.object({ kind: z.string(), text: z.string() })).describe('What could go wrong, drawn from the simulation and the tornado.'),
    providerInWords: z.string().describe('What the provider keeps and its chance of a loss, in plain words (the web page shows this sentence).'),
    charts: z.object({ netResult: ChartSpecSchema, cashFlows: ChartSpecSchema, yearly: ChartSpecSchema, tornado: ChartSpecSchema }),
    breakEven: z
      .array(
        z.object({
          kind: z.enum(['price', 'jobEntryRate']),
          path: z.string(),
          base: z.number(),
          together: z.array(z.string()),
          settings: BreakEvenSettingsSchema.describe('Post these with the same model to POST /sensitivity to get the same result.'),
          // A plain union of the two answers, as SensitivityResult lists them: the discriminated union on a
          // boolean gives an OpenAPI discriminator whose generated type names the schema instead of true/false.
          result: z.union(BreakEvenResultSchema.options),
        }),
      )
      .describe('The break-even searches behind keyFigures.breakEven.'),
    inputs: z.array(ReportInputRowSchema),
    context: ReportContextSchema.nullable(),
    reproduction: z.object({
      seed: z.number().int(),
      iterations: z.number().int(),
      sampling: z.string(),
      drawIndividualOutcomes: z.boolean(),
      sensitivityRange: z.number().nullable().describe('Relative range of plain numbers in the tornado; null: plain numbers stayed fixed (the default).'),
      softwareVersion: z.string(),
      generatedAt: z.string(),
      simulationId: z.string().nullable().describe('The simulation job, at /simulations/{id}, while the service keeps it.'),
    }),
    contract: z.record(z.string(), z.unknown()).describe('The contract as calculated, defaults filled in.'),
    evaluation: ContractEvaluationSchema,
    simulation: SimulationResultSchema,
    sensitivity: TornadoResultSchema,
  })
  .meta({ id: 'ReportDocument', description: 'Everything a report shows, with the three results it was made from.' });
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;
