import { ItemTypes } from '@cs/contracts';
import { FieldMap } from '@cs/query';
import { documentFields } from '../common/documents';
import { ListSpec } from '../common/listing';

/** Code and name of the assigned item, from the catalog table of its type (see the LEFT JOINs in the service). */
export const ITEM_CODE_SQL = 'COALESCE(product.code, category.code)';
export const ITEM_NAME_SQL = 'COALESCE(product.name, category.name)';

/** q / sort fields of item assignments, over `item_assignment ia` and its catalog joins. */
export const ITEM_ASSIGNMENT_FIELDS: FieldMap = {
  segmentId: { sql: 'ia.segment_id', type: 'string' },
  type: { sql: 'ia.type', type: 'enum', values: ItemTypes },
  'item.id': { sql: 'ia.item_id', type: 'string' },
  'item.code': { sql: ITEM_CODE_SQL, type: 'string' },
  'item.name': { sql: ITEM_NAME_SQL, type: 'localized' },
  ...documentFields('ia'),
};

/** The list of item assignments; the catalog joins (`product`, `category`) only add code and name. */
export const ITEM_ASSIGNMENT_LIST: ListSpec = {
  fieldMap: ITEM_ASSIGNMENT_FIELDS,
  tieBreaker: ['ia.segment_id', 'ia.type', 'ia.item_id'],
  deferredJoins: { keys: ['ia.tenant', 'ia.segment_id', 'ia.type', 'ia.item_id'], aliases: ['product', 'category'] },
};
