import { startTestServer, TEST_TENANT, TestServer } from '@cs/api/testing';
import { ALL_SCOPES, isOwnScope } from '@cs/contracts';
import { detailsNaming } from './fixtures';
import { sendJson } from './support';

/** Localized maps take language tags as keys (`en`, `de-CH`, `zh-Hant-TW`) on every write, and so does Content-Language. */
const S = `/customer-segment/${TEST_TENANT}`;
const CM = `/customer-management/${TEST_TENANT}`;
const NOT_TAGS = ['', '-', '😀', 'e', 'english', 'en_US', 'en-', 'en--US', ' en', 'en-abcdefghi', 'constructor'];

describe('localized maps: language tags only', () => {
  let server: TestServer;
  let staff: string;

  const api = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    sendJson(server.baseUrl, staff, method, path, body, headers);

  /** A 400 (of a request or of a bulk item) of a customer-segment route whose details (one object) name `field`. */
  const refusedNaming = (field: string) =>
    expect.objectContaining({ code: 400, details: expect.objectContaining({ field }) });

  beforeAll(async () => {
    server = await startTestServer();
    staff = await server.token(ALL_SCOPES.filter((scope) => !isOwnScope(scope)));
    expect((await api('PUT', `${S}/segments/loc-seg`, { name: { en: 'fixture' }, siteCode: 'main' })).status).toBe(201);
  });
  afterAll(() => server.close());

  it('stores and returns maps keyed by language tags', async () => {
    const name = { en: 'Gold', 'de-CH': 'Gold (CH)', 'zh-Hant-TW': '金', 'es-419': 'Oro', fil: 'Ginto' };
    expect(
      (await api('PUT', `${S}/segments/loc-ok`, { name, description: { 'EN-gb': 'Gold' }, siteCode: 'main' })).status,
    ).toBe(201);
    expect((await api('GET', `${S}/segments/loc-ok`)).json).toMatchObject({ name, description: { 'EN-gb': 'Gold' } });
    expect(
      (
        await api(
          'PUT',
          `${S}/segments/loc-ok`,
          { name: 'Gold (DE)', siteCode: 'main' },
          { 'content-language': 'de-DE' },
        )
      ).status,
    ).toBe(204);
    expect((await api('GET', `${S}/segments/loc-ok`)).json.name).toEqual({ ...name, 'de-DE': 'Gold (DE)' });
  });

  it.each(NOT_TAGS)(
    'refuses the key %j in every localized map of segments, naming the field, and stores nothing',
    async (key) => {
      const bad = { en: 'ok', [key]: 'x' };
      expect((await api('POST', `${S}/segments`, { id: 'loc-new', name: bad, siteCode: 'main' })).json).toEqual(
        refusedNaming('name'),
      );
      expect(
        (await api('PUT', `${S}/segments/loc-new`, { name: { en: 'ok' }, description: bad, siteCode: 'main' })).json,
      ).toEqual(refusedNaming('description'));
      expect((await api('GET', `${S}/segments/loc-new`)).status).toBe(404);
      const created = await api('POST', `${S}/segments/bulk`, [
        { id: 'loc-b1', name: bad, siteCode: 'main' },
        { id: `loc-b2-${NOT_TAGS.indexOf(key)}`, name: { en: 'ok' }, siteCode: 'main' },
      ]);
      expect(created.json).toEqual([refusedNaming('name'), expect.objectContaining({ index: 1, code: 201 })]);
      const upserted = await api('PUT', `${S}/segments/bulk`, [
        { id: 'loc-seg', name: { en: 'fixture' }, siteCode: 'main' },
        { id: 'loc-b1', name: { en: 'ok' }, description: bad, siteCode: 'main' },
      ]);
      expect(upserted.json).toEqual([expect.objectContaining({ index: 0, code: 204 }), refusedNaming('description')]);
      expect((await api('GET', `${S}/segments/loc-b1`)).status).toBe(404);
      for (const path of [`/name/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, '/description']) {
        const patched = await api('PATCH', `${S}/segments/loc-seg`, [
          { op: 'add', path, value: path === '/description' ? bad : 'x' },
        ]);
        expect(patched.json).toEqual(refusedNaming(path === '/description' ? 'description' : 'name'));
      }
      expect((await api('GET', `${S}/segments/loc-seg`)).json.name).toEqual({ en: 'fixture' });
    },
  );

  it('refuses PATCH /name/- (which would store the language "-")', async () => {
    const patched = await api('PATCH', `${S}/segments/loc-seg`, [{ op: 'add', path: '/name/-', value: 'x' }]);
    expect(patched).toEqual({ status: 400, json: refusedNaming('name') });
    expect((await api('GET', `${S}/segments/loc-seg`)).json.name).toEqual({ en: 'fixture' });
  });

  it('refuses such keys in catalog texts and customer group names, per bulk item', async () => {
    const bad = { '-': 'x' };
    const categories = await api('PUT', `${S}/catalog/categories/bulk`, [
      { id: 'loc-c1', name: bad },
      { id: 'loc-c2', name: { en: 'ok' }, localizedDescription: bad },
      { id: 'loc-c3', name: { en: 'ok' }, localizedSlug: { '': 'slug' } },
      { id: 'loc-c4', name: { en: 'ok' }, localizedSlug: { 'en-US': 'ok' } },
    ]);
    expect(categories.json).toEqual([
      refusedNaming('name'),
      refusedNaming('localizedDescription'),
      refusedNaming('localizedSlug'),
      expect.objectContaining({ index: 3, code: 201 }),
    ]);
    const products = await api('PUT', `${S}/catalog/products/bulk`, [
      { id: 'loc-p1', name: { '😀': 'x' } },
      { id: 'loc-p2', name: { en: 'ok' } },
    ]);
    expect(products.json).toEqual([refusedNaming('name'), expect.objectContaining({ index: 1, code: 201 })]);
    for (const [kind, id] of [
      ['categories', 'loc-c1'],
      ['categories', 'loc-c2'],
      ['categories', 'loc-c3'],
      ['products', 'loc-p1'],
    ]) {
      expect((await api('GET', `${S}/catalog/${kind}/${id}`)).status).toBe(404);
    }
    const legalEntity = await api('PUT', `${CM}/legal-entities/loc-le`, {
      name: 'LE',
      type: 'COMPANY',
      customerGroups: [{ id: 'g1', name: { 'en-': 'Buyers' } }],
    });
    expect(legalEntity).toEqual({
      status: 400,
      json: expect.objectContaining({ code: 400, details: detailsNaming('customerGroups.0.name') }),
    });
    expect((await api('GET', `${CM}/legal-entities/loc-le`)).status).toBe(404);
  });

  it.each(['😀', 'not a language', '-', 'en_US', 'x'])(
    'refuses Content-Language %j on the writes that take it, naming the header',
    async (language) => {
      const headers = { 'content-language': encodeURIComponent(language) };
      expect((await api('POST', `${S}/segments`, { id: 'loc-cl', name: 'x', siteCode: 'main' }, headers)).json).toEqual(
        refusedNaming('Content-Language'),
      );
      expect((await api('PUT', `${S}/segments/loc-cl`, { name: 'x', siteCode: 'main' }, headers)).json).toEqual(
        refusedNaming('Content-Language'),
      );
      expect(
        (await api('PATCH', `${S}/segments/loc-seg`, [{ op: 'replace', path: '/name', value: 'x' }], headers)).json,
      ).toEqual(refusedNaming('Content-Language'));
      expect(
        (await api('PUT', `${S}/segments/bulk`, [{ id: 'loc-cl', name: 'x', siteCode: 'main' }], headers)).json,
      ).toEqual(refusedNaming('Content-Language'));
      expect((await api('PUT', `${S}/catalog/products/bulk`, [{ id: 'loc-cl', name: 'x' }], headers)).json).toEqual(
        refusedNaming('Content-Language'),
      );
      expect((await api('GET', `${S}/segments/loc-cl`)).status).toBe(404);
      expect((await api('GET', `${S}/segments/loc-seg`)).json.name).toEqual({ en: 'fixture' });
    },
  );
});
