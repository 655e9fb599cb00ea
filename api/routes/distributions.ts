import { Router } from 'express';
import { z } from 'zod';
import { describeDistribution, DistributionSchema } from '../../models/distributions/index.js';
import { parseOrThrow } from '../validate.js';

export const DescribeDistributionRequestSchema = z
  .object({ distribution: DistributionSchema })
  .meta({ id: 'DescribeDistributionRequest', description: 'A distribution to compile and describe.' });

export function distributionRoutes(): Router {
  const router = Router();
  router.post('/distributions/describe', (req, res) => {
    const { distribution } = parseOrThrow(DescribeDistributionRequestSchema, req.body);
    res.json(describeDistribution(distribution));
  });
  return router;
}
