import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { DistributionDescriptionSchema } from '../models/distributions/index.js';
import { ExpressionEvaluationRequestSchema, ExpressionEvaluationSchema } from '../models/expression-model/index.js';
import type { ProblemSchema } from './problem.js';
import { DescribeDistributionRequestSchema } from './routes/distributions.js';

interface Helpers {
  problem: (description: string) => { description: string; content: { 'application/problem+json': { schema: typeof ProblemSchema } } };
  json: <S extends z.ZodType>(schema: S) => { 'application/json': { schema: S } };
}

/** The paths of issue 19: what a distribution compiles to, and deterministic evaluation of an expression model. */
export function registerModelToolPaths(registry: OpenAPIRegistry, { problem, json }: Helpers): void {
  registry.registerPath({
    method: 'post',
    path: '/distributions/describe',
    summary: 'The family, parameters, mean, sd and quantiles a distribution compiles to (a 90% interval\'s fit, PERT\'s alpha and beta).',
    request: { body: { required: true, content: json(DescribeDistributionRequestSchema) } },
    responses: {
      200: { description: 'The description', content: json(DistributionDescriptionSchema) },
      400: problem('Invalid distribution, or one that cannot fit (the problem names the field and says why)'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/expressions/evaluate',
    summary: 'Evaluates an expression model once, deterministically: each input at the value given in `at`, else at its mean.',
    request: { body: { required: true, content: json(ExpressionEvaluationRequestSchema) } },
    responses: {
      200: { description: 'The inputs used and every output', content: json(ExpressionEvaluationSchema) },
      400: problem('Invalid model or values: the problem names the field (e.g. model.outputs.y, at.x) and says what is not allowed'),
    },
  });
}
