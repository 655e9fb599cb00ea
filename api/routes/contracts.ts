import { Router } from 'express';
import { ContractSchema, evaluateContractExpected } from '../../models/contract/index.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export function contractRoutes(): Router {
  const router = Router();
  router.post('/contracts/evaluate', (req, res) => {
    const contract = parseOrThrow(ContractSchema, req.body);
    res.json(unwrapOrThrow(evaluateContractExpected(contract)));
  });
  return router;
}
