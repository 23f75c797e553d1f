import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';

/** A minimal view of an OpenAPI 3 document, enough to compare contracts. */
export interface OpenApiDoc {
  paths: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, unknown>;
    responses?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    requestBodies?: Record<string, unknown>;
  };
}

interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  responses?: Record<string, unknown>;
  requestBody?: unknown;
}

export const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

export function loadYaml(file: string): OpenApiDoc {
  return load(readFileSync(file, 'utf8')) as OpenApiDoc;
}

export function operations(doc: OpenApiDoc): Map<string, Operation> {
  const result = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as Operation | undefined;
      if (operation) result.set(`${method.toUpperCase()} ${path}`, operation);
    }
  }
  return result;
}

export function scopesOf(operation: Operation): string[] {
  return [...new Set((operation.security ?? []).flatMap((entry) => Object.values(entry).flat()))].sort();
}

function deref(doc: OpenApiDoc, node: unknown, seen = new Set<string>()): Record<string, unknown> {
  let current = node as Record<string, unknown> | undefined;
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) return {};
    seen.add(ref);
    current = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc) as
      Record<string, unknown> | undefined;
  }
  return current ?? {};
}

/**
 * Flattens a schema into `path -> type` (`items[].id -> string`): allOf/oneOf/anyOf merged,
 * $refs resolved, recursion cut at a depth so self-referencing trees terminate.
 */
export function fieldTypes(
  doc: OpenApiDoc,
  schema: unknown,
  prefix = '',
  depth = 0,
  out = new Map<string, string>(),
): Map<string, string> {
  const node = deref(doc, schema);
  if (depth > 12) return out;
  const alternatives = [...((node.oneOf as unknown[]) ?? []), ...((node.anyOf as unknown[]) ?? [])];
  if (prefix && alternatives.length) {
    const types = alternatives.map((part) => (deref(doc, part).type as string | undefined) ?? 'object');
    out.set(prefix, [...new Set(types.map((type) => (type === 'integer' ? 'number' : type)))].join('|'));
  }
  for (const part of [...((node.allOf as unknown[]) ?? []), ...alternatives]) {
    fieldTypes(doc, part, prefix, depth + 1, out);
  }
  const type = node.type as string | undefined;
  if (type === 'array' || node.items) {
    if (prefix) out.set(prefix, 'array');
    fieldTypes(doc, node.items, `${prefix}[]`, depth + 1, out);
    return out;
  }
  const properties = node.properties as Record<string, unknown> | undefined;
  if (type && prefix && !out.has(prefix)) out.set(prefix, type === 'integer' ? 'number' : type);
  if (properties) {
    if (prefix && !out.has(prefix)) out.set(prefix, 'object');
    for (const [name, property] of Object.entries(properties)) {
      fieldTypes(doc, property, prefix ? `${prefix}.${name}` : name, depth + 1, out);
    }
  }
  return out;
}

function jsonSchema(doc: OpenApiDoc, holder: unknown): unknown {
  const content = deref(doc, holder).content as Record<string, { schema?: unknown }> | undefined;
  return content?.['application/json']?.schema;
}

export function requestFields(doc: OpenApiDoc, operation: Operation): Map<string, string> {
  return fieldTypes(doc, jsonSchema(doc, operation.requestBody));
}

export function responseFields(doc: OpenApiDoc, operation: Operation, status: string): Map<string, string> {
  return fieldTypes(doc, jsonSchema(doc, operation.responses?.[status]));
}

/** Reference fields missing from ours, or of another type. */
export function fieldDifferences(reference: Map<string, string>, ours: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [path, type] of reference) {
    const actual = ours.get(path);
    if (actual === undefined) problems.push(`missing ${path}`);
    else if (!compatible(type, actual)) problems.push(`${path}: ${actual} instead of ${type}`);
  }
  return problems;
}

/** Same type, or overlapping alternatives (`oneOf`); a reference object may be documented more precisely. */
function compatible(reference: string, actual: string): boolean {
  const expected = reference.split('|');
  return actual.split('|').some((type) => expected.includes(type)) || (reference === 'object' && actual !== 'array');
}
