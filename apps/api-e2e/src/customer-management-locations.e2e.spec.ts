import { ApiClient, components } from '@cs/client';
import type { LocationEntity, Row } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { database, expectedMetadata, tenant } from './fixtures';
import { E2e, startE2e } from './support';

type LocationCreate = components['schemas']['LocationCreate'];

const LIST = '/customer-management/{tenant}/locations' as const;
const ONE = '/customer-management/{tenant}/locations/{locationId}' as const;
const one = (locationId: string) => ({ params: { path: { tenant, locationId } } });

const HQ: LocationCreate = {
  id: 'hq',
  name: 'Main HQ',
  type: 'HEADQUARTER',
  contactDetails: {
    emails: ['jon.doe@example.com', 'adam.smith@sample.org'],
    phones: ['1234567890'],
    addressLine1: 'W Sample St',
    addressLine2: '3601-3799',
    city: 'South Bend',
    state: 'Indiana',
    postcode: '46619',
    countryCode: 'US',
    tags: ['shipping'],
  },
  mixins: { extra: { floor: 3, dock: 'north' } },
  metadata: { mixins: { extra: 'https://example.com/extra.json' } },
};

describe('customer management: locations', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let db: ReturnType<typeof database>;
  const stored = (id: string) =>
    db.sql<Pick<Row<LocationEntity>, 'name' | 'type' | 'contact_details' | 'mixins' | 'metadata_mixins' | 'version'>>(
      'SELECT name, type, contact_details, mixins, metadata_mixins, version FROM location WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );

  beforeAll(async () => {
    e2e = await startE2e();
    db = database(e2e);
    manage = await e2e.client([Scopes.locationManage]);
    read = await e2e.client([Scopes.locationRead]);
  });
  afterAll(() => e2e.server.close());

  it('POST creates with a custom or generated id (201), rejects an existing id (409) and invalid bodies (400)', async () => {
    const created = await manage.POST(LIST, { params: { path: { tenant } }, body: HQ });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'hq' });
    expect(await stored('hq')).toEqual([
      {
        name: 'Main HQ',
        type: 'HEADQUARTER',
        contact_details: HQ.contactDetails,
        mixins: HQ.mixins,
        metadata_mixins: HQ.metadata?.mixins,
        version: 1,
      },
    ]);

    const generated = await manage.POST(LIST, {
      params: { path: { tenant } },
      body: { type: 'OFFICE', contactDetails: { city: 'Berlin' } },
    });
    expect(generated.response.status).toBe(201);
    expect(generated.data?.id).toMatch(/^[0-9a-f]{24}$/);
    expect(await stored(generated.data?.id ?? '')).toMatchObject([
      { name: null, type: 'OFFICE', contact_details: { city: 'Berlin' }, mixins: {}, version: 1 },
    ]);

    const duplicate = await manage.POST(LIST, { params: { path: { tenant } }, body: { ...HQ, name: 'Other' } });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.error).toMatchObject({ code: 409, status: 'Conflict', resourceId: 'hq' });
    expect(await stored('hq')).toMatchObject([{ name: 'Main HQ', version: 1 }]);

    const invalid = [
      { body: { ...HQ, id: 'no spaces' }, field: 'id' },
      { body: { ...HQ, id: 'x'.repeat(67) }, field: 'id' },
      { body: { ...HQ, id: undefined, type: 'CASTLE' }, field: 'type' },
      { body: { ...HQ, id: undefined, contactDetails: undefined }, field: 'contactDetails' },
      { body: { ...HQ, id: undefined, contactDetails: { emails: 'a@b.c' } }, field: 'contactDetails.emails' },
      { body: { ...HQ, id: undefined, mixins: [1] }, field: 'mixins' },
    ];
    for (const { body, field } of invalid) {
      const response = await manage.POST(LIST, { params: { path: { tenant } }, body: body as LocationCreate });
      expect(response.response.status).toBe(400);
      expect(response.error).toMatchObject({
        code: 400,
        status: 'Bad Request',
        details: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
    expect(await db.sql('SELECT count(*)::int AS n FROM location')).toEqual([{ n: 2 }]);
  });

  it('GET returns the document (fields projection), 404 for an absent id', async () => {
    const { data, response } = await read.GET(ONE, one('hq'));
    expect(response.status).toBe(200);
    expect(data).toEqual({
      id: 'hq',
      name: 'Main HQ',
      type: 'HEADQUARTER',
      contactDetails: HQ.contactDetails,
      mixins: HQ.mixins,
      metadata: { ...expectedMetadata(1), mixins: HQ.metadata?.mixins },
    });

    const projected = await read.GET(ONE, {
      params: { path: { tenant, locationId: 'hq' }, query: { fields: 'name,contactDetails.city' } },
    });
    expect(projected.data).toEqual({ id: 'hq', name: 'Main HQ', contactDetails: { city: 'South Bend' } });

    const absent = await read.GET(ONE, one('nope'));
    expect(absent.response.status).toBe(404);
    expect(absent.error).toMatchObject({ code: 404, status: 'Not Found', resourceId: 'nope' });
  });

  it('PUT creates (201 with id), replaces (204), checks metadata.version (409) and the path id (400)', async () => {
    const body = {
      name: 'Main Warehouse',
      type: 'WAREHOUSE' as const,
      contactDetails: { city: 'Hamburg', countryCode: 'DE' },
    };
    const created = await manage.PUT(ONE, { ...one('wh-1'), body });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'wh-1' });

    const replaced = await manage.PUT(ONE, {
      ...one('wh-1'),
      body: { ...body, name: 'Old Warehouse', metadata: { version: 1 } },
    });
    expect(replaced.response.status).toBe(204);
    expect(await replaced.response.text()).toBe('');
    const after = await read.GET(ONE, one('wh-1'));
    expect(after.data).toMatchObject({ name: 'Old Warehouse', metadata: { version: 2 } });
    expect(Date.parse(after.data?.metadata.modifiedAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(after.data?.metadata.createdAt ?? ''),
    );

    const stale = await manage.PUT(ONE, { ...one('wh-1'), body: { ...body, name: 'Lost', metadata: { version: 1 } } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 409, resourceId: 'wh-1', message: expect.stringMatching(/version/) });
    expect(await stored('wh-1')).toMatchObject([{ name: 'Old Warehouse', version: 2 }]);

    const unchecked = await manage.PUT(ONE, { ...one('wh-1'), body });
    expect(unchecked.response.status).toBe(204);
    expect(await stored('wh-1')).toMatchObject([
      { name: 'Main Warehouse', version: 3, contact_details: { city: 'Hamburg', countryCode: 'DE' } },
    ]);

    const badId = await manage.PUT(ONE, { ...one('bad id'), body });
    expect(badId.response.status).toBe(400);
    expect(badId.error).toMatchObject({ details: [expect.objectContaining({ field: 'locationId' })] });
    const badBody = await manage.PUT(ONE, { ...one('wh-1'), body: { ...body, metadata: { version: 0 } } });
    expect(badBody.response.status).toBe(400);
    expect(badBody.error).toMatchObject({ details: [expect.objectContaining({ field: 'metadata.version' })] });
  });

  describe('list', () => {
    beforeAll(async () => {
      await db.sql('DELETE FROM location');
      const locations: LocationCreate[] = [
        HQ,
        {
          id: 'berlin',
          name: 'Berlin Office',
          type: 'OFFICE',
          contactDetails: {
            emails: ['berlin@firma.de'],
            phones: ['+49 30 1234'],
            addressLine1: 'Dircksenstraße 136',
            city: 'Berlin',
            state: 'Berlin',
            postcode: '10178',
            countryCode: 'DE',
          },
        },
        {
          id: 'hamburg',
          name: 'Hamburg Warehouse',
          type: 'WAREHOUSE',
          contactDetails: { addressLine2: 'Hafenstraße 1', city: 'Hamburg', postcode: '20359', countryCode: 'DE' },
          mixins: { extra: { floor: 1 } },
        },
        { id: 'munich', type: 'OFFICE', contactDetails: { city: 'München', countryCode: 'DE' } },
      ];
      for (const body of locations)
        expect((await manage.POST(LIST, { params: { path: { tenant } }, body })).response.status).toBe(201);
    });

    const ids = async (query: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const { data, response, error } = await read.GET(LIST, { params: { path: { tenant }, query }, headers });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      return (data ?? []).map((location) => location.id);
    };

    it('returns all locations ordered by id, with documents as GET returns them', async () => {
      const { data } = await read.GET(LIST, { params: { path: { tenant } } });
      expect(data?.map((location) => location.id)).toEqual(['berlin', 'hamburg', 'hq', 'munich']);
      expect(data?.[2]).toEqual((await read.GET(ONE, one('hq'))).data);
    });

    it('filters by the spec query parameters with their operators', async () => {
      expect(await ids({ name: 'office' })).toEqual(['berlin']);
      expect(await ids({ type: 'OFFICE' })).toEqual(['berlin', 'munich']);
      expect(await ids({ 'contactDetails.email': 'FIRMA' })).toEqual(['berlin']);
      expect(await ids({ 'contactDetails.phone': '1234' })).toEqual(['berlin', 'hq']);
      expect(await ids({ 'contactDetails.address': 'straße' })).toEqual(['berlin', 'hamburg']);
      expect(await ids({ 'contactDetails.city': 'bend' })).toEqual(['hq']);
      expect(await ids({ 'contactDetails.state': 'BERL' })).toEqual(['berlin']);
      expect(await ids({ 'contactDetails.postcode': '10' })).toEqual(['berlin']);
      expect(await ids({ 'contactDetails.countryCode': 'DE' })).toEqual(['berlin', 'hamburg', 'munich']);
      expect(await ids({ 'contactDetails.countryCode': 'D' })).toEqual([]);
      expect(await ids({ type: 'OFFICE', 'contactDetails.city': 'ber' })).toEqual(['berlin']);
      // `%` and `_` are plain characters, not LIKE wildcards.
      expect(await ids({ name: '%' })).toEqual([]);
    });

    it('filters with q on scalar, nested, mixin and metadata fields', async () => {
      expect(await ids({ q: 'type:WAREHOUSE' })).toEqual(['hamburg']);
      expect(await ids({ q: 'contactDetails.city:~(bend|burg)' })).toEqual(['hamburg', 'hq']);
      expect(await ids({ q: 'contactDetails.countryCode:DE contactDetails.postcode:exists' })).toEqual([
        'berlin',
        'hamburg',
      ]);
      expect(await ids({ q: 'name:missing' })).toEqual(['munich']);
      expect(await ids({ q: 'mixins.extra.floor:>=2' })).toEqual(['hq']);
      expect(await ids({ q: 'id:(hq,munich)' })).toEqual(['hq', 'munich']);
      expect(await ids({ q: 'metadata.version:1 metadata.createdAt:>"2020-01-01T00:00:00Z"' })).toHaveLength(4);
    });

    it('filters with q on the e-mail and phone lists by any element', async () => {
      expect(await ids({ q: 'contactDetails.emails:berlin@firma.de' })).toEqual(['berlin']);
      expect(await ids({ q: 'contactDetails.emails:~"example\\.com$"' })).toEqual(['hq']);
      expect(await ids({ q: 'contactDetails.phones:exists contactDetails.emails:~firma' })).toEqual(['berlin']);
      expect(await ids({ q: 'contactDetails.phones:missing' })).toEqual(['hamburg', 'munich']);
    });

    it('sorts, pages and counts on request', async () => {
      expect(await ids({ sort: 'contactDetails.city:desc' })).toEqual(['hq', 'munich', 'hamburg', 'berlin']);
      const page = await read.GET(LIST, {
        params: { path: { tenant }, query: { pageSize: 3, pageNumber: 2, sort: 'id' } },
        headers: { 'X-Total-Count': 'true' },
      });
      expect(page.data?.map((location) => location.id)).toEqual(['munich']);
      expect(page.response.headers.get('X-Total-Count')).toBe('4');
      const uncounted = await read.GET(LIST, { params: { path: { tenant }, query: { pageSize: 1 } } });
      expect(uncounted.response.headers.get('X-Total-Count')).toBeNull();
      const projected = await read.GET(LIST, { params: { path: { tenant }, query: { fields: 'type', q: 'id:hq' } } });
      expect(projected.data).toEqual([{ id: 'hq', type: 'HEADQUARTER' }]);
    });

    it('answers 400 for bad q, sort, paging and filter values', async () => {
      for (const query of [
        { q: 'nope:1' },
        { q: 'type:CASTLE' },
        { q: 'name:(' },
        { sort: 'contactDetails.emails' },
        { pageSize: 0 },
        { pageNumber: 'x' },
        { type: 'CASTLE' },
      ]) {
        const { response, error } = await read.GET(LIST, { params: { path: { tenant }, query: query as never } });
        expect(response.status).toBe(400);
        expect(error).toMatchObject({ code: 400, status: 'Bad Request' });
      }
    });
  });

  it('DELETE removes the location and drops it from legal entities (204), 404 for an absent id', async () => {
    await db.sql(
      `INSERT INTO legal_entity (tenant, id, name, entities_addresses, version) VALUES ($1, 'le1', 'LE', '["hq","berlin"]', 1), ($1, 'le2', 'LE2', '["berlin"]', 4)`,
      [tenant],
    );
    const deleted = await manage.DELETE(ONE, one('hq'));
    expect(deleted.response.status).toBe(204);
    expect(await stored('hq')).toEqual([]);
    expect(await db.sql('SELECT id, entities_addresses, version FROM legal_entity ORDER BY id')).toEqual([
      { id: 'le1', entities_addresses: ['berlin'], version: 2 },
      { id: 'le2', entities_addresses: ['berlin'], version: 4 },
    ]);

    const again = await manage.DELETE(ONE, one('hq'));
    expect(again.response.status).toBe(404);
    expect(again.error).toMatchObject({ code: 404, resourceId: 'hq' });
  });

  it('answers 401 without a token and 403 without the scope', async () => {
    expect((await e2e.anonymous.GET(LIST, { params: { path: { tenant } } })).response.status).toBe(401);
    const readOnly = await read.POST(LIST, { params: { path: { tenant } }, body: HQ });
    expect(readOnly.response.status).toBe(403);
    const other = await e2e.client([Scopes.legalEntityRead]);
    expect((await other.GET(ONE, one('berlin'))).response.status).toBe(403);
  });
});
