import { BulkItemResult } from '@cs/contracts';
import { TenantClient } from '@cs/client';
import { Row } from './rows';

/** What the CLI moves: a segment's customer assignments or its item assignments. */
export interface Kind<Item> {
  name: string;
  /** CSV columns, for import and export alike. */
  columns: string[];
  /** A row as the bulk endpoint wants it, or an error message. */
  toItem(row: Row): Item | string;
  sendBulk(
    client: TenantClient,
    segmentId: string,
    items: Item[],
  ): Promise<{ data?: BulkItemResult[]; error?: unknown; response: Response }>;
  fetchPage(
    client: TenantClient,
    segmentId: string,
    pageNumber: number,
    pageSize: number,
  ): Promise<{ data?: Row[]; error?: unknown; response: Response }>;
  toRow(document: Row): Row;
}

interface CustomerItem {
  customerId: string;
  legalEntityId?: string;
  mixins?: Record<string, unknown>;
}

interface AssignedItem {
  id: string;
  mixins?: Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const result = String(value).trim();
  return result === '' ? undefined : result;
}

/** `mixins` arrive as an object (JSON Lines) or JSON text (CSV). */
function mixinsOf(value: unknown): Record<string, unknown> | undefined | string {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // reported below
    }
  }
  return 'mixins must be a JSON object';
}

export const customersKind: Kind<CustomerItem> = {
  name: 'customers',
  columns: ['customerId', 'legalEntityId', 'mixins'],
  toItem(row) {
    const customerId = text(row.customerId);
    if (!customerId) return 'customerId is required';
    const mixins = mixinsOf(row.mixins);
    if (typeof mixins === 'string') return mixins;
    const legalEntityId = text(row.legalEntityId);
    return { customerId, ...(legalEntityId && { legalEntityId }), ...(mixins && { mixins }) };
  },
  sendBulk: (client, segmentId, items) =>
    client.PUT('/customer-segment/{tenant}/segments/{segmentId}/customers/bulk', {
      params: { path: { segmentId } },
      body: items,
    }),
  fetchPage: (client, segmentId, pageNumber, pageSize) =>
    client.GET('/customer-segment/{tenant}/segments/{segmentId}/customers', {
      params: { path: { segmentId }, query: { pageNumber, pageSize } },
    }),
  toRow: (document) => {
    const customer = document.customer as { id?: string } | undefined;
    const legalEntity = document.legalEntity as { id?: string } | undefined;
    return { customerId: customer?.id, legalEntityId: legalEntity?.id ?? '', mixins: document.mixins ?? {} };
  },
};

export function itemsKind(type: 'PRODUCT' | 'CATEGORY' | undefined): Kind<AssignedItem> {
  return {
    name: 'items',
    columns: ['id', 'type', 'mixins'],
    toItem(row) {
      const id = text(row.id);
      if (!id) return 'id is required';
      const rowType = text(row.type);
      if (rowType && type && rowType.toUpperCase() !== type) return `type ${rowType} does not match --type ${type}`;
      const mixins = mixinsOf(row.mixins);
      if (typeof mixins === 'string') return mixins;
      return { id, ...(mixins && { mixins }) };
    },
    sendBulk: (client, segmentId, items) =>
      client.PUT('/customer-segment/{tenant}/segments/{segmentId}/items/{type}/bulk', {
        params: { path: { segmentId, type: type as 'PRODUCT' } },
        body: items,
      }),
    fetchPage: (client, segmentId, pageNumber, pageSize) =>
      client.GET('/customer-segment/{tenant}/segments/{segmentId}/items', {
        params: { path: { segmentId }, query: { pageNumber, pageSize, ...(type && { q: `type:${type}` }) } },
      }),
    toRow: (document) => {
      const item = document.item as { id?: string } | undefined;
      return { id: item?.id, type: document.type, mixins: document.mixins ?? {} };
    },
  };
}
