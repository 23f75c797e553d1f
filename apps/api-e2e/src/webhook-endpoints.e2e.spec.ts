import { ApiClient, components } from '@cs/client';
import { Scopes } from '@cs/contracts';
import { database, expectBadRequest, expectedMetadata, ISO, tenant } from './fixtures';
import { E2e, startE2e, withStatements } from './support';

type EndpointCreate = components['schemas']['WebhookEndpointCreate'];

const LIST = '/webhooks/{tenant}/endpoints' as const;
const ONE = '/webhooks/{tenant}/endpoints/{endpointId}' as const;
const ROTATE = '/webhooks/{tenant}/endpoints/{endpointId}/secret/rotate' as const;
const one = (endpointId: string, at = tenant) => ({ params: { path: { tenant: at, endpointId } } });
const all = (at = tenant) => ({ params: { path: { tenant: at } } });

/** `whsec_` and the base64 of 32 bytes (44 characters with one `=` of padding). */
const SECRET = /^whsec_[A-Za-z0-9+/]{43}=$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ABSENT_ID = '00000000-0000-4000-8000-000000000000';
const DAY_MS = 86_400_000;

const HOOK: EndpointCreate = {
  url: 'https://hooks.example.com/segments',
  description: 'CRM sync',
  eventTypes: ['customer-segment.*', 'client-management.location-created'],
};

