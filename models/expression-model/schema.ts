import { z } from 'zod';
import { Uncertain } from '../distributions/index.js';
import { ExpressionNameSchema, MAX_EXPRESSION_LENGTH } from '../expressions/index.js';

/** Most inputs and outputs an expression model may have. */
export const MAX_EXPRESSION_MODEL_INPUTS = 200;
export const MAX_EXPRESSION_MODEL_OUTPUTS = 100;

/**
 * A model written as formulas: named uncertain inputs and named outputs, each output an
 * expression over the inputs and the outputs listed before it. Used to test the engine against
 * textbook functions and for quick what-ifs.
 *
 * @example { inputs: { price: { type: 'normal', mean: 10, sd: 2 }, volume: 100 },
 *            outputs: { revenue: 'price * volume', profit: 'revenue - 800' } }
 */
export const ExpressionModelSchema = z
  .strictObject({
    inputs: z
      .record(ExpressionNameSchema, Uncertain)
      .refine((inputs) => Object.keys(inputs).length <= MAX_EXPRESSION_MODEL_INPUTS, {
        message: `at most ${MAX_EXPRESSION_MODEL_INPUTS} inputs`,
      })
      .describe('Each input a number or a distribution.'),
    outputs: z
      .record(ExpressionNameSchema, z.string().max(MAX_EXPRESSION_LENGTH))
      .refine((outputs) => Object.keys(outputs).length >= 1, { message: 'give at least one output' })
      .refine((outputs) => Object.keys(outputs).length <= MAX_EXPRESSION_MODEL_OUTPUTS, {
        message: `at most ${MAX_EXPRESSION_MODEL_OUTPUTS} outputs`,
      })
      .describe('Each output an expression over the inputs and the outputs before it, in the order given.'),
  })
  .meta({ id: 'ExpressionModel', description: 'A model written as formulas over uncertain inputs.' });

export type ExpressionModel = z.infer<typeof ExpressionModelSchema>;
