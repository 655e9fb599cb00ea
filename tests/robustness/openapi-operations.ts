import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import type { FuzzValue } from './hostile-input.js';

/**
 * The operations of the committed OpenAPI document, and values drawn from its JSON schemas: the
 * fuzz covers every endpoint the document lists, so a new endpoint is fuzzed without editing it.
 */

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: FuzzValue[];
  const?: FuzzValue;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
};

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path template, such as /simulations/{id}. */
  path: string;
  pathParameters: string[];
  queryParameters: { name: string; schema: JsonSchema | undefined }[];
  headerParameters: string[];
  /** The JSON request body's schema, when the operation takes one. */
  bodySchema: JsonSchema | null;
}

export const openApiDocument = JSON.parse(readFileSync(new URL('../../openapi/openapi.json', import.meta.url), 'utf8')) as OpenApiDocument;

export function listOperations(document: OpenApiDocument = openApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      operations.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParameters: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        headerParameters: parameters.filter((p) => p.in === 'header').map((p) => p.name),
        bodySchema: operation.requestBody?.content['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** Nesting kept when drawing from recursive schemas, and the largest arrays and strings drawn. */
const MAX_SCHEMA_DEPTH = 12;
const MAX_DRAWN_ITEMS = 3;
const MAX_DRAWN_STRING = 24;

/**
 * Values shaped by a JSON schema: objects with their required properties (and some optional
 * ones), arrays, enums, numbers within and at the edges of their bounds. They are mostly
 * well-typed but rarely consistent (shares need not sum to one), which is what reaches the
 * domain checks behind the schema.
 */
export function arbitraryFromSchema(schema: JsonSchema, document: OpenApiDocument = openApiDocument, depth = 0): fc.Arbitrary<FuzzValue> {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    return fc.constant(null).chain(() => arbitraryFromSchema(target, document, depth + 1));
  }
  if (depth > MAX_SCHEMA_DEPTH) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) return fc.oneof(...choices.map((choice) => arbitraryFromSchema(choice, document, depth + 1)));
  if (schema.allOf !== undefined) return arbitraryFromSchema(schema.allOf[0], document, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(properties);
      if (entries.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.double(), fc.string({ maxLength: 8 })), { maxKeys: 3 });
      const record: Record<string, fc.Arbitrary<FuzzValue>> = {};
      for (const [key, property] of entries) record[key] = arbitraryFromSchema(property, document, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((key) => key in record) }) as fc.Arbitrary<FuzzValue>;
    }
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? MAX_DRAWN_ITEMS, MAX_DRAWN_ITEMS));
      return fc.array(arbitraryFromSchema(schema.items ?? {}, document, depth + 1), { minLength: Math.min(minLength, MAX_DRAWN_ITEMS), maxLength });
    }
    case 'integer': {
      const min = Math.max(schema.minimum ?? -1_000, -(2 ** 31));
      const max = Math.min(schema.maximum ?? 1_000, 2 ** 31 - 1);
      return fc.oneof(fc.integer({ min, max: Math.max(min, Math.min(max, min + 1_000)) }), fc.constantFrom(min, max));
    }
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1e6;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? 1e6;
      return fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max));
    }
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? MAX_DRAWN_STRING, MAX_DRAWN_STRING)) });
    case 'null':
      return fc.constant(null);
    default:
      return fc.oneof(fc.double(), fc.string({ maxLength: 8 }), fc.constant(null));
  }
}
