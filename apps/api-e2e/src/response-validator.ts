import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const DOCUMENT_FILE = join(__dirname, '../../../libs/client/openapi.json');

/**
 * Points every local `#/...` reference at the document registered under `id`. The `partial` variant
 * drops `required`, for responses projected with `fields`, which legitimately leave fields out.
 */
export function qualifyRefs(node: unknown, id: string, partial: boolean): unknown {
  if (Array.isArray(node)) return node.map((entry) => qualifyRefs(entry, id, partial));
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
 * and the behaviour cannot drift apart.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Array<{ method: string; pattern: RegExp; params: number; operation: OpenApiOperation }> = [];
  private readonly compiled = new Map<string, Map<unknown, ValidateFunction>>();
  readonly checked = { responses: 0, bodies: 0 };

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
  }

  /** Throws when the response is undocumented or its body does not match the schema. */
  async check(method: string, url: string, response: Response): Promise<void> {
    const { pathname: path, searchParams } = new URL(url);
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route) throw new Error(`${method} ${path}: no such operation in the OpenAPI document`);
    this.checked.responses++;
    const documented = route.operation.responses?.[String(response.status)];
    if (!documented) throw new Error(`${method} ${path}: status ${response.status} is not documented`);
    const schema = documented.content?.['application/json']?.schema;
    const text = await response.clone().text();
    if (!schema || !text || !(response.headers.get('content-type') ?? '').includes('json')) return;
    const variant = searchParams.has('fields') ? VARIANTS.projected : VARIANTS.complete;
    const cache = this.compiled.get(variant.id) as Map<unknown, ValidateFunction>;
    let validate = cache.get(schema);
    if (!validate) {
      validate = this.ajv.compile(qualifyRefs(schema, variant.id, variant.partial) as object);
      cache.set(schema, validate);
    }
    this.checked.bodies++;
    if (!validate(JSON.parse(text))) {
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
