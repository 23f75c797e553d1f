import { ApiClient, components } from '@cs/client';
import type { ContactAssignmentEntity, Row } from '@cs/api/testing';
import { Scopes } from '@cs/contracts';
import { database, expectBadRequest, expectedMetadata, problemAbout, tenant } from './fixtures';
import { E2e, startE2e } from './support';

type ContactAssignmentCreate = components['schemas']['ContactAssignmentCreate'];
type ContactAssignmentUpdate = components['schemas']['ContactAssignmentUpdate'];

const LIST = '/customer-management/{tenant}/contact-assignments' as const;
const ONE = '/customer-management/{tenant}/contact-assignments/{contactAssignmentId}' as const;
const LEGAL_ENTITIES = '/customer-management/{tenant}/legal-entities' as const;
const LEGAL_ENTITY = '/customer-management/{tenant}/legal-entities/{legalEntityId}' as const;
const LOCATIONS = '/customer-management/{tenant}/locations' as const;
const CUSTOMERS = '/customer-management/{tenant}/customers/bulk' as const;
/** The stored columns the tests look at. */
type StoredContactAssignment = Pick<
  Row<ContactAssignmentEntity>,
  'legal_entity_id' | 'customer_id' | 'type' | 'primary' | 'mixins' | 'version'
>;

const one = (contactAssignmentId: string) => ({ params: { path: { tenant, contactAssignmentId } } });
const path = { params: { path: { tenant } } };