describe('webhook endpoints', () => {
  let e2e: E2e;
  let manage: ApiClient;
  let read: ApiClient;
  let db: ReturnType<typeof database>;
  const stored = async (id: string) =>
    (
      await db.sql<{ secret: string; previous_secret: string | null; previous_secret_until: Date | null }>(
        'SELECT secret, previous_secret, previous_secret_until FROM webhook_endpoint WHERE tenant = $1 AND id = $2',
        [tenant, id],
      )
    )[0];
  const create = async (body: EndpointCreate = HOOK, client = manage, at = tenant) => {
    const created = await client.POST(LIST, { ...all(at), body });
    expect(created.response.status).toBe(201);
    if (!created.data) throw new Error('no answer');
    return created.data;
  };

  beforeAll(async () => {
    e2e = await startE2e({ WEBHOOKS_ALLOW_PRIVATE: 'false' });
    db = database(e2e);
    manage = await e2e.client([Scopes.webhookEndpointManage]);
    read = await e2e.client([Scopes.webhookEndpointRead]);
  });
  afterAll(() => e2e.server.close());
  beforeEach(() => db.sql('DELETE FROM webhook_endpoint'));

  it('POST creates an active endpoint (201) with a uuid and a whsec_ secret that no read returns', async () => {
    const { id, secret } = await create();
    expect(id).toMatch(UUID);
    expect(secret).toMatch(SECRET);
    expect((await stored(id)).secret).toBe(secret);

    const { data, response } = await read.GET(ONE, one(id));
    expect(response.status).toBe(200);
    expect(data).toEqual({
      id,
      url: HOOK.url,
      description: 'CRM sync',
      eventTypes: HOOK.eventTypes,
      active: true,
      metadata: expectedMetadata(1),
    });
    const listed = await read.GET(LIST, all());
    expect(listed.data).toEqual([data]);
    expect(JSON.stringify([data, listed.data])).not.toContain('whsec_');

    const minimal = await create({ url: 'https://hooks.example.com/all', active: false });
    expect((await read.GET(ONE, one(minimal.id))).data).toMatchObject({ eventTypes: [], active: false });
    expect(minimal.secret).not.toBe(secret);
  });

  it('GET lists with paging, the total on request, sort, q and fields', async () => {
    const ids: string[] = [];
    for (const name of ['a', 'b', 'c']) ids.push((await create({ url: `https://${name}.example.com/` })).id);
    const page = await read.GET(LIST, {
      params: { path: { tenant }, query: { pageSize: 2, pageNumber: 2, sort: 'url' } },
      headers: { 'X-Total-Count': 'true' },
    });
    expect(page.data?.map((endpoint) => endpoint.url)).toEqual(['https://c.example.com/']);
    expect(page.response.headers.get('X-Total-Count')).toBe('3');
    const sorted = await read.GET(LIST, { params: { path: { tenant }, query: { sort: 'url:desc' } } });
    expect(sorted.data?.map((endpoint) => endpoint.id)).toEqual([...ids].reverse());
    expect(sorted.response.headers.get('X-Total-Count')).toBeNull();
    const matched = await read.GET(LIST, {
      params: { path: { tenant }, query: { q: 'url:~b\\.example', fields: 'url' } },
    });
    expect(matched.data).toEqual([{ id: ids[1], url: 'https://b.example.com/' }]);
    const none = await read.GET(LIST, { params: { path: { tenant }, query: { q: 'id:not-a-uuid active:true' } } });
    expect(none.data).toEqual([]);
    const bad = await read.GET(LIST, { params: { path: { tenant }, query: { q: 'secret:x' } } });
    expect(bad.response.status).toBe(400);
  });

  it('PUT replaces the fields and bumps the version (204); a stale version is a 409, an unknown id a 404', async () => {
    const { id } = await create();
    const body = { url: 'https://hooks.example.com/v2', eventTypes: ['customer-segment.segment-created'] };
    const replaced = await manage.PUT(ONE, { ...one(id), body: { ...body, metadata: { version: 1 } } });
    expect(replaced.response.status).toBe(204);
    expect(await replaced.response.text()).toBe('');
    const after = (await read.GET(ONE, one(id))).data;
    expect(after).toEqual({ id, ...body, active: true, metadata: expectedMetadata(2) });
    expect(Date.parse(after?.metadata.modifiedAt ?? '')).toBeGreaterThan(Date.parse(after?.metadata.createdAt ?? ''));

    const stale = await manage.PUT(ONE, { ...one(id), body: { ...HOOK, metadata: { version: 1 } } });
    expect(stale.response.status).toBe(409);
    expect(stale.error).toMatchObject({ code: 409, status: 'Conflict', resourceId: id });
    expect((await read.GET(ONE, one(id))).data).toMatchObject({ url: body.url, metadata: { version: 2 } });
    expect((await manage.PUT(ONE, { ...one(id), body: HOOK })).response.status).toBe(204);
    expect((await read.GET(ONE, one(id))).data).toMatchObject({ url: HOOK.url, metadata: { version: 3 } });

    const unknown = await manage.PUT(ONE, { ...one(ABSENT_ID), body: HOOK });
    expect(unknown.response.status).toBe(404);
    expect(unknown.error).toMatchObject({ code: 404, status: 'Not Found', resourceId: ABSENT_ID });
    expect(await db.sql('SELECT id FROM webhook_endpoint')).toEqual([{ id }]);
  });

  it('PUT with active: true re-enables an endpoint the service disabled, which starts healthy', async () => {
    const { id } = await create();
    await db.sql(
      `UPDATE webhook_endpoint SET active = false, disabled_reason = 'failing', failing_since = now() - interval '5 days'`,
    );
    const disabled = (await read.GET(ONE, one(id))).data;
    expect(disabled).toMatchObject({
      active: false,
      disabledReason: 'failing',
      failingSince: expect.stringMatching(ISO),
    });
    expect((await manage.PUT(ONE, { ...one(id), body: { ...HOOK, active: false } })).response.status).toBe(204);
    expect((await read.GET(ONE, one(id))).data).toMatchObject({ disabledReason: 'failing' });
    expect((await manage.PUT(ONE, { ...one(id), body: HOOK })).response.status).toBe(204);
    const enabled = (await read.GET(ONE, one(id))).data;
    expect(enabled).toMatchObject({ active: true, metadata: { version: 3 } });
    expect(enabled).not.toHaveProperty('disabledReason');
    expect(enabled).not.toHaveProperty('failingSince');
  });

  it('DELETE removes the endpoint with its deliveries (204), then answers 404', async () => {
    const { id } = await create();
    const kept = await create();
    await db.sql(
      `INSERT INTO webhook_delivery (tenant, endpoint_id, event_id, event_type, payload) VALUES ($1, $2, '1', 't', '{}'), ($1, $3, '1', 't', '{}')`,
      [tenant, id, kept.id],
    );
    const deleted = await manage.DELETE(ONE, one(id));
    expect(deleted.response.status).toBe(204);
    expect((await read.GET(ONE, one(id))).response.status).toBe(404);
    expect(await db.sql('SELECT endpoint_id FROM webhook_delivery')).toEqual([{ endpoint_id: kept.id }]);
    const again = await manage.DELETE(ONE, one(id));
    expect(again.response.status).toBe(404);
    expect(again.error).toMatchObject({
      code: 404,
      resourceId: id,
      message: `Webhook endpoint with id ${id} not found.`,
    });
  });

  it('rotates the secret (200): the previous one signs for 24 hours more, the version is bumped', async () => {
    const { id, secret } = await create();
    const before = Date.now();
    const rotated = await manage.POST(ROTATE, one(id));
    expect(rotated.response.status).toBe(200);
    expect(rotated.data?.secret).toMatch(SECRET);
    expect(rotated.data?.secret).not.toBe(secret);
    const expiresAt = Date.parse(rotated.data?.previousSecretExpiresAt ?? '');
    expect(rotated.data?.previousSecretExpiresAt).toMatch(ISO);
    expect(expiresAt).toBeGreaterThanOrEqual(before + DAY_MS - 5_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + DAY_MS + 5_000);
    expect(await stored(id)).toEqual({
      secret: rotated.data?.secret,
      previous_secret: secret,
      previous_secret_until: new Date(expiresAt),
    });
    const after = (await read.GET(ONE, one(id))).data;
    expect(after).toMatchObject({
      previousSecretExpiresAt: rotated.data?.previousSecretExpiresAt,
      metadata: { version: 2 },
    });
    expect(JSON.stringify(after)).not.toContain('whsec_');
    await db.sql(`UPDATE webhook_endpoint SET previous_secret_until = now() - interval '1 second'`);
    expect((await read.GET(ONE, one(id))).data).not.toHaveProperty('previousSecretExpiresAt');
    expect((await manage.POST(ROTATE, one(ABSENT_ID))).response.status).toBe(404);
  });

  it('answers 404 for an id that is no uuid, without sending any SQL', async () => {
    for (const endpointId of ['nope', `${ABSENT_ID}x`, "1' OR '1'='1"]) {
      const { result, statements } = await withStatements(e2e, () =>
        Promise.all([
          read.GET(ONE, one(endpointId)),
          manage.PUT(ONE, { ...one(endpointId), body: HOOK }),
          manage.DELETE(ONE, one(endpointId)),
          manage.POST(ROTATE, one(endpointId)),
        ]),
      );
      expect(result.map(({ response }) => response.status)).toEqual([404, 404, 404, 404]);
      expect(result[0].error).toMatchObject({ code: 404, status: 'Not Found', resourceId: endpointId });
      expect(statements).toEqual([]);
    }
  });

  it('answers 400 naming the field for invalid URLs, event types and bodies, on POST and PUT', async () => {
    const { id } = await create();
    const invalid: Array<[unknown, string, RegExp?]> = [
      [{}, 'url'],
      [{ url: 42 }, 'url'],
      [{ url: 'not a url' }, 'url', /absolute URL/],
      [{ url: 'http://hooks.example.com/' }, 'url', /https/],
      [{ url: 'https://127.0.0.1/' }, 'url', /private/],
      [{ url: 'https://[::1]/' }, 'url', /private/],
      [{ url: 'https://10.1.2.3/' }, 'url', /private/],
      [{ url: 'https://localhost/' }, 'url', /private/],
      [{ url: 'https://user:pass@hooks.example.com/' }, 'url', /credentials/],
      [{ url: `https://hooks.example.com/${'x'.repeat(2000)}` }, 'url'],
      [{ ...HOOK, eventTypes: ['customer-segment.nope'] }, 'eventTypes', /customer-segment\.nope/],
      [{ ...HOOK, eventTypes: ['*'] }, 'eventTypes', /'\*'/],
      [{ ...HOOK, eventTypes: 'customer-segment.*' }, 'eventTypes'],
      [{ ...HOOK, eventTypes: Array.from({ length: 51 }, () => 'customer-segment.*') }, 'eventTypes'],
      [{ ...HOOK, description: 'x'.repeat(1001) }, 'description'],
      [{ ...HOOK, active: 'yes' }, 'active'],
    ];
    for (const [body, field, message] of invalid) {
      expectBadRequest(await manage.POST(LIST, { ...all(), body: body as EndpointCreate }), field, message);
      expectBadRequest(await manage.PUT(ONE, { ...one(id), body: body as EndpointCreate }), field, message);
    }
    expectBadRequest(
      await manage.PUT(ONE, { ...one(id), body: { ...HOOK, metadata: { version: 0 } } }),
      'metadata.version',
    );
    expect(await db.sql('SELECT version FROM webhook_endpoint')).toEqual([{ version: 1 }]);
  });

  it('refuses the 101st endpoint of a tenant with 409, and takes one again after a delete', async () => {
    const capped = 'capped';
    const client = await e2e.client([Scopes.webhookEndpointManage], { tenant: capped });
    await db.sql(
      `INSERT INTO webhook_endpoint (tenant, id, url, secret, version)
       SELECT $1, gen_random_uuid(), 'https://a.example.com/', 'whsec_x', 1 FROM generate_series(1, 99)`,
      [capped],
    );
    // The last two creates race: one of them takes the 100th place.
    const racing = await Promise.all([1, 2].map(() => client.POST(LIST, { ...all(capped), body: HOOK })));
    expect(racing.map(({ response }) => response.status).sort()).toEqual([201, 409]);
    const refused = racing.find(({ response }) => response.status === 409);
    expect(refused?.error).toMatchObject({ code: 409, status: 'Conflict', message: expect.stringMatching(/100/) });
    expect(await db.sql('SELECT count(*)::int AS n FROM webhook_endpoint WHERE tenant = $1', [capped])).toEqual([
      { n: 100 },
    ]);
    const created = racing.find(({ response }) => response.status === 201)?.data?.id ?? '';
    expect((await client.DELETE(ONE, one(created, capped))).response.status).toBe(204);
    await create(HOOK, client, capped);
  });

  it("keeps other tenants' endpoints invisible (404) and needs the scopes (403); customer tokens never get in", async () => {
    const { id } = await create();
    const other = 'othertenant';
    const stranger = await e2e.client([Scopes.webhookEndpointManage, Scopes.webhookEndpointRead], { tenant: other });
    expect((await stranger.GET(LIST, all(other))).data).toEqual([]);
    expect((await stranger.GET(ONE, one(id, other))).response.status).toBe(404);
    expect((await stranger.PUT(ONE, { ...one(id, other), body: HOOK })).response.status).toBe(404);
    expect((await stranger.POST(ROTATE, one(id, other))).response.status).toBe(404);
    expect((await stranger.DELETE(ONE, one(id, other))).response.status).toBe(404);
    // Their token does not reach this tenant's path at all.
    expect((await stranger.GET(ONE, one(id))).response.status).toBe(403);
    expect((await read.GET(ONE, one(id))).response.status).toBe(200);

    expect((await e2e.anonymous.GET(LIST, all())).response.status).toBe(401);
    const unscoped = await e2e.client([Scopes.segmentManage, Scopes.eventRead]);
    expect((await unscoped.GET(LIST, all())).response.status).toBe(403);
    expect((await unscoped.POST(LIST, { ...all(), body: HOOK })).response.status).toBe(403);
    for (const write of [
      read.POST(LIST, { ...all(), body: HOOK }),
      read.PUT(ONE, { ...one(id), body: HOOK }),
      read.DELETE(ONE, one(id)),
      read.POST(ROTATE, one(id)),
    ])
      expect((await write).response.status).toBe(403);
    // Managing is not reading: the scopes are separate, as everywhere in the service.
    expect((await manage.GET(ONE, one(id))).response.status).toBe(403);

    const customer = await e2e.client([Scopes.segmentReadOwn], { customerId: 'c-1' });
    expect((await customer.GET(LIST, all())).response.status).toBe(403);
    await expect(e2e.server.token([Scopes.webhookEndpointRead], { customerId: 'c-1' })).rejects.toThrow(
      /invalid_scope/,
    );
    expect(await stored(id)).toBeDefined();
  });
});

describe('webhook endpoints without a secret overlap', () => {
  let e2e: E2e;
  beforeAll(async () => {
    e2e = await startE2e({ WEBHOOKS_SECRET_OVERLAP: '0s' });
  });
  afterAll(() => e2e.server.close());

  it('drops the previous secret at once on rotation (previousSecretExpiresAt: null)', async () => {
    const manage = await e2e.client([Scopes.webhookEndpointManage]);
    const created = await manage.POST(LIST, { ...all(), body: HOOK });
    const id = created.data?.id ?? '';
    const rotated = await manage.POST(ROTATE, one(id));
    expect(rotated.data).toEqual({ secret: expect.stringMatching(SECRET), previousSecretExpiresAt: null });
    expect(
      await e2e.server.db.query('SELECT previous_secret, previous_secret_until FROM webhook_endpoint WHERE id = $1', [
        id,
      ]),
    ).toEqual([{ previous_secret: null, previous_secret_until: null }]);
    const read = await e2e.client([Scopes.webhookEndpointRead]);
    expect((await read.GET(ONE, one(id))).data).not.toHaveProperty('previousSecretExpiresAt');
  });
});
