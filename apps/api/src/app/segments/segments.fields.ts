import { SegmentStatuses } from '@cs/contracts';
import { FieldMap } from '@cs/query';
import { documentFields } from '../common/documents';

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
  ...documentFields('s'),
};

/** Default and final sort key: the id, so pages are stable. */
export const SEGMENT_TIE_BREAKER = ['s.id'];
