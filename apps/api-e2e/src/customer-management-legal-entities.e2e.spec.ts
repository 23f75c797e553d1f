import { ApiClient, components } from '@cs/client';
import type { ContactAssignmentEntity, LegalEntityEntity, Row } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { database, expectBadRequest, expectedMetadata, tenant } from './fixtures';
import { E2e, startE2e } from './support';

type LegalEntityCreate = components['schemas']['LegalEntityCreate'];
type LegalEntityUpdate = components['schemas']['LegalEntityUpdate'];

const LIST = '/customer-management/{tenant}/legal-entities' as const;
const SEARCH = '/customer-management/{tenant}/legal-entities/search' as const;
const ONE = '/customer-management/{tenant}/legal-entities/{legalEntityId}' as const;
const HIERARCHY = '/customer-management/{tenant}/legal-entities/{legalEntityId}/parent-hierarchy' as const;
/** The stored columns the tests look at. */
type StoredLegalEntity = Pick<
  Row<LegalEntityEntity>,
  'name' | 'type' | 'parent_id' | 'entities_addresses' | 'approval_group' | 'version'
>;

const one = (legalEntityId: string) => ({ params: { path: { tenant, legalEntityId } } });

const ABC: LegalEntityCreate = {
  id: 'abc',
  name: 'ABC Company',
  legalInfo: {
    legalName: 'ABC Company GmbH',
    registrationDate: '2022-03-31T13:18:02.379Z',
    registrationAgency: 'Comp reg agency',
    registrationId: 'REG-1',
    countryOfRegistration: 'DE',
    taxRegistrationNumber: '1234',
  },
  accountLimit: { currency: 'EUR', value: 1000.99 },
  customerGroups: [{ id: 'cg1', name: { en: 'Group 1', de: 'Gruppe 1' } }],
  entitiesAddresses: [{ id: 'hq' }, { id: 'wh' }],
  restrictions: ['US'],
  mixins: { erp: { number: 42 } },
  metadata: { mixins: { erp: 'https://example.com/erp.json' } },
};

