'use strict';
/**
 * Baseline (b): the least a server must do for the read scenarios 1-5 and 10 — bare Fastify + pg,
 * hand-written SQL for exactly the query forms the bench sends, the same JWT verification (jose,
 * keys from the service's GET /oauth/jwks, same issuer/algorithm/expiry checks, tenant and scope
 * check) and the same JSON documents. Not a product: no validation beyond what the bench needs.
 *
 * Env: DATABASE_URL, PORT, JWKS_URL, DB_POOL_SIZE (default 10, as the service), AUTH_ISSUER.
 */
const Fastify = require('fastify');
const { Pool } = require('pg');

const ISSUER = process.env.AUTH_ISSUER || 'urn:customer-segments:local-issuer';
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE || 10) });
const app = Fastify({ logger: false });
let keys;
let jwtVerify;

const SEGMENT_READ = 'customersegment.segment_read';
const CONTACT_READ = 'customermanagement.contactassignment_read';

async function authorize(request, reply, scope) {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  let payload;
  try {
    if (!match) throw new Error('no token');
    ({ payload } = await jwtVerify(match[1], keys, {
      issuer: ISSUER,
      algorithms: ['ES256', 'RS256', 'PS256', 'EdDSA'],
      clockTolerance: 5,
      requiredClaims: ['exp'],
    }));
  } catch {
    reply
      .code(401)
      .send({ fault: { faultstring: 'Invalid access token', detail: { errorcode: 'oauth.v2.InvalidAccessToken' } } });
    return false;
  }
  const scopes = new Set(String(payload.scope ?? '').split(' '));
  if (payload.tenant !== request.params.tenant || !scopes.has(scope)) {
    reply.code(403).send({ code: 403, status: 'Forbidden', message: 'Forbidden' });
    return false;
  }
  return true;
}

const iso = (date) => new Date(date).toISOString();
const isEmpty = (value) => !value || Object.keys(value).length === 0;
const withoutNulls = (doc) =>
  Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== null && value !== undefined));

function paging(query) {
  const size = Number(query.pageSize ?? 16);
  const number = Number(query.pageNumber ?? 1);
  return { limit: size, offset: (number - 1) * size };
}

const SEGMENT_COLUMNS =
  'id, name, description, status, site_code, validity_from, validity_to, mixins, metadata_mixins, version, created_at, modified_at';

function toSegment(row) {
  const validity = {
    ...(row.validity_from && { from: iso(row.validity_from) }),
    ...(row.validity_to && { to: iso(row.validity_to) }),
  };
  return {
    id: row.id,
    name: row.name,
    ...(row.description && { description: row.description }),
    ...(!isEmpty(validity) && { validity }),
    status: row.status,
    siteCode: row.site_code,
    ...(!isEmpty(row.mixins) && { mixins: row.mixins }),
    metadata: {
      createdAt: iso(row.created_at),
      modifiedAt: iso(row.modified_at),
      version: row.version,
      ...(!isEmpty(row.metadata_mixins) && { mixins: row.metadata_mixins }),
    },
  };
}

app.get('/health', async () => ({ status: 'UP' }));

app.get('/customer-segment/:tenant/segments/:segmentId', async (request, reply) => {
  if (!(await authorize(request, reply, SEGMENT_READ))) return reply;
  const { rows } = await pool.query(`SELECT ${SEGMENT_COLUMNS} FROM segment WHERE tenant = $1 AND id = $2`, [
    request.params.tenant,
    request.params.segmentId,
  ]);
  if (!rows.length) return reply.code(404).send({ code: 404, status: 'Not Found', message: 'Segment not found.' });
  return toSegment(rows[0]);
});

