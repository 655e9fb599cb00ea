import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ReportRequestSchema } from '../../api/reports/report-request.js';
import { FundReportModelSchema } from '../../api/reports/fund-report-request.js';
import { PortfolioComparisonRequestSchema } from '../../api/routes/portfolios.js';
import { ComparisonRequestBodySchema, SensitivityRequestBodySchema, SimulationRequestBodySchema } from '../../api/runs/model-requests.js';
import { SavedScenarioSchema } from '../../api/saved-objects/saved-object-kinds.js';
import { ContractSchema } from '../../models/contract/index.js';
import { PortfolioSchema } from '../../models/portfolio/index.js';
import { ReforecastRequestSchema } from '../../api/reforecast/reforecast-request.js';
import { ActualsSchema } from '../../models/actuals/index.js';

/**
 * Every object a request body can hold refuses fields it does not declare (issue 18, item 8): the
 * request schemas are walked to their leaves, and each object must be strict (z.strictObject, whose
 * catch-all is `never`). An object added later as `z.object` would drop unknown fields without a
 * word again; this names it by where it sits.
 */
const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  'contract (POST /contracts, /contracts/evaluate)': ContractSchema,
  'portfolio (POST /portfolios, /portfolios/evaluate)': PortfolioSchema,
  'scenario (POST /scenarios)': SavedScenarioSchema,
  'POST /simulations': SimulationRequestBodySchema,
  'POST /simulations/compare': ComparisonRequestBodySchema,
  'POST /sensitivity': SensitivityRequestBodySchema,
  'POST /portfolios/compare': PortfolioComparisonRequestSchema,
  'POST /reports': ReportRequestSchema,
  'fund report model': FundReportModelSchema,
  'POST /contracts/reforecast, /contracts/reforecast/report': ReforecastRequestSchema,
  'actuals (POST /contracts/{id}/actuals as JSON)': ActualsSchema,
};

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Paths (in the schema, `[]` for array elements, `|n` for a union's option n) of objects that are not strict. */
function looseObjects(schema: unknown, at: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const walk = (child: unknown, where: string) => looseObjects(child, where, seen);
  switch (def.type) {
    case 'object': {
      const own = (def.catchall as unknown) !== undefined && defOf(def.catchall).type === 'never' ? [] : [at || '(top)'];
      return [...own, ...Object.entries(def.shape as Record<string, unknown>).flatMap(([key, child]) => walk(child, at ? `${at}.${key}` : key))];
    }
    case 'array':
      return walk(def.element, `${at}[]`);
    case 'union':
      return (def.options as unknown[]).flatMap((option, i) => walk(option, `${at}|${i}`));
    case 'intersection':
      return [...walk(def.left, at), ...walk(def.right, at)];
    case 'record':
      return walk(def.valueType, `${at}{}`);
    case 'tuple':
      return (def.items as unknown[]).flatMap((item, i) => walk(item, `${at}[${i}]`));
    case 'pipe':
      return walk(def.in, at);
    case 'lazy':
      return walk((def.getter as () => unknown)(), at);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return walk(def.innerType, at);
    default:
      return [];
  }
}

describe('request schemas', () => {
  it.each(Object.entries(REQUEST_SCHEMAS))('%s: every object is strict', (_name, schema) => {
    expect(looseObjects(schema, '')).toEqual([]);
  });

  it('finds a loose object (the walk is not vacuous)', async () => {
    const { z } = await import('zod');
    expect(looseObjects(z.strictObject({ a: z.array(z.object({ b: z.number() })) }), '')).toEqual(['a[]']);
  });
});
