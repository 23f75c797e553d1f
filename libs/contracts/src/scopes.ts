/** OAuth scopes of the two services, exactly as the reference specs name them. */
export const Scopes = {
  segmentManage: 'customersegment.segment_manage',
  segmentRead: 'customersegment.segment_read',
  segmentReadOwn: 'customersegment.segment_read_own',
  /** Ours (Emporix delivers events by webhooks): reading the event feed. Never granted to customer tokens. */
  eventRead: 'customersegment.event_read',
  legalEntityRead: 'customermanagement.legalentity_read',
  legalEntityReadOwn: 'customermanagement.legalentity_read_own',
  legalEntityManage: 'customermanagement.legalentity_manage',
  contactAssignmentRead: 'customermanagement.contactassignment_read',
  contactAssignmentManage: 'customermanagement.contactassignment_manage',
  locationRead: 'customermanagement.location_read',
  locationManage: 'customermanagement.location_manage',
  /** Ours: managing the tenant's webhook endpoints, their secrets, replays and retries. */
  webhookEndpointManage: 'webhook.endpoint_manage',
  /** Ours: reading the tenant's webhook endpoints (never their secrets) and delivery attempts. */
  webhookEndpointRead: 'webhook.endpoint_read',
} as const;

export type Scope = (typeof Scopes)[keyof typeof Scopes];

export const ALL_SCOPES: readonly Scope[] = Object.values(Scopes);

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  [Scopes.segmentManage]: 'Needed to create or update customer segments.',
  [Scopes.segmentRead]: 'Needed to read customer segments.',
  [Scopes.segmentReadOwn]: 'Needed to read own customer segments.',
  [Scopes.eventRead]: 'Needed to read the event feed of the tenant (every change of every resource).',
  [Scopes.legalEntityRead]: 'Needed to read legal entities.',
  [Scopes.legalEntityReadOwn]: 'Needed to read legal entities by customer.',
  [Scopes.legalEntityManage]: 'Needed to manage legal entities.',
  [Scopes.contactAssignmentRead]: 'Needed to read contact assignments.',
  [Scopes.contactAssignmentManage]: 'Needed to manage contact assignments.',
  [Scopes.locationRead]: 'Needed to read locations.',
  [Scopes.locationManage]: 'Needed to manage locations.',
  [Scopes.webhookEndpointManage]:
    'Needed to manage webhook endpoints, rotate their secrets, replay and retry deliveries.',
  [Scopes.webhookEndpointRead]: 'Needed to read webhook endpoints and their delivery attempts.',
};

/** Scopes a customer token may carry: it only ever sees what belongs to its customer. */
export function isOwnScope(scope: string): boolean {
  return scope.endsWith('_read_own');
}

/** Tenant names: 3-16 characters, lowercase letter first, then lowercase letters and digits. */
export const TENANT_PATTERN = /^[a-z][a-z0-9]{2,15}$/;
