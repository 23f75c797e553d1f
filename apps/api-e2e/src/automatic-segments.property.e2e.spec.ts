import { ApiClient } from '@cs/client';
import { Scopes } from '@cs/contracts';
import fc from 'fast-check';
import { E2e, startE2e } from './support';

/**
 * Differential property test of automatic segments: after any random sequence of customer data changes, legal
 * entity and contact assignment changes, criteria changes, manual assignments and exclusions, the stored membership of every
 * segment equals a plain evaluation of its criteria from scratch over the test's own model of the data.
 */

// Few ids, so that steps meet: a change reaches customers, contacts and segments that earlier steps made.
const CUSTOMERS = ['c0', 'c1', 'c2'];
const LEGAL_ENTITIES = ['le0', 'le1'];
const CONTACTS = ['ca0', 'ca1', 'ca2', 'ca3'];
const SEGMENTS = ['s0', 's1'];

interface Customer {
  firstName: string;
  email: string;
  active: boolean;
  mixins: { tier: string; points: number };
}
interface LegalEntity {
  name: string;
  groups: string[];
}
interface Contact {
  customerId: string;
  legalEntityId: string;
  type: 'BILLING' | 'CONTACT';
}

/** What the service should hold: the test's model, evaluated naively. */
interface Model {
  customers: Map<string, Customer>;
  legalEntities: Map<string, LegalEntity>;
  contacts: Map<string, Contact>;
  criteria: Map<string, Term[] | null>;
  /** Manual B2C assignments per segment. */
  manual: Map<string, Set<string>>;
  /** Excluded customers per segment (in every legal entity). */
  excluded: Map<string, Set<string>>;
}

/** One condition of a criteria: its q text and the same condition as a plain function. */
interface Term {
  q: string;
  b2b: boolean;
  holds(customer: Customer, contact?: { legalEntity: LegalEntity; type: string }): boolean;
}

const TERMS: Term[] = [
  { q: 'customer.firstName:Ann', b2b: false, holds: (c) => c.firstName === 'Ann' },
  { q: 'customer.firstName:(Ann,Bob)', b2b: false, holds: (c) => ['Ann', 'Bob'].includes(c.firstName) },
  { q: 'customer.email:~"ACME"', b2b: false, holds: (c) => /acme/i.test(c.email) },
  { q: 'customer.mixins.tier:gold', b2b: false, holds: (c) => c.mixins.tier === 'gold' },
  { q: 'customer.mixins.points:>=100', b2b: false, holds: (c) => c.mixins.points >= 100 },
  { q: 'customer.active:true', b2b: false, holds: (c) => c.active },
  { q: 'legalEntity.name:Widgets', b2b: true, holds: (_, ca) => ca?.legalEntity.name === 'Widgets' },
  { q: 'legalEntity.customerGroups.id:vip', b2b: true, holds: (_, ca) => !!ca?.legalEntity.groups.includes('vip') },
  { q: 'contactType:BILLING', b2b: true, holds: (_, ca) => ca?.type === 'BILLING' },
];

/** Indexes into TERMS to draw criteria from: the B2B terms twice, so that rules read legal entities and contacts often. */
const TERM_CHOICES = TERMS.flatMap((term, i) => (term.b2b ? [i, i] : [i]));

/** The memberships `terms` yield over the model, as `customer[/legalEntity]`. */
function matches(model: Model, terms: Term[]): Set<string> {
  const found = new Set<string>();
  if (terms.some((term) => term.b2b)) {
    for (const contact of model.contacts.values()) {
      const customer = model.customers.get(contact.customerId);
      const legalEntity = model.legalEntities.get(contact.legalEntityId);
      if (!customer || !legalEntity) continue;
      if (terms.every((term) => term.holds(customer, { legalEntity, type: contact.type })))
        found.add(`${contact.customerId}/${contact.legalEntityId}`);
    }
  } else {
    for (const [id, customer] of model.customers) if (terms.every((term) => term.holds(customer))) found.add(id);
  }
  return found;
}

/** The expected assignments of a segment: `key:MANUAL` for manual ones, `key:AUTOMATIC` for the rest of the matches. */
function expectedMembers(model: Model, segmentId: string): string[] {
  const manual = model.manual.get(segmentId) ?? new Set<string>();
  const terms = model.criteria.get(segmentId);
  const excluded = model.excluded.get(segmentId) ?? new Set<string>();
  const automatic = terms
    ? [...matches(model, terms)].filter((key) => !manual.has(key) && !excluded.has(key.split('/')[0]))
    : [];
  return [...[...manual].map((key) => `${key}:MANUAL`), ...automatic.map((key) => `${key}:AUTOMATIC`)].sort();
}

type Step =
  | { kind: 'sync'; id: string; customer: Customer }
  | { kind: 'forget'; id: string }
  | { kind: 'legalEntity'; id: string; legalEntity: LegalEntity }
  | { kind: 'contact'; id: string; contact: Contact }
  | { kind: 'removeContact'; id: string }
  | { kind: 'criteria'; segmentId: string; terms: number[] | null }
  | { kind: 'assign' | 'unassign' | 'exclude' | 'include'; segmentId: string; customerId: string };

