import { FieldMap } from '@cs/query';

/** q and sort fields of webhook endpoints (alias `e`). */
export const ENDPOINT_FIELDS: FieldMap = {
  // As text: a q value that is no uuid then matches nothing instead of failing the cast.
  id: { sql: 'e.id::text', type: 'string' },
  url: { sql: 'e.url', type: 'string' },
  description: { sql: 'e.description', type: 'string' },
  active: { sql: 'e.active', type: 'boolean' },
  'metadata.version': { sql: 'e.version', type: 'number' },
  'metadata.createdAt': { sql: 'e.created_at', type: 'datetime' },
  'metadata.modifiedAt': { sql: 'e.modified_at', type: 'datetime' },
};

export const ENDPOINT_TIE_BREAKER = ['e.id'];
