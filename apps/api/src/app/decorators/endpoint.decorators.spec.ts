import 'reflect-metadata';
import { Scopes } from '@cs/contracts';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { ApiOkResponse } from '@nestjs/swagger';
import { Public, RequiresScopes, SCOPES_KEY } from './auth.decorators';
import { Endpoint, operationDocs, PublicEndpoint, REQUEST_EXAMPLE_EXTENSION } from './endpoint.decorators';

const DOCS = operationDocs('Things', {
  read: {
    operationId: 'GET-thing',
    summary: 'Reading a thing',
    details: [ApiOkResponse({ description: 'The thing.' })],
  },
});

/** Every metadata entry a decorator leaves on a method, keyed by metadata key. */
function metadataOf(decorator: MethodDecorator): Record<string, unknown> {
  const target = { handler: (): string => 'handled' };
  const descriptor = { value: target.handler };
  decorator(target, 'handler', descriptor);
  const keys = Reflect.getMetadataKeys(descriptor.value) as string[];
  return Object.fromEntries(keys.map((key) => [key, Reflect.getMetadata(key, descriptor.value)]));
}

describe('Endpoint', () => {
  it('sets exactly the access metadata of RequiresScopes, the route config of the token hook included', () => {
    const endpoint = metadataOf(Endpoint(DOCS.read, Scopes.segmentRead, Scopes.segmentReadOwn));
    const scopes = metadataOf(RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn));
    expect(endpoint).toMatchObject(scopes);
    expect(endpoint[FASTIFY_ROUTE_CONFIG_METADATA]).toEqual({ needsToken: true });
  });

  it('adds the revalidation hook to the route config beside the token hook, with If-None-Match and the 304', () => {
    const endpoint = metadataOf(Endpoint({ ...DOCS.read, revalidated: true }, Scopes.segmentRead));
    expect(endpoint[FASTIFY_ROUTE_CONFIG_METADATA]).toEqual({ needsToken: true, revalidated: true });
    expect(endpoint['swagger/apiParameters']).toEqual([
      expect.objectContaining({ name: 'If-None-Match', in: 'header', required: false }),
    ]);
    expect(endpoint['swagger/apiResponse']).toHaveProperty('304');
    expect(endpoint['swagger/apiResponse']).toHaveProperty('200.description', 'The thing.');
  });

  it('adds the operation, its tag and its details', () => {
    const endpoint = metadataOf(Endpoint(DOCS.read, Scopes.segmentRead));
    expect(endpoint['swagger/apiOperation']).toMatchObject({ operationId: 'GET-thing', summary: 'Reading a thing' });
    expect(endpoint['swagger/apiUseTags']).toEqual(['Things']);
    expect(endpoint['swagger/apiResponse']).toHaveProperty('200.description', 'The thing.');
  });

  it('hands the request example to the document builder as an extension, and only when there is one', () => {
    const example = { name: { en: 'A thing' } };
    const withExample = metadataOf(Endpoint({ ...DOCS.read, requestExample: example }, Scopes.segmentManage));
    expect(withExample['swagger/apiExtension']).toHaveProperty([REQUEST_EXAMPLE_EXTENSION], example);
    expect(withExample['swagger/apiOperation']).not.toHaveProperty('requestExample');
    const without = metadataOf(Endpoint(DOCS.read, Scopes.segmentRead));
    expect(without['swagger/apiExtension']).not.toHaveProperty([REQUEST_EXAMPLE_EXTENSION]);
  });
});

describe('PublicEndpoint', () => {
  it('sets exactly the metadata of Public and asks for no token', () => {
    const endpoint = metadataOf(PublicEndpoint(DOCS.read));
    expect(endpoint).toMatchObject(metadataOf(Public()));
    expect(endpoint).not.toHaveProperty([FASTIFY_ROUTE_CONFIG_METADATA]);
    expect(endpoint).not.toHaveProperty([SCOPES_KEY]);
  });
});
