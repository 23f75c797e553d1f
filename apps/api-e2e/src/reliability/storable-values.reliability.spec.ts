import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope } from '@cs/contracts';
import { isErrorBody } from './harness';
import { problemFields } from '../fixtures';
import { JsonAnswer, sendJson } from '../support';

/**
 * Values Postgres cannot hold (NUL in any string or key, integers beyond int4, dates outside the years
 * 0001-9999) are refused by validation, naming the field: per item in bulk requests, so the other items
 * are applied, and with a 400 (never a 500) on single writes.
 */
const S = `/customer-segment/${TEST_TENANT}`;
const CM = `/customer-management/${TEST_TENANT}`;
const NUL = '\u0000';
const INT4_OVERFLOW = 2 ** 31;
const AFTER_JS_DATES = '+275760-09-13T00:00:00Z';
const YEAR_ZERO = '0000-06-01T00:00:00Z';

describe('reliability: values Postgres cannot store', () => {
  let server: TestServer;
  let staff: string;

  const api = (method: string, path: string, body?: unknown) => sendJson(server.baseUrl, staff, method, path, body);

  /** The 207 answer as one entry per item: its code, or for a 400 the fields its details name. */
  const outcomes = (answer: JsonAnswer) => {
    expect(answer.status).toBe(207);
    return (answer.json as Array<{ code: number }>).map((entry) =>
      entry.code === 400 ? { field: problemFields(entry).join(', ') } : entry.code,
    );
  };
  const count = async (table: string, ids: string[], column = 'id') => {
    const [{ n }] = await server.db.query(
      `SELECT count(*)::int AS n FROM ${table} WHERE tenant = $1 AND ${column} = ANY($2::text[])`,
      [TEST_TENANT, ids],
    );
    return n as number;
  };
  const refused = (answer: JsonAnswer, field: string) => {
    expect({ status: answer.status, errorBody: isErrorBody(answer.json, answer.status) }).toEqual({
      status: 400,
      errorBody: true,
    });
    expect(problemFields(answer.json)).toContain(field);
  };

  beforeAll(async () => {
    server = await startTestServer();
    staff = await server.token(ALL_SCOPES.filter((scope) => !isOwnScope(scope)));
    expect((await api('PUT', `${S}/segments/st-seg`, { name: { en: 'fixture' }, siteCode: 'main' })).status).toBe(201);
    expect((await api('PUT', `${S}/segments/st-seg/customers/st-known`)).status).toBe(201);
    expect((await api('PUT', `${S}/segments/st-seg/items/PRODUCT/st-known`)).status).toBe(201);
    expect((await api('PUT', `${S}/catalog/categories/bulk`, [{ id: 'st-known', name: { en: 'known' } }])).status).toBe(
      207,
    );
    expect((await api('PUT', `${CM}/legal-entities/st-le`, { name: 'fixture', type: 'COMPANY' })).status).toBe(201);
  });
  afterAll(() => server.close());

  it('POST segments/bulk: a NUL in a name or mixins and dates outside 0001-9999 fail alone', async () => {
    const segment = (id: string, extra: object = {}) => ({ id, name: { en: id }, siteCode: 'main', ...extra });
    const answer = await api('POST', `${S}/segments/bulk`, [
      segment('st-c1'),
      segment('st-c2', { name: { en: `a${NUL}b` } }),
      segment('st-c3', { mixins: { a: { b: [`x${NUL}`] } } }),
      segment('st-c4', { validity: { from: YEAR_ZERO } }),
      segment('st-c5', { validity: { from: '2024-01-01T00:00:00Z', to: AFTER_JS_DATES } }),
      segment('st-c6', { validity: { from: '2023-02-29T00:00:00Z' } }),
      segment('st-c7'),
    ]);
    expect(outcomes(answer)).toEqual([
      201,
      { field: 'name.en' },
      { field: 'mixins.a.b.0' },
      { field: 'validity.from' },
      { field: 'validity.to' },
      { field: 'validity.from' },
      201,
    ]);
    expect(await count('segment', ['st-c1', 'st-c2', 'st-c3', 'st-c4', 'st-c5', 'st-c6', 'st-c7'])).toBe(2);
  });

  it('PUT segments/bulk: an int4-overflowing metadata.version of an existing segment and a NUL in siteCode fail alone', async () => {
    const answer = await api('PUT', `${S}/segments/bulk`, [
      { id: 'st-seg', name: { en: 'fixture' }, siteCode: 'main', metadata: { version: INT4_OVERFLOW } },
      { id: 'st-u1', name: { en: 'u1' }, siteCode: `main${NUL}` },
      {
        id: 'st-u2',
        name: { en: 'u2' },
        siteCode: 'main',
        metadata: { version: 1, mixins: { [`k${NUL}`]: 'https://example.com' } },
      },
      { id: 'st-u3', name: { en: 'u3' }, siteCode: 'main' },
    ]);
    expect(outcomes(answer)).toEqual([
      { field: 'metadata.version' },
      { field: 'siteCode' },
      { field: `metadata.mixins.k${NUL}` },
      201,
    ]);
    expect(await count('segment', ['st-u1', 'st-u2', 'st-u3'])).toBe(1);
    expect(
      (await server.db.query('SELECT version FROM segment WHERE tenant = $1 AND id = $2', [TEST_TENANT, 'st-seg']))[0]
        .version,
    ).toBe(1);
  });

  it('customer assignment bulks: NUL ids and mixins and an int4-overflowing version fail alone', async () => {
    const upserted = await api('PUT', `${S}/segments/st-seg/customers/bulk`, [
      { customerId: `c${NUL}` },
      { customerId: 'st-ok1' },
      { customerId: 'st-known', metadata: { version: INT4_OVERFLOW } },
      { customerId: 'st-ok2', legalEntityId: `le${NUL}` },
      { customerId: 'st-ok3', mixins: { a: `x${NUL}` } },
      { customerId: 'st-ok4', legalEntityId: 'st-le' },
    ]);
    expect(outcomes(upserted)).toEqual([
      { field: 'customerId' },
      201,
      { field: 'metadata.version' },
      { field: 'legalEntityId' },
      { field: 'mixins.a' },
      201,
    ]);
    expect(await count('customer_assignment', ['st-ok1', 'st-ok2', 'st-ok3', 'st-ok4'], 'customer_id')).toBe(2);
    const removed = await api('DELETE', `${S}/segments/st-seg/customers/bulk`, [
      { customerId: `st-ok1${NUL}` },
      { customerId: 'st-ok1' },
    ]);
    expect(outcomes(removed)).toEqual([{ field: 'customerId' }, 204]);
    expect(await count('customer_assignment', ['st-ok1'], 'customer_id')).toBe(0);
  });

  it('item assignment bulks: NUL ids and an int4-overflowing version fail alone', async () => {
    const upserted = await api('PUT', `${S}/segments/st-seg/items/PRODUCT/bulk`, [
      { id: `p${NUL}` },
      { id: 'st-p1' },
      { id: 'st-known', metadata: { version: INT4_OVERFLOW } },
      { id: 'st-p2', mixins: { [NUL]: 1 } },
    ]);
    expect(outcomes(upserted)).toEqual([
      { field: 'id' },
      201,
      { field: 'metadata.version' },
      { field: `mixins.${NUL}` },
    ]);
    expect(await count('item_assignment', ['st-p1', 'st-p2'], 'item_id')).toBe(1);
    const removed = await api('DELETE', `${S}/segments/st-seg/items/PRODUCT/bulk`, [`st-p1${NUL}`, 'st-p1']);
    expect(outcomes(removed)).toEqual([{ field: 'id' }, 204]);
    expect(await count('item_assignment', ['st-p1'], 'item_id')).toBe(0);
  });

  it('catalog bulks: NUL texts, an int4-overflowing position or version and unstorable dates fail alone', async () => {
    const categories = await api('PUT', `${S}/catalog/categories/bulk`, [
      { id: `c${NUL}` },
      { id: 'st-k1', position: INT4_OVERFLOW },
      { id: 'st-k2', validity: { from: AFTER_JS_DATES } },
      { id: 'st-k3', validity: { to: '0000-06-01' } },
      { id: 'st-k4', ecn: ['ok', `e${NUL}`] },
      { id: 'st-known', metadata: { version: INT4_OVERFLOW } },
      { id: 'st-k5', position: -(2 ** 31), validity: { from: '2024-01-01', to: '9999-12-31T23:59:59Z' } },
    ]);
    expect(outcomes(categories)).toEqual([
      { field: 'id' },
      { field: 'position' },
      { field: 'validity.from' },
      { field: 'validity.to' },
      { field: 'ecn.1' },
      { field: 'metadata.version' },
      201,
    ]);
    expect(await count('catalog_category', ['st-k1', 'st-k2', 'st-k3', 'st-k4', 'st-k5'])).toBe(1);
    const products = await api('PUT', `${S}/catalog/products/bulk`, [
      { id: 'st-q1', categoryIds: [`k${NUL}`] },
      { id: 'st-q2', code: NUL },
      { id: 'st-q3', name: { en: 'ok' } },
    ]);
    expect(outcomes(products)).toEqual([{ field: 'categoryIds.0' }, { field: 'code' }, 201]);
    expect(await count('catalog_product', ['st-q1', 'st-q2', 'st-q3'])).toBe(1);
    expect(outcomes(await api('DELETE', `${S}/catalog/categories/bulk`, [`st-k5${NUL}`, 'st-k5']))).toEqual([
      { field: 'id' },
      204,
    ]);
    expect(outcomes(await api('DELETE', `${S}/catalog/products/bulk`, [`st-q3${NUL}`, 'st-q3']))).toEqual([
      { field: 'id' },
      204,
    ]);
    expect(await count('catalog_category', ['st-k5'])).toBe(0);
  });

  it('segment and customer data deletes and the customer data sync: NUL ids and texts fail alone', async () => {
    expect(outcomes(await api('DELETE', `${S}/segments/bulk`, [`st-c7${NUL}`, 'st-c7']))).toEqual([
      { field: 'id' },
      204,
    ]);
    const synced = await api('PUT', `${CM}/customers/bulk`, [
      { id: 'st-n1', firstName: `F${NUL}` },
      { id: 'st-n2', mixins: { crm: { note: NUL } } },
      { id: 'st-n3', firstName: 'F' },
    ]);
    expect(outcomes(synced)).toEqual([{ field: 'firstName' }, { field: 'mixins.crm.note' }, 201]);
    expect(await count('customer', ['st-n1', 'st-n2', 'st-n3'])).toBe(1);
    expect(outcomes(await api('DELETE', `${CM}/customers/bulk`, [`st-n3${NUL}`, 'st-n3']))).toEqual([
      { field: 'id' },
      204,
    ]);
  });

  it('single writes answer 400 naming the field, never 500', async () => {
    refused(
      await api('PUT', `${S}/segments/st-seg`, { name: { en: 'x' }, description: { en: `d${NUL}` }, siteCode: 'main' }),
      'description.en',
    );
    refused(
      await api('PUT', `${S}/segments/st-seg`, { name: { en: 'x' }, siteCode: 'main', validity: { from: YEAR_ZERO } }),
      'validity.from',
    );
    refused(
      await api('POST', `${S}/segments`, { name: { en: 'x' }, siteCode: 'main', mixins: { [`a${NUL}`]: {} } }),
      `mixins.a${NUL}`,
    );
    refused(await api('PATCH', `${S}/segments/st-seg`, [{ op: 'add', path: '/mixins/a', value: NUL }]), 'mixins.a');
    refused(
      await api('PUT', `${S}/segments/st-seg`, {
        name: { en: 'x' },
        siteCode: 'main',
        metadata: { version: INT4_OVERFLOW },
      }),
      'metadata.version',
    );
    refused(await api('PUT', `${S}/segments/st-seg/customers/${encodeURIComponent(`c${NUL}`)}`), 'customerId');
    refused(
      await api('PUT', `${S}/segments/st-seg/customers/st-known/${encodeURIComponent(`le${NUL}`)}`),
      'legalEntityId',
    );
    refused(await api('PUT', `${S}/segments/st-seg/items/PRODUCT/${encodeURIComponent(`p${NUL}`)}`, {}), 'itemId');
    refused(
      await api('PUT', `${S}/segments/st-seg/items/PRODUCT/st-known`, { metadata: { version: INT4_OVERFLOW } }),
      'metadata.version',
    );
    refused(await api('PUT', `${CM}/legal-entities/st-le`, { name: `n${NUL}`, type: 'COMPANY' }), 'name');
    refused(
      await api('PUT', `${CM}/legal-entities/st-le`, {
        name: 'n',
        type: 'COMPANY',
        metadata: { version: INT4_OVERFLOW },
      }),
      'metadata.version',
    );
    refused(
      await api('POST', `${CM}/locations`, { name: 'n', type: 'OFFICE', contactDetails: { city: `c${NUL}` } }),
      'contactDetails.city',
    );
    refused(
      await api('POST', `${CM}/contact-assignments`, { legalEntity: { id: 'st-le' }, customer: { id: `c${NUL}` } }),
      'customer.id',
    );
    expect((await api('GET', `${S}/segments/st-seg`)).json).toMatchObject({
      name: { en: 'fixture' },
      metadata: { version: 1 },
    });
  });
});
