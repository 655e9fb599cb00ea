import { Router, type Request } from 'express';
import { InvalidCursor, type PageRequest, type SavedObjectRepository } from '../../store/index.js';
import { requireCaller } from '../auth.js';
import { guardIdParameter } from '../resource-id.js';
import { fromDomainError, HttpProblem, PROBLEM_BASE } from '../problem.js';
import { entityTag, ifMatchVersions, preconditionFailed, requiredIfMatch } from '../saved-objects/preconditions.js';
import type { SavedObjectKindDefinition } from '../saved-objects/saved-object-kinds.js';
import { PageQuerySchema, savedObjectSummaryView, savedObjectView, versionSummaryView } from '../saved-objects/saved-object-views.js';
import { parseOrThrow } from '../validate.js';

/**
 * Save, list, read, update and delete one kind of object (contracts, portfolios or scenarios) of
 * the caller's organisation, with every version kept. Another organisation's object answers 404,
 * exactly like one that does not exist.
 */
export function savedObjectRoutes(definition: SavedObjectKindDefinition, objects: SavedObjectRepository): Router {
  const router = Router();
  const { kind, path } = definition;
  guardIdParameter(router);
  const notFound = (id: string) => new HttpProblem(fromDomainError({ kind: 'not-found', resource: kind, id }));

  router.post(path, async (req, res) => {
    const caller = requireCaller(res);
    const body = parseOrThrow(definition.schema, req.body);
    const saved = await objects.create(caller, kind, body.name, body);
    const view = savedObjectView(definition, saved);
    res.status(201).set({ Location: view.links.self, ETag: entityTag(saved.version) }).json(view);
  });

  router.get(path, async (req, res) => {
    const caller = requireCaller(res);
    const page = await withPage(req, (request) => objects.list(caller.organisationId, kind, request));
    res.json({ items: page.items.map((summary) => savedObjectSummaryView(definition, summary)), nextCursor: page.nextCursor });
  });

  router.get(`${path}/:id`, async (req, res) => {
    const caller = requireCaller(res);
    const saved = await objects.get(caller.organisationId, kind, req.params.id);
    if (saved === null) throw notFound(req.params.id);
    res.set('ETag', entityTag(saved.version)).json(savedObjectView(definition, saved));
  });

  router.put(`${path}/:id`, async (req, res) => {
    const caller = requireCaller(res);
    const body = parseOrThrow(definition.schema, req.body);
    const expected = requiredIfMatch(req, kind);
    const outcome = await objects.update(caller, kind, req.params.id, expected, body.name, body);
    if (outcome.outcome === 'not-found') throw notFound(req.params.id);
    if (outcome.outcome === 'stale') throw staleVersion(kind, expected, outcome.currentVersion);
    res.set('ETag', entityTag(outcome.object.version)).json(savedObjectView(definition, outcome.object));
  });

  router.delete(`${path}/:id`, async (req, res) => {
    const caller = requireCaller(res);
    const versions = ifMatchVersions(req);
    if (versions !== null && versions.length !== 1) throw preconditionFailed('If-Match must name exactly one version, like "3".');
    const outcome = await objects.delete(caller.organisationId, kind, req.params.id, versions?.[0]);
    if (outcome.outcome === 'not-found') throw notFound(req.params.id);
    if (outcome.outcome === 'stale') throw staleVersion(kind, versions![0], outcome.currentVersion);
    res.status(204).end();
  });

  router.get(`${path}/:id/versions`, async (req, res) => {
    const caller = requireCaller(res);
    const page = await withPage(req, (request) => objects.versions(caller.organisationId, kind, req.params.id, request));
    if (page === null) throw notFound(req.params.id);
    res.json({ items: page.items.map((version) => versionSummaryView(definition, req.params.id, version)), nextCursor: page.nextCursor });
  });

  router.get(`${path}/:id/versions/:version`, async (req, res) => {
    const caller = requireCaller(res);
    const version = /^[1-9]\d{0,8}$/.test(req.params.version) ? Number(req.params.version) : null;
    const saved = version === null ? null : await objects.get(caller.organisationId, kind, req.params.id, version);
    if (saved === null) throw notFound(`${req.params.id}/versions/${req.params.version}`);
    res.set('ETag', entityTag(saved.version)).json(savedObjectView(definition, saved));
  });

  return router;
}

function staleVersion(kind: string, expected: number, current: number): HttpProblem {
  return preconditionFailed(`You edited version ${expected} of this ${kind}, but it is now at version ${current}. Fetch it again, apply your change and send it with If-Match: "${current}".`);
}

/** Reads `limit` and `cursor` from the query; a cursor this service did not make is a 400. */
export async function withPage<T>(req: Request, read: (page: PageRequest) => Promise<T>): Promise<T> {
  const query = parseOrThrow(PageQuerySchema, req.query);
  try {
    return await read({ limit: query.limit, cursor: query.cursor });
  } catch (error) {
    if (error instanceof InvalidCursor) {
      throw new HttpProblem({
        type: PROBLEM_BASE + 'invalid-input',
        title: 'The request is not valid',
        status: 400,
        errors: [{ path: 'cursor', pointer: '#/cursor', message: error.message }],
      });
    }
    throw error;
  }
}
