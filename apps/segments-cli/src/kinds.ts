import { BulkItemResult, ItemType, ItemTypes } from '@cs/contracts';
import { TenantClient } from '@cs/client';
import { Format, Row } from './rows';

/** What the CLI moves: a segment's customer assignments or its item assignments. */
export interface Kind<Item> {
  name: string;
  /** The columns of an export, and all an import understands (besides `error`, from a failed file). */
  columns: string[];
  /** The columns an import cannot do without. */
  required: string[];
  /** A row as the bulk endpoint wants it, or an error message. */
  toItem(row: Row): Item | string;
  /** Items with the same batch go in one bulk request (customers all do; items one per type). */
  batchOf(item: Item): string;
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
  type: ItemType;
  mixins?: Record<string, unknown>;
}

/** Why an input's columns cannot be imported as `kind` (missing, unknown or repeated ones), or undefined. */
export function columnProblem(kind: Kind<unknown>, columns: string[], format: Format): string | undefined {
  const missing = kind.required.filter((column) => !columns.includes(column));
  const unknown = columns.filter((column) => !kind.columns.includes(column) && column !== 'error');
  const repeated = columns.filter((column, i) => columns.indexOf(column) !== i);
  if (!missing.length && !unknown.length && !repeated.length) return undefined;
  const expected = kind.columns.map((column) => (kind.required.includes(column) ? `${column} (required)` : column));
  const found = columns.map((column) => column || '(empty)').join(', ') || 'nothing';
  const where = format === 'csv' ? 'a header line with the columns' : 'objects with the keys';
  const separator = columns.length === 1 && /[;\t|]/.exec(columns[0])?.[0];
  return [
    `Expected ${where} ${expected.join(', ')}; found ${format === 'csv' ? '' : 'in the first row '}${found}.`,
    ...(separator ? [`Values must be separated by commas, not '${separator === '\t' ? '\\t' : separator}'.`] : []),
    ...(repeated.length ? [`Repeated: ${[...new Set(repeated)].join(', ')}.`] : []),
  ].join(' ');
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
  required: ['customerId'],
  toItem(row) {
    const customerId = text(row.customerId);
    if (!customerId) return 'customerId is required';
    const mixins = mixinsOf(row.mixins);
    if (typeof mixins === 'string') return mixins;
    const legalEntityId = text(row.legalEntityId);
    return { customerId, ...(legalEntityId && { legalEntityId }), ...(mixins && { mixins }) };
  },
  batchOf: () => 'customers',
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

/** Item assignments; each row names its type in a `type` column, or `type` (from --type) covers all rows. */
export function itemsKind(type: ItemType | undefined): Kind<AssignedItem> {
  return {
    name: 'items',
    columns: ['id', 'type', 'mixins'],
    required: type ? ['id'] : ['id', 'type'],
    toItem(row) {
      const id = text(row.id);
      if (!id) return 'id is required';
      const rowType = text(row.type);
      const itemType = (rowType?.toUpperCase() ?? type) as ItemType | undefined;
      if (!itemType) return 'type is required (a type column, or --type)';
      if (!ItemTypes.includes(itemType)) return `type must be ${ItemTypes.join(' or ')}, not ${rowType}`;
      if (type && itemType !== type) return `type ${rowType} does not match --type ${type}`;
      const mixins = mixinsOf(row.mixins);
      if (typeof mixins === 'string') return mixins;
      return { id, type: itemType, ...(mixins && { mixins }) };
    },
    batchOf: (item) => item.type,
    sendBulk: (client, segmentId, items) =>
      client.PUT('/customer-segment/{tenant}/segments/{segmentId}/items/{type}/bulk', {
        params: { path: { segmentId, type: items[0].type } },
        body: items.map(({ type: _, ...item }) => item),
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
