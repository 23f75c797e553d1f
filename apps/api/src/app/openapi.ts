import { ALL_SCOPES, SCOPE_DESCRIPTIONS } from '@cs/contracts';
import { BulkItemResponse, ErrorResponse, SegmentBulkItemResponse, SegmentErrorResponse } from '@cs/dto';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  TagObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DEV_CLIENT } from './config/config';
import { OAUTH_SCHEME } from './decorators/auth.decorators';
import { REQUEST_EXAMPLE_EXTENSION } from './decorators/endpoint.decorators';
import { EVENT_SCHEMAS } from './events/events.schema';
import { errorFormOf } from './filters/error-format';

export const API_TITLE = 'Customer Segment & Customer Management Service';
export const TOKEN_URL = '/oauth/token';

/** The sections of Swagger UI, in this order. */
export const TAGS: TagObject[] = [
  {
    name: 'Segments',
    description:
      'Customer segments: groups of customers of one site, with a status and a validity; and which products match them.',
  },
  {
    name: 'Customers Assignments',
    description: 'The members of a segment: customers (B2C) or customers acting for a legal entity (B2B).',
  },
  {
    name: 'Automatic Segments',
    description:
      '**Extension**: segments whose members a `criteria` computes from the customer data the service holds; previews of a criteria, exclusions, and why a customer is in a segment or not.',
  },
  {
    name: 'Items Assignments',
    description:
      "The products and categories assigned to a segment (targeted assortments), and the category trees of a customer's segments.",
  },
  {
    name: 'Catalog',
    description:
      '**Extension**: the copy of the commerce catalog (categories, products) that names the assigned items and drives category trees and match.',
  },
  {
    name: 'Legal Entities',
    description:
      'B2B customers: companies and their subsidiaries, with legal information, account limit, customer groups, addresses and approval group.',
  },
  { name: 'Locations', description: 'Addresses of legal entities: headquarters, warehouses and offices.' },
  {
    name: 'Contact Assignments',
    description: "The customers (employees) acting as a legal entity's primary, billing, logistics or other contacts.",
  },
  {
    name: 'Customers',
    description:
      '**Extension**: the customer data (names, e-mail, phone) that contact and segment assignments show, synchronised from the customer service.',
  },
  {
    name: 'Events',
    description:
      '**Extension**: every change of every resource, in commit order, as a feed to catch up from and replay (docs/events.md).',
  },
  {
    name: 'Webhooks',
    description:
      '**Extension**: the events as signed HTTP callbacks (Standard Webhooks) to the endpoints a tenant subscribes, with retries, attempts, replays and retries on request (docs/events.md).',
  },
  { name: 'OAuth', description: 'The built-in OAuth 2 issuer (client credentials) that the Authorize dialog uses.' },
  { name: 'Health', description: 'Liveness and readiness probes.' },
];

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The OpenAPI document of the running service, with an OAuth2 client-credentials scheme on the built-in issuer. */
export function buildOpenApiDocument(app: INestApplication, swaggerTenant = 'mytenant'): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(API_TITLE)
    .setVersion('1.0.0')
    .setDescription(
      [
        'Self-hostable, Emporix-compatible Customer Segment and Customer Management APIs.',
        '',
        'Authorise with the built-in issuer (client `dev-client` / `dev-secret` in local configuration) and request',
        'the scopes you need; the token is issued for the tenant named in the scope string (`tenant=<tenant> ...`):',
        'in the Authorize dialog, tick the scopes and the tenant is taken from the `tenant=...` pseudo-scope.',
        '',
        `**Examples.** The \`tenant\` parameter is pre-filled with \`${swaggerTenant}\`, the tenant of the Authorize dialog.`,
        'Every operation comes with an example that succeeds as shown on an empty tenant when the operations are tried',
        'in this order: first the writes (POST, PUT, PATCH) from top to bottom, then the reads (GET), then the deletes',
        '(DELETE) from bottom to top, so that a segment, legal entity or category exists before what refers to it and',
        'is deleted after it. Webhook endpoints have generated ids: paste the `id` their create answered as',
        '`endpointId`.',
        '',
        '**Read replicas.** Where the service reads from streaming replicas (`DATABASE_REPLICA_URLS`), the answer of',
        'every write carries an `X-Consistency-Token` header; a read that sends it back as `X-Consistency-Token` sees',
        'that write (the reads that take the header document it). Without the token a read may briefly show an',
        'earlier state.',
      ].join('\n'),
    )
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: TOKEN_URL,
            scopes: {
              [`tenant=${swaggerTenant}`]:
                'Pseudo-scope naming the tenant of the token (SWAGGER_TENANT sets which one).',
              ...Object.fromEntries(ALL_SCOPES.map((scope) => [scope, SCOPE_DESCRIPTIONS[scope]])),
            },
          },
        },
      },
      OAUTH_SCHEME,
    )
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // Tags come from each operation's docs (`operationDocs`), not from controller class names.
    autoTagControllers: false,
    operationIdFactory: (controllerKey, methodKey) => `${controllerKey}_${methodKey}`,
    extraModels: [SegmentErrorResponse, SegmentBulkItemResponse],
  });
  const operations = operationsOf(document);
  document.tags = sectionsOf(operations);
  for (const operation of operations) {
    moveRequestExample(operation);
    for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
      if (parameter.in === 'path' && parameter.name === 'tenant') parameter.example = swaggerTenant;
    }
  }
  const token = document.paths[TOKEN_URL]?.post;
  if (token) setRequestExample(token, tokenRequestExample(swaggerTenant));
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...EVENT_SCHEMAS } };
  return withSegmentErrorSchemas(document);
}

