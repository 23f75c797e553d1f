import { MAX_BULK_ITEMS } from '@cs/contracts';
import { CustomerSyncItem } from '@cs/dto';
import { ApiBulk } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { EXAMPLE_CUSTOMER_IDS } from '../../decorators/examples';

const BULK_NOTE = `At most ${MAX_BULK_ITEMS} items per request (more is a 400 and nothing is applied). The answer is 207 with one result per item, in request order (\`index\` is zero-based); one failing item does not affect the others.`;

export const CUSTOMER_DOCS = operationDocs('Customers', {
  upsert: {
    operationId: 'PUT-customer-mgmt-upsert-customers-bulk',
    summary: 'Synchronising customer data',
    description: `Creates or replaces the data the service holds for each customer id (fields left out are cleared): fields of the customer service's customer model. Contact assignments show it as \`customer.name\` (firstName), \`surname\` (lastName), \`email\` and \`phone\`. The customer's creation date in the customer service is \`metadata.createdAt\`. Per item: 201 created, 204 replaced, 400 invalid. ${BULK_NOTE}`,
    details: [ApiBulk(CustomerSyncItem)],
    requestExample: [
      { id: EXAMPLE_CUSTOMER_IDS[0], firstName: 'Ada', lastName: 'Lovelace', email: 'ada@acme.example' },
      {
        id: EXAMPLE_CUSTOMER_IDS[1],
        firstName: 'Grace',
        lastName: 'Hopper',
        email: 'grace@acme.example',
        phone: '+49 89 7654321',
        preferredSite: 'main',
        preferredLanguage: 'en_US',
        preferredCurrency: 'EUR',
        active: true,
        businessModel: 'B2B',
        type: 'CUSTOMER',
        company: 'ACME',
        customerNumber: EXAMPLE_CUSTOMER_IDS[1],
        b2b: { companyRegistrationId: '123-456-789' },
        metadata: { createdAt: '2024-04-17T08:00:00.000Z' },
      },
    ],
  },
  remove: {
    operationId: 'DELETE-customer-mgmt-remove-customers-bulk',
    summary: 'Removing customer data',
    description: `Forgets the data of each customer id in the body (a JSON array of ids). Contact assignments of those customers stay and show only the customer id. Per item: 204 removed, 404 unknown, 400 invalid. ${BULK_NOTE}`,
    details: [ApiBulk()],
    requestExample: [...EXAMPLE_CUSTOMER_IDS],
  },
});
