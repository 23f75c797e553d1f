import { ALL_SCOPES, SCOPE_DESCRIPTIONS } from '@cs/contracts';
import { BulkItemResponse, ErrorResponse, SegmentBulkItemResponse, SegmentErrorResponse } from '@cs/dto';
import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OAUTH_SCHEME } from './decorators/auth.decorators';
import { errorFormOf } from './filters/error-format';

export const API_TITLE = 'Customer Segment & Customer Management Service';

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
      ].join('\n'),
    )
    .addOAuth2(
      {
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: '/oauth/token',
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
  return withSegmentErrorSchemas(document);
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
