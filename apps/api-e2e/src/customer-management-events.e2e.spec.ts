import { ALL_SCOPES, AnyEventEnvelope, EventTypes, isOwnScope, Scopes } from '@cs/contracts';
import { database, ISO, tenant } from './fixtures';
import { E2e, JsonAnswer, sendJson, startE2e } from './support';

const CM = `/customer-management/${tenant}`;
const CATALOG = `/customer-segment/${tenant}/catalog`;
const FEED = '/customer-segment/{tenant}/events' as const;

/** An event as a test expects it: what the change recorded, in the envelope's terms. */
interface ExpectedEvent {
  type: string;
  resource: { type: string; id: string };
  version: number | null;
  data: unknown;
}

/** A document's `metadata` as events carry it: the stored one, `mixins` always present. */
interface EventMetadata {
  version: number;
  createdAt: string;
  modifiedAt: string;
  mixins: Record<string, string>;
}

describe('events of customer management, customer data and the catalog: exactly one per changed document', () => {
  let e2e: E2e;
  let token: string;
  let db: ReturnType<typeof database>;
  /** The outbox id up to which events were looked at. */
  let seen = '0';

  const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    sendJson(e2e.server.baseUrl, token, method, path, body, headers);
  const expectStatus = (answer: JsonAnswer, status: number) => {
    if (answer.status !== status)
      throw new Error(`HTTP ${answer.status} (not ${status}): ${JSON.stringify(answer.json)}`);
  };
  const codes = (answer: JsonAnswer) => (answer.json as Array<{ code: number }>).map((entry) => entry.code);

  /** The events recorded after the outbox row `after`, in write order, and the id of the last. */
  const recordedAfter = async (after: string): Promise<{ events: ExpectedEvent[]; last: string }> => {
    const rows = await db.sql<{
      id: string;
      type: string;
      resource_type: string;
      resource_id: string;
      version: number | null;
      payload: unknown;
    }>(
      `SELECT id, type, resource_type, resource_id, version, payload FROM outbox
       WHERE tenant = $1 AND id > $2 ORDER BY id`,
      [tenant, after],
    );
    return {
      last: rows.length ? rows[rows.length - 1].id : after,
      events: rows.map((row) => ({
        type: row.type,
        resource: { type: row.resource_type, id: row.resource_id },
        version: row.version,
        data: row.payload,
      })),
    };
  };
  /** The events recorded since the last call. */
  const newEvents = async (): Promise<ExpectedEvent[]> => {
    const { events, last } = await recordedAfter(seen);
    seen = last;
    return events;
  };
  /**
   * The request's answer has `status`, and it recorded exactly the `expected` events (in any order); a function
   * gives them after the status is checked (it reads the documents' metadata).
   */
  const expectEvents = async (
    answer: JsonAnswer,
    status: number,
    expected: ExpectedEvent[] | (() => Promise<ExpectedEvent[]>),
  ) => {
    expectStatus(answer, status);
    const events = await newEvents();
    if (typeof expected === 'function') expected = await expected();
    const key = (event: ExpectedEvent) => `${event.type} ${event.resource.type} ${event.resource.id}`;
    const sorted = (list: ExpectedEvent[]) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sorted(events)).toEqual(sorted(expected));
  };
  /** The metadata a document has now, as its GET shows it (`path`), which is what its last event must carry. */
  const metadataOf = async (path: string): Promise<EventMetadata> => {
    const answer = await send('GET', path);
    expectStatus(answer, 200);
    const { metadata } = answer.json as {
      metadata: Omit<EventMetadata, 'mixins'> & { mixins?: EventMetadata['mixins'] };
    };
    return { ...metadata, mixins: metadata.mixins ?? {} };
  };
  /** The metadata of a document without a read route (customer data): its version, the timestamps as ISO text. */
  const metadataWithVersion = (version: number) => ({
    version,
    createdAt: expect.stringMatching(ISO),
    modifiedAt: expect.stringMatching(ISO),
  });

  beforeAll(async () => {
    e2e = await startE2e();
    token = await e2e.server.token(ALL_SCOPES.filter((scope) => !isOwnScope(scope)));
    db = database(e2e);
  });
  afterAll(() => e2e.server.close());

  describe('customer management', () => {
    const legalEntity = (id: string) => `${CM}/legal-entities/${id}`;
    const location = (id: string) => `${CM}/locations/${id}`;
    const assignment = (id: string) => `${CM}/contact-assignments/${id}`;
    const legalEntityCreated = 'client-management.legalentity-created';
    const legalEntityUpdated = 'client-management.legalentity-updated';
    const legalEntityEvent = async (type: string, id: string, data: object): Promise<ExpectedEvent> => {
      const metadata = await metadataOf(legalEntity(id));
      return { type, resource: { type: 'legal-entity', id }, version: metadata.version, data: { ...data, metadata } };
    };

    it('locations: created by POST and PUT, updated by a changing PUT; none unchanged or for a taken id', async () => {
      const body = {
        name: 'Main HQ',
        type: 'HEADQUARTER',
        contactDetails: { city: 'Berlin', emails: ['hq@acme.example'] },
      };
      const event = async (type: string, id: string, data: object): Promise<ExpectedEvent> => {
        const metadata = await metadataOf(location(id));
        return { type, resource: { type: 'location', id }, version: metadata.version, data: { ...data, metadata } };
      };
      let answer = await send('POST', `${CM}/locations`, { id: 'hq', ...body, mixins: { erp: { n: 1 } } });
      await expectEvents(answer, 201, async () => [
        await event('client-management.location-created', 'hq', { id: 'hq', ...body, mixins: { erp: { n: 1 } } }),
      ]);
      answer = await send('POST', `${CM}/locations`, { id: 'hq', ...body });
      await expectEvents(answer, 409, []);

      const warehouse = {
        type: 'WAREHOUSE',
        contactDetails: { city: 'Hamburg' },
        metadata: { mixins: { erp: 'urn:erp' } },
      };
      answer = await send('PUT', location('wh'), warehouse);
      await expectEvents(answer, 201, async () => [
        await event('client-management.location-created', 'wh', {
          id: 'wh',
          type: 'WAREHOUSE',
          contactDetails: { city: 'Hamburg' },
          mixins: {},
        }),
      ]);
      answer = await send('PUT', location('wh'), warehouse);
      await expectEvents(answer, 204, []);
      answer = await send('PUT', location('wh'), {
        ...warehouse,
        name: 'Depot',
        metadata: { ...warehouse.metadata, version: 1 },
      });
      await expectEvents(answer, 204, async () => [
        await event('client-management.location-updated', 'wh', {
          id: 'wh',
          name: 'Depot',
          type: 'WAREHOUSE',
          contactDetails: { city: 'Hamburg' },
          mixins: {},
        }),
      ]);
      expect((await metadataOf(location('wh'))).mixins).toEqual({ erp: 'urn:erp' });
      answer = await send('PUT', location('wh'), { ...warehouse, metadata: { ...warehouse.metadata, version: 1 } });
      await expectEvents(answer, 409, []);
    });

    it('legal entities: created by POST and PUT (Emporix payload), updated by a changing PUT', async () => {
      const acme = {
        name: 'ACME',
        type: 'COMPANY',
        legalInfo: { legalName: 'ACME AG', countryOfRegistration: 'DE' },
        accountLimit: { currency: 'EUR', value: 5000 },
        customerGroups: [{ id: 'cg-1', name: { en: 'Buyers' } }],
        entitiesAddresses: [{ id: 'hq' }, { id: 'wh' }],
        restrictions: ['DE'],
        mixins: { crm: { tier: 'A' } },
        metadata: { mixins: { crm: 'urn:crm' } },
      };
      const acmeData = {
        legalEntityId: 'acme',
        name: 'ACME',
        type: 'COMPANY',
        legalInfo: acme.legalInfo,
        accountLimit: acme.accountLimit,
        customerGroups: acme.customerGroups,
        addresses: ['hq', 'wh'],
        approvalGroup: [],
        restrictions: ['DE'],
        mixins: acme.mixins,
      };
      let answer = await send('POST', `${CM}/legal-entities`, { id: 'acme', ...acme });
      await expectEvents(answer, 201, async () => [await legalEntityEvent(legalEntityCreated, 'acme', acmeData)]);
      answer = await send('POST', `${CM}/legal-entities`, { id: 'acme', name: 'Other' });
      await expectEvents(answer, 409, []);

      const subsidiary = (name: string) => ({ name, type: 'SUBSIDIARY', parentId: 'acme' });
      const subsidiaryData = (id: string, parentId = 'acme') => ({
        legalEntityId: id,
        name: id,
        type: 'SUBSIDIARY',
        parentId,
        customerGroups: [],
        addresses: [],
        approvalGroup: [],
        mixins: {},
      });
      answer = await send('PUT', legalEntity('acme-east'), subsidiary('acme-east'));
      await expectEvents(answer, 201, async () => [
        await legalEntityEvent(legalEntityCreated, 'acme-east', subsidiaryData('acme-east')),
      ]);
      answer = await send('POST', `${CM}/legal-entities`, {
        id: 'acme-east-1',
        ...subsidiary('acme-east-1'),
        parentId: 'acme-east',
      });
      await expectEvents(answer, 201, async () => [
        await legalEntityEvent(legalEntityCreated, 'acme-east-1', subsidiaryData('acme-east-1', 'acme-east')),
      ]);

      answer = await send('PUT', legalEntity('acme'), acme);
      await expectEvents(answer, 204, []);
      answer = await send('PUT', legalEntity('acme'), {
        ...acme,
        name: 'ACME Group',
        metadata: { ...acme.metadata, version: 1 },
      });
      await expectEvents(answer, 204, async () => [
        await legalEntityEvent(legalEntityUpdated, 'acme', { ...acmeData, name: 'ACME Group' }),
      ]);
      answer = await send('PUT', legalEntity('acme'), { ...acme, metadata: { version: 1 } });
      await expectEvents(answer, 409, []);
      answer = await send('PUT', legalEntity('acme'), { ...acme, type: 'SUBSIDIARY', parentId: 'acme-east-1' });
      await expectEvents(answer, 400, []);
    });

    it('contact assignments: user-assigned-to-legalentity (with the synced e-mail), then updated', async () => {
      const sync = await send('PUT', `${CM}/customers/bulk`, [
        { id: 'john', firstName: 'John', email: 'john@acme.example' },
      ]);
      expectStatus(sync, 207);
      await newEvents(); // customer data events: see the customer data test below
      const data = (assignmentId: string, userId: string, legalEntityId: string, extra: object = {}) => ({
        assignmentId,
        userId,
        legalEntityId,
        type: 'CONTACT',
        primary: false,
        mixins: {},
        ...extra,
      });
      const event = async (type: string, id: string, eventData: object): Promise<ExpectedEvent> => {
        const metadata = await metadataOf(assignment(id));
        return {
          type,
          resource: { type: 'contact-assignment', id },
          version: metadata.version,
          data: { ...eventData, metadata },
        };
      };
      const assigned = 'client-management.user-assigned-to-legalentity';
      const body = { legalEntity: { id: 'acme' }, customer: { id: 'john' } };
      let answer = await send('POST', `${CM}/contact-assignments`, { id: 'ca-john', ...body });
      await expectEvents(answer, 201, async () => [
        await event(assigned, 'ca-john', data('ca-john', 'john', 'acme', { email: 'john@acme.example' })),
      ]);
      answer = await send('POST', `${CM}/contact-assignments`, { id: 'ca-john', ...body });
      await expectEvents(answer, 409, []);
      answer = await send('POST', `${CM}/contact-assignments`, {
        legalEntity: { id: 'nowhere' },
        customer: { id: 'john' },
      });
      await expectEvents(answer, 400, []);

      // A customer without synced data: no e-mail.
      const jane = { legalEntity: { id: 'acme-east' }, customer: { id: 'jane' }, type: 'BILLING', primary: true };
      answer = await send('PUT', assignment('ca-jane'), jane);
      await expectEvents(answer, 201, async () => [
        await event(assigned, 'ca-jane', data('ca-jane', 'jane', 'acme-east', { type: 'BILLING', primary: true })),
      ]);
      answer = await send('PUT', assignment('ca-jane'), jane);
      await expectEvents(answer, 204, []);
      answer = await send('PUT', assignment('ca-jane'), { ...jane, primary: false, mixins: { note: 'moved' } });
      await expectEvents(answer, 204, async () => [
        await event(
          'client-management.contact-assignment-updated',
          'ca-jane',
          data('ca-jane', 'jane', 'acme-east', { type: 'BILLING', mixins: { note: 'moved' } }),
        ),
      ]);
      answer = await send('PUT', assignment('ca-east-1'), {
        legalEntity: { id: 'acme-east-1' },
        customer: { id: 'john' },
        type: 'CONTACT',
      });
      await expectEvents(answer, 201, async () => [
        await event(assigned, 'ca-east-1', data('ca-east-1', 'john', 'acme-east-1', { email: 'john@acme.example' })),
      ]);
    });

    it('deleting a contact assignment: its event and an updated one per legal entity it leaves', async () => {
      const approvers = (ids: string[]) => ({ name: 'ACME Group', approvalGroup: ids.map((id) => ({ id })) });
      for (const [id, ids] of [
        ['acme', ['ca-john', 'ca-jane']],
        ['acme-east', ['ca-jane', 'ca-east-1']],
      ] as const) {
        const { json: current } = await send('GET', legalEntity(id));
        const answer = await send('PUT', legalEntity(id), { ...current, ...approvers([...ids]), metadata: {} });
        expectStatus(answer, 204);
      }
      await newEvents();
      const answer = await send('DELETE', assignment('ca-jane'));
      const remaining = async (id: string) => (await send('GET', legalEntity(id))).json;
      expectStatus(answer, 204);
      const acme = await remaining('acme');
      const east = await remaining('acme-east');
      const expected: ExpectedEvent[] = [
        {
          type: 'client-management.contact-assignment-deleted',
          resource: { type: 'contact-assignment', id: 'ca-jane' },
          version: null,
          data: { assignmentId: 'ca-jane', userId: 'jane', legalEntityId: 'acme-east' },
        },
        await legalEntityEvent(legalEntityUpdated, 'acme', {
          legalEntityId: 'acme',
          name: 'ACME Group',
          type: 'COMPANY',
          legalInfo: acme.legalInfo,
          accountLimit: acme.accountLimit,
          customerGroups: acme.customerGroups,
          addresses: ['hq', 'wh'],
          approvalGroup: ['ca-john'],
          restrictions: ['DE'],
          mixins: { crm: { tier: 'A' } },
        }),
        await legalEntityEvent(legalEntityUpdated, 'acme-east', {
          legalEntityId: 'acme-east',
          name: 'ACME Group',
          type: 'SUBSIDIARY',
          parentId: 'acme',
          customerGroups: [],
          addresses: [],
          approvalGroup: ['ca-east-1'],
          mixins: {},
        }),
      ];
      expect(east.approvalGroup.map((entry: { id: string }) => entry.id)).toEqual(['ca-east-1']);
      await expectEvents(answer, 204, expected);
      await expectEvents(await send('DELETE', assignment('ca-jane')), 404, []);
    });

    it('deleting a location: its deleted event and an updated one for each legal entity it leaves', async () => {
      const answer = await send('DELETE', location('wh'));
      expectStatus(answer, 204);
      const { json: acme } = await send('GET', legalEntity('acme'));
      await expectEvents(answer, 204, async () => [
        {
          type: 'client-management.location-deleted',
          resource: { type: 'location', id: 'wh' },
          version: null,
          data: { id: 'wh' },
        },
        await legalEntityEvent(legalEntityUpdated, 'acme', {
          legalEntityId: 'acme',
          name: 'ACME Group',
          type: 'COMPANY',
          legalInfo: acme.legalInfo,
          accountLimit: acme.accountLimit,
          customerGroups: acme.customerGroups,
          addresses: ['hq'],
          approvalGroup: ['ca-john'],
          restrictions: ['DE'],
          mixins: { crm: { tier: 'A' } },
        }),
      ]);
      expect(acme.metadata.version).toBe(5);
      await expectEvents(await send('DELETE', location('wh')), 404, []);
    });

    it('deleting a legal entity: events of its subtree, their contact assignments, the rest updated', async () => {
      // acme lists ca-east-1 (of acme-east-1, inside the subtree of acme-east) in its approval group.
      const { json: current } = await send('GET', legalEntity('acme'));
      const put = await send('PUT', legalEntity('acme'), {
        ...current,
        approvalGroup: [{ id: 'ca-john' }, { id: 'ca-east-1' }],
        metadata: {},
      });
      expectStatus(put, 204);
      await newEvents();

      const answer = await send('DELETE', legalEntity('acme-east'));
      expectStatus(answer, 204);
      const { json: acme } = await send('GET', legalEntity('acme'));
      const deleted = (type: string, resourceType: string, id: string, data: object): ExpectedEvent => ({
        type,
        resource: { type: resourceType, id },
        version: null,
        data,
      });
      await expectEvents(answer, 204, async () => [
        deleted('client-management.legalentity-deleted', 'legal-entity', 'acme-east', {
          legalEntityId: 'acme-east',
          legalEntityParentId: 'acme',
        }),
        deleted('client-management.legalentity-deleted', 'legal-entity', 'acme-east-1', {
          legalEntityId: 'acme-east-1',
          legalEntityParentId: 'acme-east',
        }),
        deleted('client-management.contact-assignment-deleted', 'contact-assignment', 'ca-east-1', {
          assignmentId: 'ca-east-1',
          userId: 'john',
          legalEntityId: 'acme-east-1',
        }),
        await legalEntityEvent(legalEntityUpdated, 'acme', {
          legalEntityId: 'acme',
          name: 'ACME Group',
          type: 'COMPANY',
          legalInfo: acme.legalInfo,
          accountLimit: acme.accountLimit,
          customerGroups: acme.customerGroups,
          addresses: ['hq'],
          approvalGroup: ['ca-john'],
          restrictions: ['DE'],
          mixins: { crm: { tier: 'A' } },
        }),
      ]);
      await expectEvents(await send('DELETE', legalEntity('acme-east')), 404, []);

      // A company alone: one deleted event (no parent), and its contact assignment's.
      const lone = await send('DELETE', legalEntity('acme'));
      await expectEvents(lone, 204, [
        deleted('client-management.legalentity-deleted', 'legal-entity', 'acme', { legalEntityId: 'acme' }),
        deleted('client-management.contact-assignment-deleted', 'contact-assignment', 'ca-john', {
          assignmentId: 'ca-john',
          userId: 'john',
          legalEntityId: 'acme',
        }),
      ]);
    });
  });

  it('customer data: created, updated, deleted per bulk item; none unchanged, failed or unknown', async () => {
    const customer = (type: string, id: string, version: number | null, data: object): ExpectedEvent => ({
      type,
      resource: { type: 'customer', id },
      version,
      data: version === null ? data : { mixins: {}, ...data, metadata: metadataWithVersion(version) },
    });
    const bulk = `${CM}/customers/bulk`;
    const ada = {
      id: 'ada',
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 1',
      preferredSite: 'main',
      preferredLanguage: 'en_GB',
      preferredCurrency: 'GBP',
      active: false,
      b2b: { companyRegistrationId: '123-456', legalEntities: [{ id: 'le1', name: 'Analytical Engines' }] },
      businessModel: 'B2B',
      type: 'CUSTOMER',
      company: 'Analytical Engines',
      customerNumber: 'C-1815',
      metadata: { createdAt: '2020-04-17T10:00:00.5+02:00' },
    };
    // The customer's creation date is `metadataCreatedAt` in UTC: the event's `metadata` is this service's.
    const { metadata: adaCreated, ...adaFields } = ada;
    const adaData = { ...adaFields, metadataCreatedAt: '2020-04-17T08:00:00.500Z' };
    expect(adaCreated.createdAt).not.toBe(adaData.metadataCreatedAt);
    let answer = await send('PUT', bulk, [ada, { id: 'alan', firstName: 'Alan', mixins: { p: { a: 1 } } }, { id: 7 }]);
    expect(codes(answer)).toEqual([201, 201, 400]);
    await expectEvents(answer, 207, [
      customer('customer.customer-created', 'ada', 1, adaData),
      customer('customer.customer-created', 'alan', 1, { id: 'alan', firstName: 'Alan', mixins: { p: { a: 1 } } }),
    ]);
    answer = await send('PUT', bulk, [ada, { id: 'alan', firstName: 'Alan', lastName: 'Turing' }]);
    expect(codes(answer)).toEqual([204, 204]);
    await expectEvents(answer, 207, [
      customer('customer.customer-updated', 'alan', 2, { id: 'alan', firstName: 'Alan', lastName: 'Turing' }),
    ]);
    // A change of one new field is an update; fields left out (or null) are left out of the event.
    answer = await send('PUT', bulk, [
      { ...ada, active: true, b2b: null, metadata: undefined },
      { id: 'alan', firstName: 'Alan', lastName: 'Turing', active: 'yes' },
      { id: 'alan', businessModel: 'B2X' },
    ]);
    expect(codes(answer)).toEqual([204, 400, 400]);
    const { b2b: _b2b, metadataCreatedAt: _created, ...adaUpdated } = adaData;
    await expectEvents(answer, 207, [customer('customer.customer-updated', 'ada', 2, { ...adaUpdated, active: true })]);
    answer = await send('DELETE', bulk, ['ada', 'nobody', 'john']);
    expect(codes(answer)).toEqual([204, 404, 204]);
    await expectEvents(answer, 207, [
      customer('customer.customer-deleted', 'ada', null, { id: 'ada' }),
      customer('customer.customer-deleted', 'john', null, { id: 'john' }),
    ]);
  });

  describe('catalog', () => {
    const catalogEvent = async (
      resourceType: 'category' | 'product',
      type: string,
      id: string,
      data: object,
    ): Promise<ExpectedEvent> => {
      const metadata = await metadataOf(`${CATALOG}/${resourceType === 'category' ? 'categories' : 'products'}/${id}`);
      return { type, resource: { type: resourceType, id }, version: metadata.version, data: { ...data, metadata } };
    };

    it('categories: created and updated per bulk item (localized fields as the stored maps), deleted', async () => {
      const bulk = `${CATALOG}/categories/bulk`;
      const root = {
        id: 'k-root',
        code: 'ROOT',
        name: { en: 'Root', de: 'Wurzel' },
        ecn: ['e1'],
        validity: { from: '2020-01-01T00:00:00.000Z' },
        position: 1,
        mixins: { feed: { src: 'pim' } },
        metadata: { mixins: { feed: 'urn:feed' } },
      };
      const rootData = {
        id: 'k-root',
        code: 'ROOT',
        name: root.name,
        localizedDescription: {},
        localizedSlug: {},
        ecn: ['e1'],
        validity: { from: '2020-01-01T00:00:00.000Z' },
        position: 1,
        published: true,
        mixins: root.mixins,
      };
      const child = { id: 'k-child', parentId: 'k-root', name: { en: 'Child' }, localizedSlug: { en: 'child' } };
      const childData = {
        id: 'k-child',
        parentId: 'k-root',
        name: { en: 'Child' },
        localizedDescription: {},
        localizedSlug: { en: 'child' },
        ecn: [],
        published: true,
        mixins: {},
      };
      let answer = await send('PUT', bulk, [root, child, { id: 'k-bad', parentId: 'k-bad', name: { en: 'Bad' } }]);
      expect(codes(answer)).toEqual([201, 201, 400]);
      await expectEvents(answer, 207, async () => [
        await catalogEvent('category', 'catalog.category-created', 'k-root', rootData),
        await catalogEvent('category', 'catalog.category-created', 'k-child', childData),
      ]);

      // Single-language writes merge into the stored maps: the root's German name is stored already, the child's
      // texts are new, and its event carries the merged maps.
      const german = [
        { ...root, name: 'Wurzel' },
        { ...child, name: 'Kind', localizedSlug: 'kind' },
      ];
      answer = await send('PUT', bulk, german, { 'Content-Language': 'de' });
      expect(codes(answer)).toEqual([204, 204]);
      await expectEvents(answer, 207, async () => [
        await catalogEvent('category', 'catalog.category-updated', 'k-child', {
          ...childData,
          name: { en: 'Child', de: 'Kind' },
          localizedSlug: { en: 'child', de: 'kind' },
        }),
      ]);

      answer = await send('DELETE', bulk, ['k-child', 'k-unknown']);
      expect(codes(answer)).toEqual([204, 204]);
      await expectEvents(answer, 207, [
        {
          type: 'catalog.category-deleted',
          resource: { type: 'category', id: 'k-child' },
          version: null,
          data: { id: 'k-child' },
        },
      ]);
    });

    it('products: created, updated by their fields or by their categories alone, deleted', async () => {
      const bulk = `${CATALOG}/products/bulk`;
      const one = { id: 'p-1', code: 'P1', name: { en: 'One' }, categoryIds: ['k-root', 'k-b', 'k-root'] };
      const oneData = { id: 'p-1', code: 'P1', name: { en: 'One' }, categoryIds: ['k-b', 'k-root'], mixins: {} };
      let answer = await send('PUT', bulk, [one, { id: 'p-2', name: { en: 'Two' } }]);
      expect(codes(answer)).toEqual([201, 201]);
      await expectEvents(answer, 207, async () => [
        await catalogEvent('product', 'catalog.product-created', 'p-1', oneData),
        await catalogEvent('product', 'catalog.product-created', 'p-2', {
          id: 'p-2',
          name: { en: 'Two' },
          categoryIds: [],
          mixins: {},
        }),
      ]);

      // Only the categories change (a set: order and repetitions do not count).
      answer = await send('PUT', bulk, [
        { ...one, categoryIds: ['k-root', 'k-b'] },
        { id: 'p-2', name: { en: 'Two' }, categoryIds: ['k-b'] },
      ]);
      expect(codes(answer)).toEqual([204, 204]);
      await expectEvents(answer, 207, async () => [
        await catalogEvent('product', 'catalog.product-updated', 'p-2', {
          id: 'p-2',
          name: { en: 'Two' },
          categoryIds: ['k-b'],
          mixins: {},
        }),
      ]);
      // Fields and categories change together: still one event.
      answer = await send('PUT', bulk, [
        { ...one, name: { en: 'One!' }, categoryIds: ['k-root'], metadata: { version: 1 } },
      ]);
      expect(codes(answer)).toEqual([204]);
      await expectEvents(answer, 207, async () => [
        await catalogEvent('product', 'catalog.product-updated', 'p-1', {
          ...oneData,
          name: { en: 'One!' },
          categoryIds: ['k-root'],
        }),
      ]);
      answer = await send('PUT', bulk, [{ ...one, metadata: { version: 1 } }]);
      expect(codes(answer)).toEqual([409]);
      await expectEvents(answer, 207, []);

      answer = await send('DELETE', bulk, ['p-2', 'p-unknown', 'p-1']);
      expect(codes(answer)).toEqual([204, 204, 204]);
      await expectEvents(answer, 207, [
        {
          type: 'catalog.product-deleted',
          resource: { type: 'product', id: 'p-2' },
          version: null,
          data: { id: 'p-2' },
        },
        {
          type: 'catalog.product-deleted',
          resource: { type: 'product', id: 'p-1' },
          version: null,
          data: { id: 'p-1' },
        },
      ]);
    });
  });
  it('the feed delivers each event once, in write order, sequences 1..n, valid by the schemas', async () => {
    const { events: recorded } = await recordedAfter('0');
    // The generated client checks every answer against the OpenAPI document, the event schemas included.
    const reader = await e2e.client([Scopes.eventRead]);
    const delivered: AnyEventEnvelope[] = [];
    while (delivered.length < recorded.length) {
      const after = delivered.length ? delivered[delivered.length - 1].id : '0';
      const { data, error } = await reader.GET(FEED, {
        params: { path: { tenant }, query: { after, limit: 1000, wait: 5 } },
      });
      if (!data?.length) throw new Error(`the feed stopped after ${delivered.length} events: ${JSON.stringify(error)}`);
      delivered.push(...(data as AnyEventEnvelope[]));
    }
    expect(delivered.map(({ type, resource, version, data }) => ({ type, resource, version, data }))).toEqual(recorded);
    const sequences = new Map<string, number[]>();
    for (const event of delivered) {
      const key = `${event.resource.type} ${event.resource.id}`;
      sequences.set(key, [...(sequences.get(key) ?? []), event.sequence]);
    }
    for (const list of sequences.values()) expect(list).toEqual(list.map((_, i) => i + 1));
    expect(new Set(delivered.map((event) => event.type))).toEqual(
      // Every type of these families (segments and webhooks have e2e files of their own).
      new Set(
        Object.values(EventTypes).filter(
          (type) => !type.startsWith('customer-segment.') && !type.startsWith('webhook.'),
        ),
      ),
    );
  });
});
