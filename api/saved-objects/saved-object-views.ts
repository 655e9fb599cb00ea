import { z } from 'zod';
import { SAVED_OBJECT_KINDS, type SavedObjectSummary, type SavedObjectVersion, type VersionSummary } from '../../store/index.js';
import type { SavedObjectKindDefinition } from './saved-object-kinds.js';

/** How saved objects look over HTTP: one schema per kind for an object, shared ones for lists. */

/** A saved object's version as JSON, with its content under the kind's name (`contract`, ...). */
export function savedObjectSchema(definition: SavedObjectKindDefinition) {
  return z
    .object({
      id: z.string(),
      kind: z.literal(definition.kind),
      name: z.string(),
      version: z.number().int().describe('This version; it is also the ETag to send as If-Match when updating.'),
      savedAt: z.string().describe('ISO 8601 time this version was saved.'),
      savedByKey: z.string().nullable().describe('Id of the API key that saved this version.'),
      [definition.kind]: definition.schema,
      links: z.object({ self: z.string(), versions: z.string() }),
    })
    .meta({ id: definition.schemaId, description: `A saved ${definition.kind}, one version of it.` });
}

export const SavedObjectSummarySchema = z
  .object({
    id: z.string(),
    kind: z.enum(SAVED_OBJECT_KINDS),
    name: z.string(),
    version: z.number().int().describe('The current version.'),
    createdAt: z.string(),
    updatedAt: z.string(),
    links: z.object({ self: z.string(), versions: z.string() }),
  })
  .meta({ id: 'SavedObjectSummary' });

export const SavedObjectPageSchema = z
  .object({
    items: z.array(SavedObjectSummarySchema),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .meta({ id: 'SavedObjectPage', description: 'A page of saved objects, newest first.' });

export const SavedObjectVersionSummarySchema = z
  .object({
    version: z.number().int(),
    name: z.string(),
    savedAt: z.string(),
    savedByKey: z.string().nullable(),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'SavedObjectVersionSummary' });

export const SavedObjectVersionPageSchema = z
  .object({ items: z.array(SavedObjectVersionSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'SavedObjectVersionPage', description: 'The versions of a saved object, newest first.' });

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1 to 200).'),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page.'),
});

const objectPath = (definition: SavedObjectKindDefinition, id: string) => `${definition.path}/${encodeURIComponent(id)}`;

export function savedObjectView(definition: SavedObjectKindDefinition, saved: SavedObjectVersion) {
  const self = objectPath(definition, saved.id);
  return {
    id: saved.id,
    kind: saved.kind,
    name: saved.name,
    version: saved.version,
    savedAt: saved.createdAt.toISOString(),
    savedByKey: saved.createdByKey,
    [saved.kind]: saved.body,
    links: { self, versions: `${self}/versions` },
  };
}

export function savedObjectSummaryView(definition: SavedObjectKindDefinition, summary: SavedObjectSummary): z.infer<typeof SavedObjectSummarySchema> {
  const self = objectPath(definition, summary.id);
  return {
    id: summary.id,
    kind: summary.kind,
    name: summary.name,
    version: summary.version,
    createdAt: summary.createdAt.toISOString(),
    updatedAt: summary.updatedAt.toISOString(),
    links: { self, versions: `${self}/versions` },
  };
}

export function versionSummaryView(definition: SavedObjectKindDefinition, id: string, version: VersionSummary): z.infer<typeof SavedObjectVersionSummarySchema> {
  return {
    version: version.version,
    name: version.name,
    savedAt: version.createdAt.toISOString(),
    savedByKey: version.createdByKey,
    links: { self: `${objectPath(definition, id)}/versions/${version.version}` },
  };
}
