import { ErrorResponse, WebhookEndpointCreated, WebhookEndpointResponse, WebhookSecretRotated } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiFields, ApiPage } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { ENDPOINT_FIELDS } from './endpoints.fields';
import { MAX_ENDPOINTS_PER_TENANT } from './endpoints.service';

/** The `{endpointId}` of every route of an endpoint (its deliveries' too). */
export const ENDPOINT_ID = ApiParam({
  name: 'endpointId',
  description:
    'The `id` the create answered (a uuid; the example is a placeholder). Any other id, or one of another tenant, is a 404.',
  schema: { type: 'string', format: 'uuid' },
  example: '0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a',
});

const ABSENT = ApiResponse({
  status: 404,
  description: 'The tenant has no endpoint with this id.',
  type: ErrorResponse,
});

const BODY_RULES = [
  '`url` must be an absolute `https` URL without credentials or fragment that does not point to `localhost` or a',
  'loopback, link-local or private address (`http` and those addresses are allowed only with',
  '`WEBHOOKS_ALLOW_PRIVATE=true`, for local use). Host names are checked again against what they resolve to on every',
  'attempt. `eventTypes` selects the events: exact event types (`customer-segment.segment-created`) and family',
  'prefixes (`customer-segment.*`, `client-management.*`); empty or absent means every event, and an unknown type or',
  'prefix is a 400.',
].join(' ');

const EXAMPLE_BODY = {
  url: 'https://hooks.example.com/customer-segments',
  description: 'Segment changes for the CRM',
  eventTypes: ['customer-segment.*'],
};

export const ENDPOINT_DOCS = operationDocs('Webhooks', {
  create: {
    operationId: 'POST-webhook-create-endpoint',
    summary: 'Creating a webhook endpoint',
    description: [
      'Subscribes a URL to the events of the tenant: each one is POSTed to it, signed per Standard Webhooks',
      '(`webhook-id`, `webhook-timestamp`, `webhook-signature` headers). The answer holds the generated `id` and the',
      'signing `secret` (`whsec_...`): **the secret is shown only here and by the rotation**, no read returns it.',
      `${BODY_RULES} A tenant has at most ${MAX_ENDPOINTS_PER_TENANT} endpoints: one more is a 409.`,
      'Creating an endpoint does not contact it.',
    ].join(' '),
    details: [
      ApiCreatedResponse({ description: 'The endpoint has been created.', type: WebhookEndpointCreated }),
      ApiResponse({
        status: 409,
        description: `The tenant has ${MAX_ENDPOINTS_PER_TENANT} endpoints already.`,
        type: ErrorResponse,
      }),
    ],
    requestExample: EXAMPLE_BODY,
  },
  list: {
    operationId: 'GET-webhook-list-endpoints',
    summary: 'Retrieving all webhook endpoints',
    description: `Retrieves the endpoints of the tenant (never their secrets), filtered by q, sorted (default: by id) and paged (16 per page by default). ${describeQueryFields(ENDPOINT_FIELDS)}`,
    details: [ApiList(), ApiPage(WebhookEndpointResponse, 'webhook endpoints')],
  },
  get: {
    operationId: 'GET-webhook-retrieve-endpoint',
    revalidated: true,
    summary: 'Retrieving a webhook endpoint',
    description:
      'The endpoint without its secrets: `disabledReason` says why the service disabled it (`gone`: it answered 410; `failing`: every attempt failed for `WEBHOOKS_DISABLE_AFTER`), `previousSecretExpiresAt` until when the previous secret still signs after a rotation.',
    details: [ENDPOINT_ID, ApiOkResponse({ type: WebhookEndpointResponse }), ApiFields(), ABSENT],
  },
  update: {
    operationId: 'PUT-webhook-update-endpoint',
    summary: 'Updating a webhook endpoint',
    description: [
      'Replaces `url`, `description`, `eventTypes` and `active` (absent ones take their defaults) and answers 204, like',
      'the updates of the other documents; a PUT never creates (ids are generated), so an unknown id is a 404. With',
      '`metadata.version` the write succeeds only on that version (409 otherwise). `active: true` re-enables an',
      `endpoint the service disabled, clearing \`disabledReason\` and \`failingSince\`. ${BODY_RULES}`,
    ].join(' '),
    details: [
      ENDPOINT_ID,
      ApiNoContentResponse({ description: 'The endpoint has been updated.' }),
      ABSENT,
      ApiResponse({
        status: 409,
        description: '`metadata.version` differs from the stored version.',
        type: ErrorResponse,
      }),
    ],
    requestExample: { ...EXAMPLE_BODY, eventTypes: ['customer-segment.*', 'client-management.*'], active: true },
  },
  delete: {
    operationId: 'DELETE-webhook-delete-endpoint',
    summary: 'Deleting a webhook endpoint',
    description: 'Deletes the endpoint with its pending deliveries and recorded attempts; nothing more is sent to it.',
    details: [ENDPOINT_ID, ApiNoContentResponse({ description: 'The endpoint has been deleted.' }), ABSENT],
  },
  rotateSecret: {
    operationId: 'POST-webhook-rotate-endpoint-secret',
    summary: 'Rotating the secret of a webhook endpoint',
    description: [
      'Gives the endpoint a new signing secret, shown only in this answer. The previous secret keeps signing for',
      '`WEBHOOKS_SECRET_OVERLAP` (24 hours by default) until `previousSecretExpiresAt`: during that overlap every message',
      'carries both signatures in `webhook-signature`, as Standard Webhooks allows, so receivers can switch to the new',
      'secret without missing a message. With an overlap of 0 the previous secret stops at once',
      '(`previousSecretExpiresAt: null`).',
    ].join(' '),
    details: [ENDPOINT_ID, ApiOkResponse({ type: WebhookSecretRotated }), ABSENT],
  },
});
