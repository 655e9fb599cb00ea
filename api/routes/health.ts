import { Router } from 'express';
import { SOFTWARE_VERSION } from '../version.js';

export function healthRoutes(): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', version: SOFTWARE_VERSION });
  });
  return router;
}
