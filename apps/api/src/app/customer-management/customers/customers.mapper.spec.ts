import { CustomerSyncItem } from '@cs/dto';
import { checkAs, validateAs } from '../../common/validation';
import { customerEventData } from './customer.events';
import { toRow } from './customers.mapper';

const FULL = {
  id: 'ada',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 1',
  preferredSite: 'main',
  preferredLanguage: 'en_US',
  preferredCurrency: 'GBP',
  active: false,
  b2b: {
    companyRegistrationId: '123-456',
    legalEntities: [{ id: 'le1', name: 'Analytical Engines', contactAssignmentId: 'ca1' }, { id: 'le2' }],
  },
  businessModel: 'B2B',
  type: 'CONTACT',
  company: 'Analytical Engines',
  customerNumber: 'C-1815',
  metadata: { createdAt: '2024-04-17T10:00:00.123+02:00' },
  mixins: { crm: { tier: 'A' } },
};

describe('customers mapper', () => {
  it('stores every field of a sync item in its column, the creation date as a timestamp', async () => {
    const row = toRow(await validateAs(CustomerSyncItem, FULL));
    expect(row).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@example.com',
      phone: '+44 1',
      preferred_site: 'main',
      preferred_language: 'en_US',
      preferred_currency: 'GBP',
      active: false,
      b2b: FULL.b2b,
      business_model: 'B2B',
      type: 'CONTACT',
      company: 'Analytical Engines',
      customer_number: 'C-1815',
      customer_created_at: new Date('2024-04-17T08:00:00.123Z'),
      mixins: { crm: { tier: 'A' } },
    });
    // Plain JSON, as the jsonb column holds it, not the DTO classes.
    expect(JSON.parse(JSON.stringify(row.b2b))).toStrictEqual(FULL.b2b);
  });

  it('clears what an item leaves out or sends as null (the item replaces the data held)', async () => {
    const nulls = { preferredSite: null, active: null, b2b: null, businessModel: null, metadata: { createdAt: null } };
    for (const item of [{ id: 'ada' }, { id: 'ada', ...nulls }]) {
      expect(toRow(await validateAs(CustomerSyncItem, item))).toEqual({
        first_name: null,
        last_name: null,
        email: null,
        phone: null,
        preferred_site: null,
        preferred_language: null,
        preferred_currency: null,
        active: null,
        b2b: null,
        business_model: null,
        type: null,
        company: null,
        customer_number: null,
        customer_created_at: null,
        mixins: {},
      });
    }
  });

  it('stores b2b without the null and unknown properties', async () => {
    const item = { id: 'ada', b2b: { companyRegistrationId: null, legalEntities: [{ id: 'le1', name: null, x: 1 }] } };
    expect(toRow(await validateAs(CustomerSyncItem, item)).b2b).toStrictEqual({ legalEntities: [{ id: 'le1' }] });
  });

  it('gives the event every stored field, the creation date as ISO-8601 UTC, and leaves out the cleared ones', async () => {
    const values = toRow(await validateAs(CustomerSyncItem, FULL));
    const { metadata, ...fields } = FULL;
    expect(customerEventData('ada', values)).toStrictEqual({
      ...JSON.parse(JSON.stringify(fields)),
      metadataCreatedAt: '2024-04-17T08:00:00.123Z',
    });
    expect(metadata.createdAt).not.toBe('2024-04-17T08:00:00.123Z');
    expect(customerEventData('ada', toRow(await validateAs(CustomerSyncItem, { id: 'ada' })))).toStrictEqual({
      id: 'ada',
      mixins: {},
    });
  });

  it.each([
    ['active', { active: 'yes' }],
    ['active', { active: 1 }],
    ['businessModel', { businessModel: 'B2X' }],
    ['type', { type: 'customer' }],
    ['preferredSite', { preferredSite: 's'.repeat(129) }],
    ['preferredLanguage', { preferredLanguage: 'l'.repeat(36) }],
    ['preferredCurrency', { preferredCurrency: 'EURO' }],
    ['preferredCurrency', { preferredCurrency: 'EU' }],
    ['company', { company: 7 }],
    ['customerNumber', { customerNumber: 'n'.repeat(129) }],
    ['b2b', { b2b: 'ACME' }],
    ['b2b', { b2b: [] }],
    ['b2b.legalEntities.0', { b2b: { legalEntities: [null] } }],
    ['b2b.legalEntities', { b2b: { legalEntities: [[]] } }],
    ['b2b.companyRegistrationId', { b2b: { companyRegistrationId: 42 } }],
    ['b2b.legalEntities', { b2b: { legalEntities: { id: 'le1' } } }],
    ['b2b.legalEntities.0.name', { b2b: { legalEntities: [{ name: 'n'.repeat(256) }] } }],
    ['metadata.createdAt', { metadata: { createdAt: 'yesterday' } }],
    ['metadata.createdAt', { metadata: { createdAt: '2024-04-17T08:00:00' } }],
    ['metadata', { metadata: 'today' }],
    ['metadata', { metadata: [] }],
  ])('refuses a bad %s', async (field, bad) => {
    const { details } = await checkAs(CustomerSyncItem, { id: 'ada', ...bad });
    expect(details.map((detail) => detail.field)).toEqual(expect.arrayContaining([field]));
  });
});
