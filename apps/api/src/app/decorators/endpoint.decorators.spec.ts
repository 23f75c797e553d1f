import 'reflect-metadata';
import { Scopes } from '@cs/contracts';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { ApiOkResponse } from '@nestjs/swagger';
import { Public, RequiresScopes, SCOPES_KEY } from './auth.decorators';
import { Endpoint, operationDocs, PublicEndpoint } from './endpoint.decorators';

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

  it('adds the operation, its tag and its details', () => {
    const endpoint = metadataOf(Endpoint(DOCS.read, Scopes.segmentRead));
    expect(endpoint['swagger/apiOperation']).toMatchObject({ operationId: 'GET-thing', summary: 'Reading a thing' });
    expect(endpoint['swagger/apiUseTags']).toEqual(['Things']);
    expect(endpoint['swagger/apiResponse']).toHaveProperty('200.description', 'The thing.');
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