function operationsOf(document: OpenAPIObject): OperationObject[] {
  return Object.values(document.paths).flatMap((item) =>
    METHODS.flatMap((method) => (item[method] ? [item[method]] : [])),
  );
}

/** `TAGS` that operations use, in their order; a tag missing from `TAGS` comes last, without description. */
function sectionsOf(operations: OperationObject[]): TagObject[] {
  const used = new Set(operations.flatMap((operation) => operation.tags ?? []));
  const known = TAGS.filter((tag) => used.has(tag.name));
  const unknown = [...used].filter((name) => !TAGS.some((tag) => tag.name === name)).map((name) => ({ name }));
  return [...known, ...unknown];
}

/** Moves the example of `OperationDoc.requestExample` from its extension into every media type of the body. */
function moveRequestExample(operation: OperationObject): void {
  const extended = operation as OperationObject & Record<string, unknown>;
  if (!(REQUEST_EXAMPLE_EXTENSION in extended)) return;
  const example = extended[REQUEST_EXAMPLE_EXTENSION];
  delete extended[REQUEST_EXAMPLE_EXTENSION];
  setRequestExample(operation, example);
}

function setRequestExample(operation: OperationObject, example: unknown): void {
  const body = operation.requestBody;
  if (!body || !('content' in body)) {
    throw new Error(`${operation.operationId} has a request example but no request body`);
  }
  for (const media of Object.values(body.content)) media.example = example;
}

/** A token of the local configuration's client for the Swagger tenant, with every scope the client may have. */
function tokenRequestExample(swaggerTenant: string): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: DEV_CLIENT.clientId,
    client_secret: DEV_CLIENT.clientSecret,
    scope: `tenant=${swaggerTenant}`,
  };
}

/** The schemas the routes name for errors and bulk entries, and their customer-segment forms. */
const SEGMENT_FORMS = new Map([
  [schemaRef(ErrorResponse), schemaRef(SegmentErrorResponse)],
  [schemaRef(BulkItemResponse), schemaRef(SegmentBulkItemResponse)],
]);

function schemaRef(type: { name: string }): string {
  return `#/components/schemas/${type.name}`;
}

/**
 * Routes document their errors and bulk entries with the shared classes, whose `details` are the list
 * of strings; the customer-segment routes answer the one-object form (`filters/error-format.ts`), so
 * their responses name those schemas instead.
 */
function withSegmentErrorSchemas(document: OpenAPIObject): OpenAPIObject {
  const toSegmentForm = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(toSegmentForm);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' ? (SEGMENT_FORMS.get(value) ?? value) : toSegmentForm(value),
      ]),
    );
  };
  for (const [path, item] of Object.entries(document.paths)) {
    if (errorFormOf(path) === 'object') document.paths[path] = toSegmentForm(item) as typeof item;
  }
  return document;
}