const customerArb: fc.Arbitrary<Customer> = fc.record({
  firstName: fc.constantFrom('Ann', 'Bob', 'Cid'),
  email: fc.constantFrom('x@acme.com', 'x@other.org', 'y@Acme.io'),
  active: fc.boolean(),
  mixins: fc.record({ tier: fc.constantFrom('gold', 'silver'), points: fc.integer({ min: 0, max: 300 }) }),
});
/** Weighted toward the steps that build the data a B2B rule reads. */
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('sync' as const),
      id: fc.constantFrom(...CUSTOMERS),
      customer: customerArb,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forget' as const), id: fc.constantFrom(...CUSTOMERS) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('legalEntity' as const),
      id: fc.constantFrom(...LEGAL_ENTITIES),
      legalEntity: fc.record({ name: fc.constantFrom('Widgets', 'Gadgets'), groups: fc.subarray(['vip', 'std']) }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const),
      id: fc.constantFrom(...CONTACTS),
      contact: fc.record({
        customerId: fc.constantFrom(...CUSTOMERS),
        legalEntityId: fc.constantFrom(...LEGAL_ENTITIES),
        type: fc.constantFrom('BILLING' as const, 'CONTACT' as const),
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('removeContact' as const), id: fc.constantFrom(...CONTACTS) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('criteria' as const),
      segmentId: fc.constantFrom(...SEGMENTS),
      terms: fc.option(fc.uniqueArray(fc.constantFrom(...TERM_CHOICES), { minLength: 1, maxLength: 2 }), {
        nil: null,
        freq: 6,
      }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('assign' as const, 'unassign' as const, 'exclude' as const, 'include' as const),
      segmentId: fc.constantFrom(...SEGMENTS),
      customerId: fc.constantFrom(...CUSTOMERS),
    }),
  },
);

/** Every customer, legal entity and contact assignment first (with random contents), so that rules have data to read. */
const setupArb: fc.Arbitrary<Step[]> = fc.tuple(
  ...CUSTOMERS.map((id) =>
    fc.record({ kind: fc.constant('sync' as const), id: fc.constant(id), customer: customerArb }),
  ),
  ...LEGAL_ENTITIES.map((id) =>
    fc.record({
      kind: fc.constant('legalEntity' as const),
      id: fc.constant(id),
      legalEntity: fc.record({ name: fc.constantFrom('Widgets', 'Gadgets'), groups: fc.subarray(['vip', 'std']) }),
    }),
  ),
  ...CONTACTS.map((id) =>
    fc.record({
      kind: fc.constant('contact' as const),
      id: fc.constant(id),
      contact: fc.record({
        customerId: fc.constantFrom(...CUSTOMERS),
        legalEntityId: fc.constantFrom(...LEGAL_ENTITIES),
        type: fc.constantFrom('BILLING' as const, 'CONTACT' as const),
      }),
    }),
  ),
);

