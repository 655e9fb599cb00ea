import type { Router } from 'express';
import { z } from 'zod';
import { storableText } from '../models/text-schema.js';
import { MAX_DATABASE_INTEGER } from '../store/index.js';
import { HttpProblem, PROBLEM_BASE } from './problem.js';

/**
 * The ids in paths and references (`/runs/{id}`, `model.ref.id`). Ids are text columns in
 * PostgreSQL, which cannot hold the NUL character: a query with one fails inside the database
 * ("invalid byte sequence"), so an id with NUL, or longer than any id this service makes, is
 * refused here, before any lookup.
 */
export const MAX_ID_LENGTH = 100;

/** The largest version number: saved object versions are PostgreSQL `integer`s (2^31 - 1). */
export const MAX_VERSION = MAX_DATABASE_INTEGER;

export const ResourceIdSchema = storableText(z.string().min(1).max(MAX_ID_LENGTH));

/** True when `id` could be an id of this service; anything else is simply not found. */
export function isResourceId(id: string): boolean {
  return ResourceIdSchema.safeParse(id).success;
}

/**
 * Answers 404 for every `:id` in the router's paths that no object can have, the same answer an id
 * that does not exist gets. Register on each router with id routes.
 */
export function guardIdParameter(router: Router): void {
  router.param('id', (_req, _res, next, id: string) => {
    if (isResourceId(id)) return next();
    next(new HttpProblem({ type: PROBLEM_BASE + 'not-found', title: 'Not found', status: 404, detail: 'No object has this id.' }));
  });
}