/** q forms of the bench only: `siteCode:<v>`, `status:<v>`, `name.en:~<pattern>`. */
app.get('/customer-segment/:tenant/segments', async (request, reply) => {
  if (!(await authorize(request, reply, SEGMENT_READ))) return reply;
  const params = [request.params.tenant];
  const where = ['tenant = $1'];
  for (const term of String(request.query.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    const [, field, pattern, value] = /^(siteCode|status|name\.en):(~?)(.+)$/.exec(term) ?? [];
    if (!field)
      return reply.code(400).send({ code: 400, status: 'Bad Request', message: `unsupported q term ${term}` });
    params.push(value);
    const column = { siteCode: 'site_code', status: 'status', 'name.en': "(name->>'en')" }[field];
    where.push(pattern ? `${column} ~* $${params.length}` : `${column} = $${params.length}`);
  }
  const { limit, offset } = paging(request.query);
  const { rows } = await pool.query(
    `SELECT ${SEGMENT_COLUMNS} FROM segment WHERE ${where.join(' AND ')} ORDER BY id LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return rows.map(toSegment);
});

/**
 * q forms of the bench only: `metadata.createdAt:(>="..." AND <"...")`, `customer.id:(a,b,...)`;
 * sort `metadata.createdAt:desc` or the key order.
 */
app.get('/customer-segment/:tenant/segments/:segmentId/customers', async (request, reply) => {
  if (!(await authorize(request, reply, SEGMENT_READ))) return reply;
  const params = [request.params.tenant, request.params.segmentId];
  const where = ['a.tenant = $1', 'a.segment_id = $2'];
  const q = String(request.query.q ?? '');
  const range = /^metadata\.createdAt:\(>="([^"]+)" AND <"([^"]+)"\)$/.exec(q);
  const ids = /^customer\.id:\(([^)]*)\)$/.exec(q);
  if (range) {
    params.push(range[1], range[2]);
    where.push(`a.created_at >= $3 AND a.created_at < $4`);
  } else if (ids) {
    params.push(ids[1].split(','));
    where.push('a.customer_id = ANY($3::text[])');
  } else if (q) return reply.code(400).send({ code: 400, status: 'Bad Request', message: 'unsupported q' });
  const from = `FROM customer_assignment a LEFT JOIN customer c ON c.tenant = a.tenant AND c.id = a.customer_id
    LEFT JOIN legal_entity le ON le.tenant = a.tenant AND le.id = a.legal_entity_id WHERE ${where.join(' AND ')}`;
  if (request.headers['x-total-count'] === 'true') {
    const { rows } = await pool.query(
      `SELECT count(*) AS n FROM customer_assignment a WHERE ${where.join(' AND ')}`,
      params,
    );
    reply.header('X-Total-Count', rows[0].n);
  }
  const order =
    request.query.sort === 'metadata.createdAt:desc'
      ? 'a.created_at DESC, a.customer_id, a.legal_entity_id'
      : 'a.customer_id, a.legal_entity_id';
  const { limit, offset } = paging(request.query);
  const { rows } = await pool.query(
    `SELECT a.customer_id, a.legal_entity_id, a.assignment_type, a.mixins, a.metadata_mixins, a.version, a.created_at, a.modified_at,
            c.first_name, c.last_name, c.email, le.name AS legal_entity_name ${from} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return rows.map((row) => ({
    customer: withoutNulls({
      id: row.customer_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
    }),
    ...(row.legal_entity_id !== '' && {
      legalEntity: withoutNulls({ id: row.legal_entity_id, name: row.legal_entity_name }),
    }),
    assignmentType: row.assignment_type,
    mixins: row.mixins,
    metadata: {
      createdAt: iso(row.created_at),
      modifiedAt: iso(row.modified_at),
      version: row.version,
      mixins: row.metadata_mixins,
    },
  }));
});

function metadataOf(row) {
  return {
    version: row.version,
    createdAt: iso(row.created_at),
    modifiedAt: iso(row.modified_at),
    ...(!isEmpty(row.metadata_mixins) && { mixins: row.metadata_mixins }),
  };
}

function summary(row, customer) {
  return {
    id: row.id,
    legalEntity: { id: row.legal_entity_id },
    customer: withoutNulls({
      id: row.customer_id,
      name: customer?.first_name,
      surname: customer?.last_name,
      email: customer?.email,
      phone: customer?.phone,
    }),
    type: row.type,
    primary: row.primary,
    metadata: metadataOf(row),
  };
}

/**
 * Contact assignments of one legal entity with the legal entity expanded: the page with customer
 * data and the legal entity row, then its locations and approval group (with customer data).
 */
app.get('/customer-management/:tenant/contact-assignments', async (request, reply) => {
  if (!(await authorize(request, reply, CONTACT_READ))) return reply;
  const { tenant } = request.params;
  const { limit, offset } = paging(request.query);
  const { rows } = await pool.query(
    `SELECT ca.*, to_jsonb(c) AS customer_doc, to_jsonb(le) AS le
     FROM contact_assignment ca JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id
     LEFT JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
     WHERE ca.tenant = $1 AND ca.legal_entity_id = $2 ORDER BY ca.id LIMIT ${limit} OFFSET ${offset}`,
    [tenant, request.query['legalEntity.id']],
  );
  const entities = [...new Map(rows.map((row) => [row.le.id, row.le])).values()];
  const [locationRows, approverRows] = await Promise.all([
    pool.query('SELECT * FROM location WHERE tenant = $1 AND id = ANY($2::text[])', [
      tenant,
      entities.flatMap((le) => le.entities_addresses ?? []),
    ]),
    pool.query(
      `SELECT g.*, to_jsonb(gc) AS customer_doc FROM contact_assignment g LEFT JOIN customer gc ON gc.tenant = g.tenant AND gc.id = g.customer_id
       WHERE g.tenant = $1 AND g.id = ANY($2::text[])`,
      [tenant, entities.flatMap((le) => le.approval_group ?? [])],
    ),
  ]);
  const locations = new Map(
    locationRows.rows.map((l) => [
      l.id,
      withoutNulls({
        id: l.id,
        name: l.name,
        type: l.type,
        contactDetails: l.contact_details,
        mixins: l.mixins,
        metadata: metadataOf(l),
      }),
    ]),
  );
  const approvers = new Map(approverRows.rows.map((g) => [g.id, summary(g, g.customer_doc)]));
  return rows.map((row) => {
    const le = row.le;
    const legalEntity = withoutNulls({
      id: le.id,
      name: le.name,
      type: le.type,
      parentId: le.parent_id,
      accountLimit: le.account_limit,
      legalInfo: le.legal_info,
      customerGroups: le.customer_groups ?? [],
      entitiesAddresses: (le.entities_addresses ?? []).flatMap((id) => locations.get(id) ?? []),
      approvalGroup: (le.approval_group ?? []).flatMap((id) => approvers.get(id) ?? []),
      restrictions: le.restrictions,
      mixins: le.mixins,
      metadata: metadataOf(le),
    });
    return { ...summary(row, row.customer_doc), legalEntity, mixins: row.mixins };
  });
});

async function main() {
  const jose = await import('jose');
  jwtVerify = jose.jwtVerify;
  const createLocalJWKSet = jose.createLocalJWKSet;
  const response = await fetch(process.env.JWKS_URL);
  if (!response.ok) throw new Error(`JWKS: ${response.status}`);
  keys = createLocalJWKSet(await response.json());
  await app.listen({ port: Number(process.env.PORT || 3100), host: '127.0.0.1' });
}

process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
