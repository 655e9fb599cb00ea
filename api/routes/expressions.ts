import { Router } from 'express';
import { evaluateExpressionModelAt, ExpressionEvaluationRequestSchema } from '../../models/expression-model/index.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export function expressionRoutes(): Router {
  const router = Router();
  router.post('/expressions/evaluate', (req, res) => {
    const request = parseOrThrow(ExpressionEvaluationRequestSchema, req.body);
    res.json(unwrapOrThrow(evaluateExpressionModelAt(request)));
  });
  return router;
}
