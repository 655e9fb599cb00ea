import { Router } from 'express';
import { ContractSchema, evaluateContractExpected } from '../../models/contract/index.js';
import { languageFromQuery, negotiateFormat } from '../downloads/negotiate.js';
import { sendEvaluationFile } from '../downloads/result-downloads.js';
import { parseOrThrow, unwrapOrThrow } from '../validate.js';

export function contractRoutes(): Router {
  const router = Router();
  router.post('/contracts/evaluate', async (req, res) => {
    const format = negotiateFormat(req, ['json', 'xlsx', 'csv']);
    const contract = parseOrThrow(ContractSchema, req.body);
    const evaluation = unwrapOrThrow(evaluateContractExpected(contract));
    if (format === 'json') return void res.json(evaluation);
    await sendEvaluationFile(res, format, contract, evaluation, languageFromQuery(req));
  });
  return router;
}
