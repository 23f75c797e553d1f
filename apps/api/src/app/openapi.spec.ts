import { OpenAPIObject } from '@nestjs/swagger';
import { exportOpenApiDocument } from '../tools/openapi-export';
import { REQUEST_EXAMPLE_EXTENSION } from './decorators/endpoint.decorators';
import { TAGS } from './openapi';

interface Operation {
  operationId: string;
  summary: string;
  tags?: string[];
  requestBody?: { content: Record<string, { example?: unknown }> };
}

/** Every `description` in the document, with where it is. */
function descriptionsOf(node: unknown, at = ''): Array<[string, string]> {
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]): Array<[string, string]> =>
    key === 'description' && typeof value === 'string' ? [[at, value]] : descriptionsOf(value, `${at}/${key}`),
  );
}

describe('the OpenAPI document', () => {
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    document = await exportOpenApiDocument();
    operations = Object.values(document.paths).flatMap((item) => Object.values(item) as Operation[]);
  });

  it('gives every operation a summary of its own', () => {
    const counts = new Map<string, string[]>();
    for (const { summary, operationId } of operations)
      counts.set(summary, [...(counts.get(summary) ?? []), operationId]);
    expect([...counts].filter(([, ids]) => ids.length > 1)).toEqual([]);
    expect(counts.size).toBeGreaterThanOrEqual(59);
  });

  it('lists every tag the operations use, with a description, in the order of TAGS', () => {
    const used = new Set(operations.flatMap((operation) => operation.tags ?? []));
    expect(document.tags).toEqual(TAGS.filter((tag) => used.has(tag.name)));
    expect(TAGS.filter((tag) => !used.has(tag.name))).toEqual([]);
    expect(TAGS.filter((tag) => !tag.description)).toEqual([]);
  });

  it('keeps what Markdown would take for markup inside code spans', () => {
    // Outside `code`: `<lang>` would be dropped as an HTML tag, a lone `*` or `_` start emphasis; `**bold**` is meant.
    const markup = /<|\*|(^|[^\w])_|_([^\w]|$)/;
    const prose = (text: string) => text.replace(/`[^`]*`/g, '').replace(/\*\*[^*]+\*\*/g, '');
    expect(descriptionsOf(document).filter(([, text]) => markup.test(prose(text)))).toEqual([]);
    const list = document.paths['/customer-segment/{tenant}/segments'].get?.description;
    expect(list).toContain('`name.<lang>`');
    expect(list).toContain('`mixins.*`');
  });

  it('carries a request example in every media type of every request body, and no example extension', () => {
    const withoutExample = operations.flatMap(({ operationId, requestBody }) =>
      Object.entries(requestBody?.content ?? {})
        .filter(([, media]) => media.example === undefined)
        .map(([type]) => `${operationId} ${type}`),
    );
    expect(withoutExample).toEqual([]);
    expect(operations.filter((operation) => REQUEST_EXAMPLE_EXTENSION in operation)).toEqual([]);
  });
});