describe('customer management: contact assignments and the customer data sync', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let db: ReturnType<typeof database>;
  const stored = (id: string) =>
    db.sql<StoredContactAssignment>(
      'SELECT legal_entity_id, customer_id, type, "primary", mixins, version FROM contact_assignment WHERE tenant = $1 AND id = $2',
      [tenant, id],
    );
  const create = async (body: ContactAssignmentCreate) => {
    const { response, error } = await manage.POST(LIST, { ...path, body });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
  };

  beforeAll(async () => {
    e2e = await startE2e();
    db = database(e2e);
    manage = await e2e.client([Scopes.contactAssignmentManage]);
    read = await e2e.client([Scopes.contactAssignmentRead]);
    const setup = await e2e.client([Scopes.legalEntityManage, Scopes.locationManage]);
    for (const body of [
      {
        id: 'hq',
        name: 'Main HQ',
        type: 'HEADQUARTER' as const,
        contactDetails: { city: 'South Bend', countryCode: 'US' },
      },
      { id: 'wh', name: 'Main Warehouse', type: 'WAREHOUSE' as const, contactDetails: { city: 'Hamburg' } },
    ]) {
      expect((await setup.POST(LOCATIONS, { ...path, body })).response.status).toBe(201);
    }
    const legalEntities: Array<components['schemas']['LegalEntityCreate']> = [
      {
        id: 'abc',
        name: 'ABC Company',
        legalInfo: { legalName: 'ABC GmbH' },
        customerGroups: [{ id: 'cg1', name: { en: 'Group 1' } }],
        entitiesAddresses: [{ id: 'hq' }, { id: 'wh' }],
      },
      { id: 'xyz', name: 'XYZ Trading', entitiesAddresses: [{ id: 'wh' }] },
    ];
    for (const body of legalEntities) {
      expect((await setup.POST(LEGAL_ENTITIES, { ...path, body })).response.status).toBe(201);
    }
  });
  afterAll(() => e2e.server.close());

  describe('customer data sync', () => {
    it('PUT customers/bulk creates (201) and replaces (204) customers per item; one bad item fails alone (207)', async () => {
      const { data, response } = await manage.PUT(CUSTOMERS, {
        ...path,
        body: [
          { id: 'john', firstName: 'John', lastName: 'Doe', email: 'john@example.com', phone: '+1 555' },
          { id: 'jane', firstName: 'Jane', lastName: 'Roe' },
          { id: '', firstName: 'Nobody' },
          { id: 'jane', firstName: 'Jane', lastName: 'Smith', mixins: { crm: { tier: 'gold' } } },
        ],
      });
      expect(response.status).toBe(207);
      expect(data).toEqual([
        { index: 0, code: 201, status: 'Created', id: 'john' },
        { index: 1, code: 201, status: 'Created', id: 'jane' },
        {
          index: 2,
          code: 400,
          status: 'Bad Request',
          message: expect.stringMatching(/id/),
          details: [problemAbout('id')],
        },
        { index: 3, code: 204, status: 'No Content', id: 'jane' },
      ]);
      expect(
        await db.sql('SELECT id, first_name, last_name, email, phone, mixins, version FROM customer ORDER BY id'),
      ).toEqual([
        {
          id: 'jane',
          first_name: 'Jane',
          last_name: 'Smith',
          email: null,
          phone: null,
          mixins: { crm: { tier: 'gold' } },
          version: 2,
        },
        {
          id: 'john',
          first_name: 'John',
          last_name: 'Doe',
          email: 'john@example.com',
          phone: '+1 555',
          mixins: {},
          version: 1,
        },
      ]);
    });

    it('rejects more than 200 items or a non-array body (400) and applies nothing', async () => {
      const tooMany = await manage.PUT(CUSTOMERS, {
        ...path,
        body: Array.from({ length: 201 }, (_, i) => ({ id: `bulk${i}` })),
      });
      expect(tooMany.response.status).toBe(400);
      expect(tooMany.error).toMatchObject({ code: 400, message: expect.stringMatching(/200/) });
      const notArray = await manage.PUT(CUSTOMERS, { ...path, body: { id: 'x' } as never });
      expect(notArray.response.status).toBe(400);
      expect(await db.sql(`SELECT count(*)::int AS n FROM customer WHERE id LIKE 'bulk%' OR id = 'x'`)).toEqual([
        { n: 0 },
      ]);
    });

    it('DELETE customers/bulk removes customer data (204), 404 for unknown ids, 400 for non-ids (207)', async () => {
      expect(
        (await manage.PUT(CUSTOMERS, { ...path, body: [{ id: 'temp', firstName: 'Temp' }] })).response.status,
      ).toBe(207);
      const { data, response } = await manage.DELETE(CUSTOMERS, {
        ...path,
        body: ['temp', 'ghost', 42 as unknown as string],
      });
      expect(response.status).toBe(207);
      expect(data).toEqual([
        { index: 0, code: 204, status: 'No Content', id: 'temp' },
        { index: 1, code: 404, status: 'Not Found', message: expect.any(String), id: 'ghost' },
        { index: 2, code: 400, status: 'Bad Request', message: expect.stringMatching(/customer id/) },
      ]);
      expect(await db.sql(`SELECT id FROM customer ORDER BY id`)).toEqual([{ id: 'jane' }, { id: 'john' }]);
    });

    it('answers 401 without a token and 403 without the scope', async () => {
      expect((await e2e.anonymous.PUT(CUSTOMERS, { ...path, body: [{ id: 'x' }] })).response.status).toBe(401);
      expect((await read.DELETE(CUSTOMERS, { ...path, body: ['john'] })).response.status).toBe(403);
      expect(await db.sql(`SELECT id FROM customer WHERE id IN ('x', 'john')`)).toEqual([{ id: 'john' }]);
    });

    it('stores the customer model fields (preferences, active, b2b, ...); a bad value fails its item alone', async () => {
      const columns = `id, preferred_site, preferred_language, preferred_currency, active, b2b, business_model, type,
        company, customer_number, customer_created_at, created_at <> customer_created_at AS own_created_at, version`;
      const ada = {
        id: 'ada',
        firstName: 'Ada',
        preferredSite: 'main',
        preferredLanguage: 'en_US',
        preferredCurrency: 'GBP',
        active: false,
        b2b: {
          companyRegistrationId: '123-456',
          legalEntities: [{ id: 'le1', name: 'Analytical Engines', contactAssignmentId: 'ca1' }],
        },
        businessModel: 'B2B' as const,
        type: 'CONTACT' as const,
        company: 'Analytical Engines',
        customerNumber: 'C-1815',
        metadata: { createdAt: '2020-04-17T10:00:00.5+02:00' },
      };
      const bad: Array<[string, object]> = [
        ['active', { active: 'yes' }],
        ['businessModel', { businessModel: 'B2X' }],
        ['type', { type: 'ADMIN' }],
        ['preferredSite', { preferredSite: 's'.repeat(129) }],
        ['preferredCurrency', { preferredCurrency: 'EURO' }],
        ['b2b.legalEntities.0.id', { b2b: { legalEntities: [{ id: 7 }] } }],
        ['metadata.createdAt', { metadata: { createdAt: 'yesterday' } }],
      ];
      const { data, response } = await manage.PUT(CUSTOMERS, {
        ...path,
        body: [ada, ...bad.map(([, fields]) => ({ id: 'ada', ...fields }) as never)],
      });
      expect(response.status).toBe(207);
      expect(data).toEqual([
        { index: 0, code: 201, status: 'Created', id: 'ada' },
        ...bad.map(([field], i) => ({
          index: i + 1,
          code: 400,
          status: 'Bad Request',
          message: expect.stringContaining(field),
          details: expect.arrayContaining([problemAbout(field)]),
        })),
      ]);
      const adaRow = {
        id: 'ada',
        preferred_site: 'main',
        preferred_language: 'en_US',
        preferred_currency: 'GBP',
        active: false,
        b2b: ada.b2b,
        business_model: 'B2B',
        type: 'CONTACT',
        company: 'Analytical Engines',
        customer_number: 'C-1815',
        customer_created_at: new Date('2020-04-17T08:00:00.500Z'),
        own_created_at: true,
        version: 1,
      };
      expect(await db.sql(`SELECT ${columns} FROM customer WHERE tenant = $1 AND id = 'ada'`, [tenant])).toEqual([
        adaRow,
      ]);

      // The same data again changes nothing; an item without the fields clears them.
      expect((await manage.PUT(CUSTOMERS, { ...path, body: [ada] })).data).toEqual([
        { index: 0, code: 204, status: 'No Content', id: 'ada' },
      ]);
      expect(await db.sql(`SELECT version FROM customer WHERE tenant = $1 AND id = 'ada'`, [tenant])).toEqual([
        { version: 1 },
      ]);
      expect((await manage.PUT(CUSTOMERS, { ...path, body: [{ id: 'ada', firstName: 'Ada' }] })).response.status).toBe(
        207,
      );
      expect(await db.sql(`SELECT ${columns} FROM customer WHERE tenant = $1 AND id = 'ada'`, [tenant])).toEqual([
        {
          ...Object.fromEntries(Object.keys(adaRow).map((column) => [column, null])),
          id: 'ada',
          version: 2,
        },
      ]);
      expect((await manage.DELETE(CUSTOMERS, { ...path, body: ['ada'] })).response.status).toBe(207);
    });
  });

  it('POST creates with defaults (201) and GET embeds the expanded legal entity and the customer data', async () => {
    const created = await manage.POST(LIST, {
      ...path,
      body: { id: 'ca1', legalEntity: { id: 'abc' }, customer: { id: 'john' }, mixins: { note: { text: 'hi' } } },
    });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'ca1' });
    expect(await stored('ca1')).toEqual([
      {
        legal_entity_id: 'abc',
        customer_id: 'john',
        type: 'CONTACT',
        primary: false,
        mixins: { note: { text: 'hi' } },
        version: 1,
      },
    ]);

    const setup = await e2e.client([Scopes.legalEntityManage]);
    const approval = await setup.PUT(LEGAL_ENTITY, {
      params: { path: { tenant, legalEntityId: 'abc' } },
      body: {
        name: 'ABC Company',
        type: 'COMPANY',
        legalInfo: { legalName: 'ABC GmbH' },
        customerGroups: [{ id: 'cg1', name: { en: 'Group 1' } }],
        entitiesAddresses: [{ id: 'hq' }, { id: 'wh' }],
        approvalGroup: [{ id: 'ca1' }],
      },
    });
    expect(approval.response.status).toBe(204);

    const { data, response } = await read.GET(ONE, one('ca1'));
    expect(response.status).toBe(200);
    expect(data).toEqual({
      id: 'ca1',
      legalEntity: {
        id: 'abc',
        name: 'ABC Company',
        type: 'COMPANY',
        legalInfo: { legalName: 'ABC GmbH' },
        customerGroups: [{ id: 'cg1', name: { en: 'Group 1' } }],
        entitiesAddresses: [
          {
            id: 'hq',
            name: 'Main HQ',
            type: 'HEADQUARTER',
            contactDetails: { city: 'South Bend', countryCode: 'US' },
            mixins: {},
            metadata: expectedMetadata(1),
          },
          {
            id: 'wh',
            name: 'Main Warehouse',
            type: 'WAREHOUSE',
            contactDetails: { city: 'Hamburg' },
            mixins: {},
            metadata: expectedMetadata(1),
          },
        ],
        approvalGroup: [
          {
            id: 'ca1',
            legalEntity: { id: 'abc' },
            customer: { id: 'john', name: 'John', surname: 'Doe', email: 'john@example.com', phone: '+1 555' },
            type: 'CONTACT',
            primary: false,
            metadata: expectedMetadata(1),
          },
        ],
        mixins: {},
        metadata: expectedMetadata(2),
      },
      customer: { id: 'john', name: 'John', surname: 'Doe', email: 'john@example.com', phone: '+1 555' },
      type: 'CONTACT',
      primary: false,
      mixins: { note: { text: 'hi' } },
      metadata: expectedMetadata(1),
    });

    // A customer the service holds no data for is shown by id only.
    await create({
      id: 'ca-unknown',
      legalEntity: { id: 'xyz' },
      customer: { id: 'stranger' },
      type: 'BILLING',
      primary: true,
    });
    const unknown = await read.GET(ONE, {
      params: {
        path: { tenant, contactAssignmentId: 'ca-unknown' },
        query: { fields: 'customer,type,primary,legalEntity.entitiesAddresses.name' },
      },
    });
    expect(unknown.data).toEqual({
      id: 'ca-unknown',
      customer: { id: 'stranger' },
      type: 'BILLING',
      primary: true,
      legalEntity: { entitiesAddresses: [{ name: 'Main Warehouse' }] },
    });

    // Customer data removed by the sync: the assignment stays and shows the id only.
    await manage.PUT(CUSTOMERS, { ...path, body: [{ id: 'short-lived', firstName: 'Short' }] });
    await create({ id: 'ca-short', legalEntity: { id: 'xyz' }, customer: { id: 'short-lived' } });
    expect((await read.GET(ONE, one('ca-short'))).data?.customer).toEqual({ id: 'short-lived', name: 'Short' });
    await manage.DELETE(CUSTOMERS, { ...path, body: ['short-lived'] });
    expect((await read.GET(ONE, one('ca-short'))).data?.customer).toEqual({ id: 'short-lived' });

    expect((await read.GET(ONE, one('absent'))).response.status).toBe(404);
  });

  it('POST answers 400 for an unknown legal entity or invalid bodies and 409 for an existing id', async () => {
    const post = (body: unknown) => manage.POST(LIST, { ...path, body: body as ContactAssignmentCreate });
    expectBadRequest(await post({ legalEntity: { id: 'ghost' }, customer: { id: 'john' } }), 'legalEntity.id');
    expectBadRequest(await post({ legalEntity: { id: 'abc' } }), 'customer');
    expectBadRequest(await post({ legalEntity: { id: 'abc' }, customer: {} }), 'customer.id');
    expectBadRequest(await post({ legalEntity: { id: 'abc' }, customer: { id: 'john' }, type: 'FRIEND' }), 'type');
    expectBadRequest(await post({ legalEntity: { id: 'abc' }, customer: { id: 'john' }, primary: 'yes' }), 'primary');
    expectBadRequest(await post({ id: 'bad/id', legalEntity: { id: 'abc' }, customer: { id: 'john' } }), 'id');
    const duplicate = await post({ id: 'ca1', legalEntity: { id: 'xyz' }, customer: { id: 'jane' } });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.error).toMatchObject({ code: 409, resourceId: 'ca1' });
    expect(await stored('ca1')).toMatchObject([{ legal_entity_id: 'abc', customer_id: 'john' }]);
    expect(await db.sql('SELECT count(*)::int AS n FROM contact_assignment')).toEqual([{ n: 3 }]);
  });

  it('PUT creates (201 with id), replaces (204), checks metadata.version (409) and its input (400)', async () => {
    const body: ContactAssignmentUpdate = {
      legalEntity: { id: 'abc' },
      customer: { id: 'jane' },
      type: 'LOGISTICS',
      primary: true,
    };
    const created = await manage.PUT(ONE, { ...one('ca-put'), body });
    expect(created.response.status).toBe(201);
    expect(created.data).toEqual({ id: 'ca-put' });

    const moved = await manage.PUT(ONE, {
      ...one('ca-put'),
      body: { legalEntity: { id: 'xyz' }, customer: { id: 'jane' }, type: 'BILLING', metadata: { version: 1 } },
    });
    expect(moved.response.status).toBe(204);
    expect(await stored('ca-put')).toEqual([
      { legal_entity_id: 'xyz', customer_id: 'jane', type: 'BILLING', primary: false, mixins: {}, version: 2 },
    ]);

    // A GET-modify-PUT round trip works: the embedded documents are read back by their ids.
    const current = await read.GET(ONE, one('ca-put'));
    expect(
      (
        await manage.PUT(ONE, {
          ...one('ca-put'),
          body: { ...(current.data as ContactAssignmentUpdate), mixins: { note: { text: 'round trip' } } },
        })
      ).response.status,
    ).toBe(204);
    expect(await stored('ca-put')).toEqual([
      {
        legal_entity_id: 'xyz',
        customer_id: 'jane',
        type: 'BILLING',
        primary: false,
        mixins: { note: { text: 'round trip' } },
        version: 3,
      },
    ]);

    const stale = await manage.PUT(ONE, { ...one('ca-put'), body: { ...body, metadata: { version: 1 } } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 409, resourceId: 'ca-put', message: expect.stringMatching(/version/) });
    expect(await stored('ca-put')).toMatchObject([{ legal_entity_id: 'xyz', version: 3 }]);

    expectBadRequest(
      await manage.PUT(ONE, {
        ...one('ca-put'),
        body: { legalEntity: { id: 'xyz' }, customer: { id: 'jane' } } as ContactAssignmentUpdate,
      }),
      'type',
    );
    expectBadRequest(
      await manage.PUT(ONE, { ...one('ca-put'), body: { ...body, legalEntity: { id: 'ghost' } } }),
      'legalEntity.id',
    );
    expectBadRequest(await manage.PUT(ONE, { ...one('bad id'), body }), 'contactAssignmentId');
    expect(await stored('ca-put')).toMatchObject([{ legal_entity_id: 'xyz', version: 3 }]);
  });

  describe('list', () => {
    const ids = async (query: Record<string, unknown>) => {
      const { data, response, error } = await read.GET(LIST, { params: { path: { tenant }, query } });
      expect(error).toBeUndefined();
      expect(response.status).toBe(200);
      return (data ?? []).map((assignment) => assignment.id);
    };

    it('returns embedded documents exactly as GET does', async () => {
      const { data } = await read.GET(LIST, path);
      expect(data?.map((assignment) => assignment.id)).toEqual(['ca-put', 'ca-short', 'ca-unknown', 'ca1']);
      for (const assignment of data ?? []) expect(assignment).toEqual((await read.GET(ONE, one(assignment.id))).data);
    });

    it('filters by legalEntity.id, customer.id, type and primary (equals)', async () => {
      expect(await ids({ 'legalEntity.id': 'abc' })).toEqual(['ca1']);
      expect(await ids({ 'legalEntity.id': 'xyz' })).toEqual(['ca-put', 'ca-short', 'ca-unknown']);
      expect(await ids({ 'customer.id': 'jane' })).toEqual(['ca-put']);
      expect(await ids({ 'customer.id': 'JANE' })).toEqual([]);
      expect(await ids({ type: 'BILLING' })).toEqual(['ca-put', 'ca-unknown']);
      expect(await ids({ primary: true })).toEqual(['ca-unknown']);
      expect(await ids({ primary: false, 'legalEntity.id': 'xyz' })).toEqual(['ca-put', 'ca-short']);
      for (const query of [{ type: 'FRIEND' }, { primary: 'yes' }]) {
        expect((await read.GET(LIST, { params: { path: { tenant }, query: query as never } })).response.status).toBe(
          400,
        );
      }
    });

    it('filters with q on its own, the customer and the legal entity fields', async () => {
      expect(await ids({ q: 'primary:true' })).toEqual(['ca-unknown']);
      expect(await ids({ q: 'customer.name:John' })).toEqual(['ca1']);
      expect(await ids({ q: 'customer.email:exists' })).toEqual(['ca1']);
      expect(await ids({ q: 'customer.surname:~^sm' })).toEqual(['ca-put']);
      expect(await ids({ q: 'legalEntity.id:xyz customer.id:(stranger,jane)' })).toEqual(['ca-put', 'ca-unknown']);
      expect(await ids({ q: 'legalEntity.name:~abc' })).toEqual(['ca1']);
      expect(await ids({ q: 'legalEntity.legalInfo.legalName:"ABC GmbH"' })).toEqual(['ca1']);
      expect(await ids({ q: 'legalEntity.customerGroups.id:cg1' })).toEqual(['ca1']);
      expect(await ids({ q: 'legalEntity.customerGroups.id:missing legalEntity.entitiesAddresses.id:wh' })).toEqual([
        'ca-put',
        'ca-short',
        'ca-unknown',
      ]);
      expect(await ids({ q: 'type:(BILLING,CONTACT) mixins.note.text:hi' })).toEqual(['ca1']);
      expect(await ids({ q: 'metadata.version:3' })).toEqual(['ca-put']);
      expect(await ids({ q: 'mixins.note.text:~trip' })).toEqual(['ca-put']);
      expect(
        (await read.GET(LIST, { params: { path: { tenant }, query: { q: 'customer.age:3' } } })).response.status,
      ).toBe(400);
    });

    it('sorts, pages, projects and counts on request', async () => {
      expect(await ids({ sort: 'legalEntity.name:desc,customer.id' })).toEqual([
        'ca-put',
        'ca-short',
        'ca-unknown',
        'ca1',
      ]);
      expect(await ids({ sort: 'type,id:desc' })).toEqual(['ca-unknown', 'ca-put', 'ca1', 'ca-short']);
      const page = await read.GET(LIST, {
        params: { path: { tenant }, query: { pageSize: 2, pageNumber: 2, fields: 'customer.id' } },
        headers: { 'X-Total-Count': 'true' },
      });
      expect(page.data).toEqual([
        { id: 'ca-unknown', customer: { id: 'stranger' } },
        { id: 'ca1', customer: { id: 'john' } },
      ]);
      expect(page.response.headers.get('X-Total-Count')).toBe('4');
      const beyond = await read.GET(LIST, {
        params: { path: { tenant }, query: { pageSize: 16, pageNumber: 3 } },
        headers: { 'X-Total-Count': 'true' },
      });
      expect(beyond.data).toEqual([]);
      expect(beyond.response.headers.get('X-Total-Count')).toBe('4');
    });
  });

  it('DELETE removes the assignment and drops it from approval groups (204), 404 when absent', async () => {
    const deleted = await manage.DELETE(ONE, one('ca1'));
    expect(deleted.response.status).toBe(204);
    expect(await stored('ca1')).toEqual([]);
    expect(await db.sql(`SELECT approval_group, version FROM legal_entity WHERE id = 'abc'`)).toEqual([
      { approval_group: [], version: 3 },
    ]);
    const again = await manage.DELETE(ONE, one('ca1'));
    expect(again.response.status).toBe(404);
    expect(again.error).toMatchObject({ code: 404, resourceId: 'ca1' });
  });

  it('answers 401 without a token and 403 without the scope', async () => {
    expect((await e2e.anonymous.GET(ONE, one('ca-put'))).response.status).toBe(401);
    expect((await read.DELETE(ONE, one('ca-put'))).response.status).toBe(403);
    const legalEntityReader = await e2e.client([Scopes.legalEntityRead]);
    expect((await legalEntityReader.GET(LIST, path)).response.status).toBe(403);
    expect(await stored('ca-put')).toHaveLength(1);
  });
});
