import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const DOCUMENT_FILE = join(__dirname, '../../../libs/client/openapi.json');
const CONTRACT_DIR = join(__dirname, '../../../contract');

/** The error body schema each reference file declares, and the paths of its routes (extensions included). */
const CONTRACT_ERRORS = [
  { paths: /^\/customer-segment\//, file: 'customer-segment.api.yml', schema: 'Error' },
  { paths: /^\/customer-management\//, file: 'customer-management.api.yml', schema: 'errorMessage' },
];

/**
 * Points every local `#/...` reference at the document registered under `id`. The `partial` variant
 * drops `required`, for responses projected with `fields`, which legitimately leave fields out.
 * OpenAPI 3.0's `nullable: true` also admits null where Ajv's `nullable` alone does not: beside `allOf: [$ref]` (a
 * nullable reference, as Nest writes it) and beside an `enum` without null.
 */
export function qualifyRefs(node: unknown, id: string, partial: boolean): unknown {
  if (Array.isArray(node)) return node.map((entry) => qualifyRefs(entry, id, partial));
  if (node && typeof node === 'object' && (node as { nullable?: unknown }).nullable === true) {
    const { nullable: _nullable, ...schema } = node as Record<string, unknown>;
    if ('allOf' in schema) return { anyOf: [{ type: 'null' }, qualifyRefs(schema, id, partial)] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null))
      return { ...(qualifyRefs(schema, id, partial) as object), nullable: true, enum: [...schema.enum, null] };
  }
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node)
        .filter(([key, value]) => !(partial && key === 'required' && Array.isArray(value)))
        .map(([key, value]) => [
          key,
          key === '$ref' && typeof value === 'string' && value.startsWith('#/')
            ? `${id}${value}`
            : qualifyRefs(value, id, partial),
        ]),
    );
  }
  return node;
}

const VARIANTS = { complete: { id: 'openapi', partial: false }, projected: { id: 'openapi-projected', partial: true } };

/**
 * Checks every response the e2e tests receive against the committed OpenAPI document: the status
 * must be documented for the operation, and a JSON body must match its schema. So the document
 * and the behaviour cannot drift apart. Error bodies (4xx and 5xx but 401) must also match the error
 * schema of the reference file the route belongs to, so neither can drift from the contract.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Array<{ method: string; pattern: RegExp; params: number; operation: OpenApiOperation }> = [];
  private readonly compiled = new Map<string, Map<unknown, ValidateFunction>>();
  private readonly contractErrors: Array<{ paths: RegExp; name: string; validate: ValidateFunction }> = [];
  readonly checked = { responses: 0, bodies: 0, contractErrors: 0 };

  constructor(documentFile = DOCUMENT_FILE) {
    const document = JSON.parse(readFileSync(documentFile, 'utf8')) as {
      paths: Record<string, Record<string, OpenApiOperation>>;
      components: unknown;
    };
    addFormats(this.ajv);
    for (const { id, partial } of Object.values(VARIANTS)) {
      this.ajv.addSchema({ $id: id, components: qualifyRefs(document.components, id, partial) });
      this.compiled.set(id, new Map());
    }
    for (const [path, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
      for (const [method, operation] of Object.entries(item)) {
        this.routes.push({
          method: method.toUpperCase(),
          pattern,
          params: (path.match(/\{/g) ?? []).length,
          operation,
        });
      }
    }
    // Literal segments win over parameters (`/segments/search` before `/segments/{segmentId}`).
    this.routes.sort((a, b) => a.params - b.params);
    for (const { paths, file, schema } of CONTRACT_ERRORS) {
      const contract = load(readFileSync(join(CONTRACT_DIR, file), 'utf8')) as { components: unknown };
      const id = `contract:${file}`;
      this.ajv.addSchema({ $id: id, components: qualifyRefs(contract.components, id, false) });
      const validate = this.ajv.compile({ $ref: `${id}#/components/schemas/${schema}` });
      this.contractErrors.push({ paths, name: `${file} ${schema}`, validate });
    }
  }

  /** Throws when the response is undocumented or its body does not match the schema. */
  async check(method: string, url: string, response: Response): Promise<void> {
    const { pathname: path, searchParams } = new URL(url);
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route) throw new Error(`${method} ${path}: no such operation in the OpenAPI document`);
    this.checked.responses++;
    const text = await response.clone().text();
    const body: unknown =
      text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
    const contract = this.contractErrors.find((candidate) => candidate.paths.test(path));
    if (contract && body !== undefined && response.status >= 400 && response.status !== 401) {
      this.checked.contractErrors++;
      if (!contract.validate(body))
        throw new Error(
          `${method} ${path} ${response.status}: error body does not match ${contract.name}: ${this.ajv.errorsText(contract.validate.errors)}\n${text.slice(0, 2000)}`,
        );
    }
    const documented = route.operation.responses?.[String(response.status)];
    if (!documented) throw new Error(`${method} ${path}: status ${response.status} is not documented`);
    const schema = documented.content?.['application/json']?.schema;
    if (!schema || body === undefined) return;
    const variant = searchParams.has('fields') ? VARIANTS.projected : VARIANTS.complete;
    const cache = this.compiled.get(variant.id) as Map<unknown, ValidateFunction>;
    let validate = cache.get(schema);
    if (!validate) {
      validate = this.ajv.compile(qualifyRefs(schema, variant.id, variant.partial) as object);
      cache.set(schema, validate);
    }
    this.checked.bodies++;
    if (!validate(body)) {
      throw new Error(
        `${method} ${path} ${response.status}: body does not match the documented schema: ${this.ajv.errorsText(validate.errors)}\n${text.slice(0, 2000)}`,
      );
    }
  }

  /** A fetch that checks every response before handing it on. */
  fetch(): typeof fetch {
    return async (input, init) => {
      const request = new Request(input as string | URL | Request, init);
      const response = await fetch(request.clone());
      await this.check(request.method, request.url, response);
      return response;
    };
  }
}
