import { z } from 'zod';
import { ContractSchema } from '../../models/contract/index.js';
import { ModelSpecSchema } from '../../models/model-spec.js';
import { PortfolioSchema } from '../../models/portfolio/index.js';
import { SimulationSettingsSchema } from '../../models/simulation/index.js';
import { NameSchema } from '../../models/text-schema.js';
import type { SavedObjectKind } from '../../store/index.js';

/**
 * What an organisation can save: an outcome contract, a fund portfolio, and a scenario (a model
 * with the simulation settings to run it with: a saved simulation request). Each is validated by
 * the same schema as everywhere else and stored as validated, defaults included.
 */

export const SavedScenarioSchema = z
  .strictObject({
    name: NameSchema,
    description: z.string().max(2_000).optional(),
    model: ModelSpecSchema,
    settings: SimulationSettingsSchema,
  })
  .meta({ id: 'Scenario', description: 'A saved simulation request: a model and the settings to run it with.' });

export interface SavedObjectKindDefinition {
  kind: SavedObjectKind;
  /** The collection's path, e.g. `/contracts`. */
  path: string;
  /** The schema of the object's content (the request body of POST and PUT). */
  schema: z.ZodType<{ name: string }>;
  /** Schema ids in the OpenAPI document, e.g. `SavedContract`. */
  schemaId: string;
}

export const SAVED_OBJECT_DEFINITIONS: readonly SavedObjectKindDefinition[] = [
  { kind: 'contract', path: '/contracts', schema: ContractSchema, schemaId: 'SavedContract' },
  { kind: 'portfolio', path: '/portfolios', schema: PortfolioSchema, schemaId: 'SavedPortfolio' },
  { kind: 'scenario', path: '/scenarios', schema: SavedScenarioSchema, schemaId: 'SavedScenario' },
];

export function savedObjectDefinition(kind: SavedObjectKind): SavedObjectKindDefinition {
  return SAVED_OBJECT_DEFINITIONS.find((definition) => definition.kind === kind)!;
}
