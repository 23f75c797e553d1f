import { SegmentStatuses } from '@cs/contracts';
import { FieldMap } from '@cs/query';

/** The alias every segment query uses for the `segment` table; the field map's SQL refers to it. */
export const SEGMENT_ALIAS = 's';

/** What q and sort may name on segments (client path -> trusted SQL over `segment s`). */
export const SEGMENT_FIELDS: FieldMap = {
  id: { sql: 's.id', type: 'string' },
  name: { sql: 's.name', type: 'localized' },
  description: { sql: 's.description', type: 'localized' },
  status: { sql: 's.status', type: 'enum', values: SegmentStatuses },
  siteCode: { sql: 's.site_code', type: 'string' },
  'validity.from': { sql: 's.validity_from', type: 'datetime' },
  'validity.to': { sql: 's.validity_to', type: 'datetime' },
  mixins: { sql: 's.mixins', type: 'json', sortable: true },
  'metadata.mixins': { sql: 's.metadata_mixins', type: 'json' },
  'metadata.createdAt': { sql: 's.created_at', type: 'datetime' },
  'metadata.modifiedAt': { sql: 's.modified_at', type: 'datetime' },
  'metadata.version': { sql: 's.version', type: 'number' },
};

/** Default and final sort key: the id, so pages are stable. */
export const SEGMENT_TIE_BREAKER = ['s.id'];
