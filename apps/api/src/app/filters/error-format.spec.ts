import { ITEM_PROBLEMS } from '../errors/error-report';
import { OAuthError } from '../errors/oauth-error';
import { errorBody } from './error-body';
import { errorFormOf, renderBulkItem, renderErrorBody } from './error-format';
import { toErrorBody } from './error-mapping';

describe('error bodies per contract file', () => {
  const problems = [
    { field: 'name', type: 'isObject', message: 'name must be an object' },
    { field: 'status', type: 'isEnum', message: 'status must be one of: ACTIVE, INACTIVE' },
    { message: 'The segment must have a site.' },
  ];
  const report = errorBody(400, 'Invalid request: name, status.', 'seg-1', problems);

  it('takes the form of the file whose paths the route belongs to', () => {
    expect(errorFormOf('/customer-segment/t1/segments/s1?fields=id')).toBe('object');
    expect(errorFormOf('/customer-segment/t1/catalog/products/bulk')).toBe('object');
    expect(errorFormOf('/customer-segment')).toBe('object');
    expect(errorFormOf('/customer-management/t1/legal-entities')).toBe('strings');
    expect(errorFormOf('/customer-segmentation/t1')).toBe('strings');
    expect(errorFormOf('/oauth/token')).toBe('oauth');
    expect(errorFormOf('/oauth/token?x=1')).toBe('oauth');
    expect(errorFormOf('/oauth/jwks')).toBe('strings');
    expect(errorFormOf('/health')).toBe('strings');
  });

  it('writes every problem as "<field>: <message>" for customer management', () => {
    expect(renderErrorBody(report, 'strings')).toEqual({
      code: 400,
      status: 'Bad Request',
      message: 'Invalid request: name, status.',
      resourceId: 'seg-1',
      details: [
        'name: name must be an object',
        'status: status must be one of: ACTIVE, INACTIVE',
        'The segment must have a site.',
      ],
    });
  });

  it('writes the first problem as the object for customer segments, the message naming every one', () => {
    expect(renderErrorBody(report, 'object')).toEqual({
      code: 400,
      status: 'Bad Request',
      message:
        'Invalid request: name, status. name: name must be an object; status: status must be one of: ACTIVE, INACTIVE; ' +
        'The segment must have a site.',
      resourceId: 'seg-1',
      details: { field: 'name', type: 'isObject', message: 'name must be an object' },
    });
    const single = errorBody(400, 'Invalid request: name.', undefined, problems.slice(0, 1));
    expect(renderErrorBody(single, 'object')).toEqual({
      code: 400,
      status: 'Bad Request',
      message: 'Invalid request: name.',
      details: problems[0],
    });
  });

  it('leaves bodies without problems as they are', () => {
    const notFound = errorBody(404, 'Segment not found.', 's1');
    expect(renderErrorBody(notFound, 'object')).toEqual(notFound);
    expect(renderErrorBody(notFound, 'strings')).toEqual(notFound);
  });

  it('renders the problems of a failed bulk item in the same forms, and passes other entries on', () => {
    const failed = {
      index: 2,
      code: 400,
      status: 'Bad Request',
      message: 'Invalid request: name.',
      [ITEM_PROBLEMS]: problems.slice(0, 2),
    };
    expect(renderBulkItem(failed, 'strings')).toEqual({
      index: 2,
      code: 400,
      status: 'Bad Request',
      message: 'Invalid request: name.',
      details: ['name: name must be an object', 'status: status must be one of: ACTIVE, INACTIVE'],
    });
    expect(renderBulkItem(failed, 'object')).toEqual({
      index: 2,
      code: 400,
      status: 'Bad Request',
      message: 'Invalid request: name. name: name must be an object; status: status must be one of: ACTIVE, INACTIVE.',
      details: problems[0],
    });
    const created = { index: 0, code: 201, status: 'Created', id: 'a' };
    expect(renderBulkItem(created, 'object')).toEqual(created);
  });

  it('answers the 4xx of the token endpoint as RFC 6749 errors, its 5xx with the Emporix body', () => {
    const refused = toErrorBody(new OAuthError('invalid_scope', "Unknown scope parameter 'colour'."));
    expect(renderErrorBody(refused, 'oauth')).toEqual({
      error: 'invalid_scope',
      error_description: "Unknown scope parameter 'colour'.",
    });
    expect(renderErrorBody(toErrorBody(new OAuthError('invalid_client', 'Invalid client.', 401)), 'oauth')).toEqual({
      error: 'invalid_client',
      error_description: 'Invalid client.',
    });
    // Errors that are not the issuer's: a malformed body, a 413; printable ASCII without " and \ only.
    expect(renderErrorBody(errorBody(400, 'Bad "JSON" \\ é', undefined, problems.slice(0, 1)), 'oauth')).toEqual({
      error: 'invalid_request',
      error_description: 'Bad ?JSON? ? ? name: name must be an object',
    });
    expect(renderErrorBody(errorBody(413, 'Too large.'), 'oauth')).toEqual({
      error: 'invalid_request',
      error_description: 'Too large.',
    });
    expect(renderErrorBody(errorBody(503, 'Busy.'), 'oauth')).toEqual({
      code: 503,
      status: 'Service Unavailable',
      message: 'Busy.',
    });
  });
});