describe('automatic segments: stored membership equals a plain evaluation from scratch', () => {
  let e2e: E2e;
  let run = 0;

  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(() => e2e?.server.close());

  /** Applies one step through the API and to the model; the answer's status must be the one the model predicts. */
  async function apply(client: ApiClient, tenant: string, model: Model, step: Step): Promise<void> {
    const path = { params: { path: { tenant } } };
    const status = async (request: Promise<{ response: Response }>) => (await request).response.status;
    switch (step.kind) {
      case 'sync': {
        const { data } = await client.PUT('/customer-management/{tenant}/customers/bulk', {
          ...path,
          body: [{ id: step.id, ...step.customer }],
        });
        expect(data?.[0].code).toBeLessThan(300);
        model.customers.set(step.id, step.customer);
        return;
      }
      case 'forget': {
        const { data } = await client.DELETE('/customer-management/{tenant}/customers/bulk', {
          ...path,
          body: [step.id],
        });
        expect(data?.[0].code).toBe(model.customers.delete(step.id) ? 204 : 404);
        return;
      }
      case 'legalEntity': {
        const answer = await status(
          client.PUT('/customer-management/{tenant}/legal-entities/{legalEntityId}', {
            params: { path: { tenant, legalEntityId: step.id } },
            body: {
              name: step.legalEntity.name,
              type: 'COMPANY',
              customerGroups: step.legalEntity.groups.map((id) => ({ id })),
            } as never,
          }),
        );
        expect(answer).toBe(model.legalEntities.has(step.id) ? 204 : 201);
        model.legalEntities.set(step.id, step.legalEntity);
        return;
      }
      case 'contact': {
        const answer = await status(
          client.PUT('/customer-management/{tenant}/contact-assignments/{contactAssignmentId}', {
            params: { path: { tenant, contactAssignmentId: step.id } },
            body: {
              customer: { id: step.contact.customerId },
              legalEntity: { id: step.contact.legalEntityId },
              type: step.contact.type,
            } as never,
          }),
        );
        if (!model.legalEntities.has(step.contact.legalEntityId)) return expect(answer).toBeGreaterThanOrEqual(400);
        expect(answer).toBe(model.contacts.has(step.id) ? 204 : 201);
        model.contacts.set(step.id, step.contact);
        return;
      }
      case 'removeContact': {
        const answer = await status(
          client.DELETE('/customer-management/{tenant}/contact-assignments/{contactAssignmentId}', {
            params: { path: { tenant, contactAssignmentId: step.id } },
          }),
        );
        expect(answer).toBe(model.contacts.delete(step.id) ? 204 : 404);
        return;
      }
      case 'criteria': {
        const terms = step.terms?.map((i) => TERMS[i]) ?? null;
        const answer = await status(
          client.PUT('/customer-segment/{tenant}/segments/{segmentId}', {
            params: { path: { tenant, segmentId: step.segmentId } },
            body: {
              name: { en: step.segmentId },
              siteCode: 'main',
              criteria: terms ? terms.map((term) => term.q).join(' ') : null,
            },
          }),
        );
        expect(answer).toBe(model.criteria.has(step.segmentId) ? 204 : 201);
        model.criteria.set(step.segmentId, terms);
        return;
      }
      case 'exclude':
      case 'include': {
        const params = { params: { path: { tenant, segmentId: step.segmentId, customerId: step.customerId } } };
        const excluded = model.excluded.get(step.segmentId) ?? new Set<string>();
        const known = model.criteria.has(step.segmentId);
        const answer = await status(
          step.kind === 'exclude'
            ? client.PUT('/customer-segment/{tenant}/segments/{segmentId}/exclusions/{customerId}', {
                ...params,
                body: {},
              })
            : client.DELETE('/customer-segment/{tenant}/segments/{segmentId}/exclusions/{customerId}', params),
        );
        const expected = step.kind === 'include' ? 204 : !known ? 404 : excluded.has(step.customerId) ? 204 : 201;
        if (step.kind === 'include') excluded.delete(step.customerId);
        else if (known) excluded.add(step.customerId);
        model.excluded.set(step.segmentId, excluded);
        return expect(answer).toBe(expected);
      }
      default: {
        const params = { params: { path: { tenant, segmentId: step.segmentId, customerId: step.customerId } } };
        const manual = model.manual.get(step.segmentId) ?? new Set<string>();
        const automatic =
          !manual.has(step.customerId) &&
          expectedMembers(model, step.segmentId).includes(`${step.customerId}:AUTOMATIC`);
        if (!model.criteria.has(step.segmentId)) {
          // No such segment yet: a PUT is a 404, a DELETE of nothing a 204.
          const request =
            step.kind === 'assign'
              ? client.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', {
                  ...params,
                  body: {},
                })
              : client.DELETE('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', params);
          return expect(await status(request)).toBe(step.kind === 'assign' ? 404 : 204);
        }
        if (step.kind === 'assign') {
          const answer = await status(
            client.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', {
              ...params,
              body: {},
            }),
          );
          expect(answer).toBe(automatic ? 400 : manual.has(step.customerId) ? 204 : 201);
          if (!automatic) manual.add(step.customerId);
        } else {
          const answer = await status(
            client.DELETE('/customer-segment/{tenant}/segments/{segmentId}/customers/{customerId}', params),
          );
          expect(answer).toBe(automatic ? 400 : 204);
          manual.delete(step.customerId);
        }
        model.manual.set(step.segmentId, manual);
      }
    }
  }

  it('holds for random sequences of changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(setupArb, fc.array(stepArb, { minLength: 20, maxLength: 35 })),
        async ([setup, more]) => {
          const steps = [...setup, ...more];
          const tenant = `prop${++run}`;
          const client = await e2e.client(
            [Scopes.segmentManage, Scopes.segmentRead, Scopes.legalEntityManage, Scopes.contactAssignmentManage],
            { tenant },
          );
          const model: Model = {
            customers: new Map(),
            legalEntities: new Map(),
            contacts: new Map(),
            criteria: new Map(),
            manual: new Map(),
            excluded: new Map(),
          };
          for (const [index, step] of steps.entries()) {
            await apply(client, tenant, model, step);
            // After every step, not only at the end: a later step could repair what an earlier one left wrong.
            for (const segmentId of model.criteria.keys()) {
              const { data } = await client.GET('/customer-segment/{tenant}/segments/{segmentId}/customers', {
                params: { path: { tenant, segmentId }, query: { pageSize: 1000 } },
              });
              const stored = (data ?? [])
                .map((a) => `${a.customer.id}${a.legalEntity ? `/${a.legalEntity.id}` : ''}:${a.assignmentType}`)
                .sort();
              expect({ index, segmentId, members: stored }).toEqual({
                index,
                segmentId,
                members: expectedMembers(model, segmentId),
              });
            }
          }
        },
      ),
      { numRuns: 12, seed: 20261203 },
    );
  }, 120_000);
});
