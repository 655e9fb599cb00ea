import { z } from 'zod';
import { BreakEvenResultSchema, BreakEvenSettingsSchema } from './break-even.js';
import { MorrisResultSchema, MorrisSettingsSchema } from './morris.js';
import { RankCorrelationResultSchema, RankCorrelationSettingsSchema } from './rank-correlation.js';
import { SobolResultSchema, SobolSettingsSchema } from './sobol.js';
import { SpiderResultSchema, SpiderSettingsSchema } from './spider.js';
import { TornadoResultSchema, TornadoSettingsSchema } from './tornado.js';
import { TwoWayResultSchema, TwoWaySettingsSchema } from './two-way.js';
import { ValueOfInformationResultSchema, ValueOfInformationSettingsSchema } from './value-of-information.js';

/** One sensitivity request: which method, on which output, with that method's settings. */
export const SensitivitySettingsSchema = z
  .discriminatedUnion('method', [
    TornadoSettingsSchema,
    SpiderSettingsSchema,
    BreakEvenSettingsSchema,
    TwoWaySettingsSchema,
    SobolSettingsSchema,
    MorrisSettingsSchema,
    RankCorrelationSettingsSchema,
    ValueOfInformationSettingsSchema,
  ])
  .meta({ id: 'SensitivitySettings', description: 'A sensitivity analysis of one scalar output of a model.' });
export type SensitivitySettings = z.infer<typeof SensitivitySettingsSchema>;

/**
 * The answer of any method. Not a discriminated union on `method`: the break-even result is
 * itself a union on `found`, so a plain union keeps the schema valid.
 */
export const SensitivityResultSchema = z
  .union([
    TornadoResultSchema,
    SpiderResultSchema,
    BreakEvenResultSchema,
    TwoWayResultSchema,
    SobolResultSchema,
    MorrisResultSchema,
    RankCorrelationResultSchema,
    ValueOfInformationResultSchema,
  ])
  .meta({ id: 'SensitivityResult' });
export type SensitivityResult = z.infer<typeof SensitivityResultSchema>;