describe('customer management: legal entities', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let db: ReturnType<typeof database>;
  const stored = (id: string) =>
    db.sql<StoredLegalEntity>(
      'SELECT name, type, parent_id, entities_addresses, approval_group, version FROM legal_entity WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );
  const create = async (body: LegalEntityCreate) => {
    const { response, error } = await manage.POST(LIST, { params: { path: { tenant } }, body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
  };
  const put = (id: string, body: LegalEntityUpdate) => manage.PUT(ONE, { ...one(id), body });
  const location = (id: string, name: string) =>
    db.sql(
      `INSERT INTO location (tenant, id, name, type, contact_details, version) VALUES ($1, $2, $3, 'OFFICE', '{"city":"Berlin"}', 1)`,
      [tenant, id, name],
    );
  const assignment = (id: string, legalEntityId: string, customerId: string) =>
    db.sql(
      `INSERT INTO contact_assignment (tenant, id, legal_entity_id, customer_id, type, "primary", version) VALUES ($1, $2, $3, $4, 'BILLING', true, 1)`,
      [tenant, id, legalEntityId, customerId],
    );

  beforeAll(async () => {
    e2e = await startE2e();
    db = database(e2e);
    manage = await e2e.client([Scopes.legalEntityManage]);
    read = await e2e.client([Scopes.legalEntityRead]);
    await location('hq', 'Main HQ');
    await location('wh', 'Main Warehouse');
    await db.sql(
      `INSERT INTO customer (tenant, id, first_name, last_name, email, version) VALUES ($1, 'john', 'John', 'Doe', 'john@example.com', 1)`,
      [tenant],
    );
  });
  afterAll(() => e2e.server.close());

  it('POST creates a COMPANY by default (201) and GET expands locations and the approval group', async () => {
    const created = await manage.POST(LIST, { params: { path: { tenant } }, body: ABC });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'abc' });
    expect(await stored('abc')).toEqual([
      {
        name: 'ABC Company',
        type: 'COMPANY',
        parent_id: null,
        entities_addresses: ['hq', 'wh'],
        approval_group: [],
        version: 1,
      },
    ]);

    await assignment('ca1', 'abc', 'john');
    await assignment('ca2', 'abc', 'unknown-customer');
    expect(
      (
        await put('abc', {
          ...ABC,
          type: 'COMPANY',
          entitiesAddresses: [{ id: 'wh' }],
          approvalGroup: [{ id: 'ca1' }, { id: 'ca2' }],
        })
      ).response.status,
    ).toBe(204);

    const { data, response } = await read.GET(ONE, one('abc'));
    expect(response.status).toBe(200);
    expect(data).toEqual({
      id: 'abc',
      name: 'ABC Company',
      type: 'COMPANY',
      legalInfo: ABC.legalInfo,
      accountLimit: { currency: 'EUR', value: 1000.99 },
      customerGroups: ABC.customerGroups,
      entitiesAddresses: [
        {
          id: 'wh',
          name: 'Main Warehouse',
          type: 'OFFICE',
          contactDetails: { city: 'Berlin' },
          mixins: {},
          metadata: expectedMetadata(1),
        },
      ],
      approvalGroup: [
        {
          id: 'ca1',
          legalEntity: { id: 'abc' },
          customer: { id: 'john', name: 'John', surname: 'Doe', email: 'john@example.com' },
          type: 'BILLING',
          primary: true,
          metadata: expectedMetadata(1),
        },
        {
          id: 'ca2',
          legalEntity: { id: 'abc' },
          customer: { id: 'unknown-customer' },
          type: 'BILLING',
          primary: true,
          metadata: expectedMetadata(1),
        },
      ],
      restrictions: ['US'],
      mixins: ABC.mixins,
      metadata: { ...expectedMetadata(2), mixins: ABC.metadata?.mixins },
    });

    // A GET-modify-PUT round trip works: expanded references are read back by their ids, read-only fields are ignored.
    // The modification changes the mixins: a PUT of the document as read would change nothing (version 2 stays).
    const roundTrip = await put('abc', { ...(data as LegalEntityUpdate), mixins: { erp: { number: 43 } } });
    expect(roundTrip.response.status).toBe(204);
    expect(await stored('abc')).toEqual([
      {
        name: 'ABC Company',
        type: 'COMPANY',
        parent_id: null,
        entities_addresses: ['wh'],
        approval_group: ['ca1', 'ca2'],
        version: 3,
      },
    ]);

    const projected = await read.GET(ONE, {
      params: { path: { tenant, legalEntityId: 'abc' }, query: { fields: 'name,entitiesAddresses.name' } },
    });
    expect(projected.data).toEqual({ id: 'abc', name: 'ABC Company', entitiesAddresses: [{ name: 'Main Warehouse' }] });
    const generated = await manage.POST(LIST, { params: { path: { tenant } }, body: { name: 'Generated Inc' } });
    expect(generated.data?.id).toMatch(/^[0-9a-f]{24}$/);
    expect(await stored(generated.data?.id ?? '')).toMatchObject([
      { type: 'COMPANY', entities_addresses: [], approval_group: [] },
    ]);
  });

  it('POST answers 409 for an existing id and 400 for invalid bodies and unknown references', async () => {
    const duplicate = await manage.POST(LIST, { params: { path: { tenant } }, body: { id: 'abc', name: 'Again' } });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.error).toMatchObject({ code: 409, resourceId: 'abc' });
    expect(await stored('abc')).toMatchObject([{ name: 'ABC Company' }]);

    const post = (body: unknown) =>
      manage.POST(LIST, { params: { path: { tenant } }, body: body as LegalEntityCreate });
    expectBadRequest(await post({ id: 'x', type: 'COMPANY' }), 'name');
    expectBadRequest(await post({ id: 'a.b', name: 'X' }), 'id');
    expectBadRequest(await post({ name: 'X', type: 'PARTNERSHIP' }), 'type');
    expectBadRequest(await post({ name: 'X', accountLimit: { value: -1 } }), 'accountLimit.value');
    expectBadRequest(
      await post({ name: 'X', legalInfo: { registrationDate: '2022-13-01' } }),
      'legalInfo.registrationDate',
    );
    expectBadRequest(await post({ name: 'X', restrictions: ['US', 'DE'] }), 'restrictions');
    expectBadRequest(await post({ name: 'X', customerGroups: [{ name: { en: 'no id' } }] }), 'customerGroups.0.id');
    expectBadRequest(
      await post({ name: 'X', entitiesAddresses: [{ id: 'hq' }, { id: 'nowhere' }] }),
      'entitiesAddresses',
      /nowhere/,
    );
    expectBadRequest(await post({ name: 'X', approvalGroup: [{ id: 'ca-missing' }] }), 'approvalGroup', /ca-missing/);
    expectBadRequest(await post({ name: 'X', type: 'SUBSIDIARY' }), 'parentId', /needs a parentId/);
    expectBadRequest(await post({ name: 'X', type: 'SUBSIDIARY', parentId: 'ghost' }), 'parentId', /does not exist/);
    expectBadRequest(await post({ name: 'X', type: 'COMPANY', parentId: 'abc' }), 'parentId', /COMPANY/);
    expectBadRequest(
      await post({ id: 'selfish', name: 'X', type: 'SUBSIDIARY', parentId: 'selfish' }),
      'parentId',
      /own parent/,
    );
    expect(await db.sql('SELECT count(*)::int AS n FROM legal_entity')).toEqual([{ n: 2 }]);
  });

  describe('hierarchy', () => {
    beforeAll(async () => {
      await create({ id: 'company_a', name: 'Company A' });
      await create({ id: 'company_b', name: 'Company B', type: 'SUBSIDIARY', parentId: 'company_a' });
      await create({
        id: 'company_c',
        name: 'Company C',
        type: 'SUBSIDIARY',
        parentId: 'company_b',
        entitiesAddresses: [{ id: 'hq' }],
      });
    });

    it('GET parent-hierarchy lists the entity and its ancestors, nearest first (404 when absent)', async () => {
      const { data, response } = await read.GET(HIERARCHY, one('company_c'));
      expect(response.status).toBe(200);
      expect(data?.map((entity) => [entity.id, entity.type, entity.parentId])).toEqual([
        ['company_c', 'SUBSIDIARY', 'company_b'],
        ['company_b', 'SUBSIDIARY', 'company_a'],
        ['company_a', 'COMPANY', undefined],
      ]);
      expect(data?.[0].entitiesAddresses).toEqual([expect.objectContaining({ id: 'hq', name: 'Main HQ' })]);
      const byManager = await manage.GET(HIERARCHY, one('company_a'));
      expect(byManager.data?.map((entity) => entity.id)).toEqual(['company_a']);
      const absent = await read.GET(HIERARCHY, one('company_z'));
      expect(absent.response.status).toBe(404);
    });

    it('rejects parents that would form a cycle (A->B->A, deeper cycles, self-parent) and changes nothing', async () => {
      const subsidiaryOf = (name: string, parentId: string): LegalEntityUpdate => ({
        name,
        type: 'SUBSIDIARY',
        parentId,
      });
      expectBadRequest(await put('company_a', subsidiaryOf('Company A', 'company_b')), 'parentId', /cycle/);
      expectBadRequest(await put('company_a', subsidiaryOf('Company A', 'company_c')), 'parentId', /cycle/);
      expectBadRequest(await put('company_b', subsidiaryOf('Company B', 'company_b')), 'parentId', /own parent/);
      expect(await stored('company_a')).toMatchObject([{ type: 'COMPANY', parent_id: null, version: 1 }]);
      expect(await stored('company_b')).toMatchObject([{ parent_id: 'company_a', version: 1 }]);

      // Moving a subsidiary under a sibling branch is fine.
      await create({ id: 'company_d', name: 'Company D', type: 'SUBSIDIARY', parentId: 'company_a' });
      expect((await put('company_c', subsidiaryOf('Company C', 'company_d'))).response.status).toBe(204);
      expect((await read.GET(HIERARCHY, one('company_c'))).data?.map((entity) => entity.id)).toEqual([
        'company_c',
        'company_d',
        'company_a',
      ]);
    });
  });

  it('PUT creates (201 with id), replaces (204), checks metadata.version (409) and the path id (400)', async () => {
    const body: LegalEntityUpdate = { name: 'New Co', type: 'COMPANY', legalInfo: { legalName: 'New Co AG' } };
    const created = await put('new-co', body);
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'new-co' });

    const replaced = await put('new-co', { name: 'Renamed Co', type: 'COMPANY', metadata: { version: 1 } });
    expect(replaced.response.status).toBe(204);
    const after = await read.GET(ONE, one('new-co'));
    expect(after.data).toMatchObject({ name: 'Renamed Co', metadata: { version: 2 } });
    expect(after.data?.legalInfo).toBeUndefined();

    const stale = await put('new-co', { ...body, metadata: { version: 1 } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 409, resourceId: 'new-co' });
    expect(await stored('new-co')).toMatchObject([{ name: 'Renamed Co', version: 2 }]);

    expectBadRequest(await put('new co', body), 'legalEntityId');
    expectBadRequest(await put('new-co', { name: 'No type' } as LegalEntityUpdate), 'type');
  });

  describe('list and search', () => {
    beforeAll(async () => {
      await db.sql('DELETE FROM legal_entity');
      await create({ ...ABC, approvalGroup: [] });
      await create({
        id: 'abc-sub',
        name: 'ABC Subsidiary',
        type: 'SUBSIDIARY',
        parentId: 'abc',
        legalInfo: {
          legalName: 'ABC Sub Ltd',
          registrationDate: '2023-06-01',
          registrationAgency: 'Sub reg agency',
          countryOfRegistration: 'GB',
          registrationId: 'REG-2',
          taxRegistrationNumber: '4311',
        },
        accountLimit: { currency: 'GBP', value: 200 },
        mixins: { erp: { number: 7 } },
      });
      await create({
        id: 'xyz',
        name: 'XYZ Trading',
        legalInfo: { legalName: 'XYZ Trading SA', countryOfRegistration: 'FR' },
      });
      await assignment('ca-john', 'abc-sub', 'c1');
      await assignment('ca-john-2', 'xyz', 'c1');
      await assignment('ca-other', 'abc', 'c2');
    });

    const ids = async (query: Record<string, unknown>, client = read) => {
      const { data, response, error } = await client.GET(LIST, { params: { path: { tenant }, query } });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      return (data ?? []).map((entity) => entity.id);
    };

    it('filters by the spec query parameters with their operators', async () => {
      expect(await ids({})).toEqual(['abc', 'abc-sub', 'xyz']);
      expect(await ids({ id: 'abc' })).toEqual(['abc']);
      expect(await ids({ name: 'abc' })).toEqual(['abc', 'abc-sub']);
      expect(await ids({ type: 'SUBSIDIARY' })).toEqual(['abc-sub']);
      expect(await ids({ parentId: 'abc' })).toEqual(['abc-sub']);
      expect(await ids({ 'legalInfo.legalName': 'trading' })).toEqual(['xyz']);
      expect(await ids({ 'legalInfo.registrationDate': '2023-06-01' })).toEqual(['abc-sub']);
      expect(await ids({ 'legalInfo.taxRegistrationNumber': '4311' })).toEqual(['abc-sub']);
      expect(await ids({ 'legalInfo.taxRegistrationNumber': '431' })).toEqual([]);
      expect(await ids({ 'legalInfo.registrationAgency': 'REG AGENCY' })).toEqual(['abc', 'abc-sub']);
      expect(await ids({ 'legalInfo.countryOfRegistration': 'g' })).toEqual(['abc-sub']);
      expect(await ids({ 'legalInfo.registrationId': 'REG-1' })).toEqual(['abc']);
      expect(await ids({ name: 'abc', type: 'COMPANY' })).toEqual(['abc']);
    });

    it('filters with q: nested legalInfo/accountLimit fields, dates, mixins and metadata', async () => {
      expect(await ids({ q: 'legalInfo.countryOfRegistration:(DE,FR)' })).toEqual(['abc', 'xyz']);
      expect(await ids({ q: 'accountLimit.value:>500' })).toEqual(['abc']);
      expect(await ids({ q: 'accountLimit.currency:GBP' })).toEqual(['abc-sub']);
      expect(
        await ids({ q: 'legalInfo.registrationDate:(>="2023-01-01T00:00:00Z" AND <"2024-01-01T00:00:00Z")' }),
      ).toEqual(['abc-sub']);
      expect(await ids({ q: 'parentId:null' })).toEqual(['abc', 'xyz']);
      expect(await ids({ q: 'mixins.erp.number:7' })).toEqual(['abc-sub']);
      expect(await ids({ q: 'name:~^ABC type:COMPANY metadata.version:1' })).toEqual(['abc']);
      expect(await ids({ q: 'metadata.mixins.erp:exists' })).toEqual(['abc']);
    });

    it('filters with q on the lists by any element: customer groups, addresses, approval group, restrictions', async () => {
      expect(await ids({ q: 'customerGroups.id:cg1' })).toEqual(['abc']);
      expect(await ids({ q: 'customerGroups.id:~^CG' })).toEqual(['abc']);
      expect(await ids({ q: 'customerGroups.id:missing' })).toEqual(['abc-sub', 'xyz']);
      expect(await ids({ q: 'entitiesAddresses.id:wh' })).toEqual(['abc']);
      expect(await ids({ q: 'entitiesAddresses.id:(nowhere,hq)' })).toEqual(['abc']);
      expect(await ids({ q: 'approvalGroup.id:null' })).toEqual(['abc', 'abc-sub', 'xyz']);
      expect(await ids({ q: 'restrictions:US' })).toEqual(['abc']);
      expect(await ids({ q: 'restrictions:exists' })).toEqual(['abc']);
      expect(await ids({ q: 'restrictions:DE' })).toEqual([]);
    });

    it('sorts, pages, projects and counts on request', async () => {
      expect(await ids({ sort: 'legalInfo.countryOfRegistration:desc' })).toEqual(['abc-sub', 'xyz', 'abc']);
      const page = await read.GET(LIST, {
        params: { path: { tenant }, query: { pageSize: 2, pageNumber: 2, fields: 'name' } },
        headers: { 'X-Total-Count': 'true' },
      });
      expect(page.data).toEqual([{ id: 'xyz', name: 'XYZ Trading' }]);
      expect(page.response.headers.get('X-Total-Count')).toBe('3');
      for (const query of [
        { q: 'unknown:1' },
        { q: 'accountLimit.value:abc' },
        { sort: 'customerGroups' },
        { sort: 'customerGroups.id' },
        { pageSize: 1001 },
        { type: 'PARTNERSHIP' },
      ]) {
        const { response } = await read.GET(LIST, { params: { path: { tenant }, query: query as never } });
        expect(response.status).toBe(400);
      }
    });

    it('POST search takes q in the body, the filters in the query string, and answers like the list', async () => {
      const { data, response } = await read.POST(SEARCH, {
        params: { path: { tenant }, query: { name: 'abc' } },
        body: { q: 'legalInfo.countryOfRegistration:GB' },
        headers: { 'X-Total-Count': 'true' },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('X-Total-Count')).toBe('1');
      expect(data?.map((entity) => entity.id)).toEqual(['abc-sub']);
      expect(data?.[0]).toEqual((await read.GET(ONE, one('abc-sub'))).data);
      const all = await read.POST(SEARCH, { params: { path: { tenant } } });
      expect(all.data?.map((entity) => entity.id)).toEqual(['abc', 'abc-sub', 'xyz']);
      const bad = await read.POST(SEARCH, { params: { path: { tenant } }, body: { q: 'name:"unterminated' } });
      expect(bad.response.status).toBe(400);
    });

    it('a customer token (legalentity_read_own) sees only the legal entities it is a contact of', async () => {
      const customer = await e2e.client([Scopes.legalEntityReadOwn], { customerId: 'c1' });
      expect(await ids({}, customer)).toEqual(['abc-sub', 'xyz']);
      expect(await ids({ q: 'type:COMPANY' }, customer)).toEqual(['xyz']);
      const searched = await customer.POST(SEARCH, {
        params: { path: { tenant } },
        body: { q: 'name:~ABC' },
        headers: { 'X-Total-Count': 'true' },
      });
      expect(searched.data?.map((entity) => entity.id)).toEqual(['abc-sub']);
      expect(searched.response.headers.get('X-Total-Count')).toBe('1');
      const stranger = await e2e.client([Scopes.legalEntityReadOwn], { customerId: 'nobody' });
      expect(await ids({}, stranger)).toEqual([]);
      // Reading one legal entity needs legalentity_read.
      expect((await customer.GET(ONE, one('xyz'))).response.status).toBe(403);
    });
  });

  it('DELETE removes the legal entity, its subsidiaries and their contact assignments in one go (204); 404 when absent', async () => {
    await create({ id: 'other', name: 'Other Co' });
    await put('other', { name: 'Other Co', type: 'COMPANY', approvalGroup: [{ id: 'ca-john' }, { id: 'ca-john-2' }] });
    const deleted = await manage.DELETE(ONE, one('abc'));
    expect(deleted.response.status).toBe(204);
    expect(await db.sql('SELECT id FROM legal_entity ORDER BY id')).toEqual([{ id: 'other' }, { id: 'xyz' }]);
    expect(
      await db.sql<Pick<Row<ContactAssignmentEntity>, 'id' | 'legal_entity_id'>>(
        'SELECT id, legal_entity_id FROM contact_assignment ORDER BY id',
      ),
    ).toEqual([{ id: 'ca-john-2', legal_entity_id: 'xyz' }]);
    // The removed contact assignments leave other approval groups, which get a new version.
    expect(await stored('other')).toMatchObject([{ approval_group: ['ca-john-2'], version: 3 }]);
    expect(await db.sql('SELECT count(*)::int AS n FROM location')).toEqual([{ n: 2 }]);

    const again = await manage.DELETE(ONE, one('abc'));
    expect(again.response.status).toBe(404);
    expect(again.error).toMatchObject({ code: 404, resourceId: 'abc' });
    expect((await read.GET(ONE, one('abc'))).response.status).toBe(404);
  });

  it('answers 401 without a token and 403 without the scope', async () => {
    expect((await e2e.anonymous.GET(LIST, { params: { path: { tenant } } })).response.status).toBe(401);
    expect((await read.DELETE(ONE, one('xyz'))).response.status).toBe(403);
    const locations = await e2e.client([Scopes.locationManage]);
    expect((await locations.POST(LIST, { params: { path: { tenant } }, body: { name: 'X' } })).response.status).toBe(
      403,
    );
    expect(await stored('xyz')).toHaveLength(1);
  });
});
