import { ApiClient } from '@cs/client';
import { database, tenant } from './fixtures';

/** What the tests read of a customer assignment event's data (created events name the customer, deleted ones its id). */
interface MembershipPayload {
  customer?: { id: string };
  customerId?: string;
  legalEntity?: { id: string };
  legalEntityId?: string;
  assignmentType: string;
  reason: string;
}

/** How the automatic-segment tests read a segment's members (through `manage`) and their events (from the outbox). */
export function memberships(manage: ApiClient, db: ReturnType<typeof database>) {
  return {
    /** The segment's members as `customer[/legalEntity]:TYPE`, sorted, as the assignments list shows them. */
    async members(segmentId: string): Promise<string[]> {
      const { data, error } = await manage.GET('/customer-segment/{tenant}/segments/{segmentId}/customers', {
        params: { path: { tenant, segmentId }, query: { pageSize: 1000 } },
      });
      if (!data) throw new Error(JSON.stringify(error));
      return data
        .map((a) => `${a.customer.id}${a.legalEntity ? `/${a.legalEntity.id}` : ''}:${a.assignmentType}`)
        .sort();
    },
    /** The segment's assignment events after outbox id `after`: `type customer[/le] assignmentType reason`. */
    async membershipEvents(segmentId: string, after: number): Promise<string[]> {
      const rows = await db.sql<{ type: string; payload: MembershipPayload }>(
        "SELECT type, payload FROM outbox WHERE tenant = $1 AND type LIKE 'customer-segment.customer-assignment-%' AND payload->>'segmentId' = $2 AND id > $3 ORDER BY id",
        [tenant, segmentId, after],
      );
      return rows.map(({ type, payload }) => {
        const customer = payload.customerId ?? payload.customer?.id;
        const legalEntity = payload.legalEntityId ?? payload.legalEntity?.id;
        return `${type.replace('customer-segment.customer-assignment-', '')} ${customer}${legalEntity ? `/${legalEntity}` : ''} ${payload.assignmentType} ${payload.reason}`;
      });
    },
    /** The id of the last event recorded so far. */
    lastEvent: async (): Promise<number> =>
      Number((await db.sql<{ id: string }>('SELECT COALESCE(max(id), 0) AS id FROM outbox'))[0].id),
  };
}
