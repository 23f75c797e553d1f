import { ItemType, ItemTypes, resourceId } from '@cs/contracts';
import { ItemAssignmentResponse, MAX_ITEM_ID_LENGTH, MixinsUpsert } from '@cs/dto';
import { isEmpty, mixinsAndMetadataOf, StoredDocument } from '../common/documents';
import { VersionedUpsertRow } from '../database/upsert';
import { localizedOutput } from '../common/localization';
import { BadRequestError } from '../errors/domain-errors';
import { ItemAssignmentEntity } from './item-assignment.entity';

/** One item assignment as the repository selects it (its key under the property names), with its catalog code and name when known. */
export interface ItemAssignmentRow extends StoredDocument, Pick<ItemAssignmentEntity, 'segmentId' | 'type' | 'itemId'> {
  code: string | null;
  name: Record<string, string> | null;
}

/** The `{type}` path parameter: exactly PRODUCT or CATEGORY. */
export function parseItemType(type: string): ItemType {
  if ((ItemTypes as readonly string[]).includes(type)) return type as ItemType;
  throw new BadRequestError(`type must be one of ${ItemTypes.join(', ')}.`, type, [
    { field: 'type', message: `must be one of ${ItemTypes.join(', ')}` },
  ]);
}

/** The `{itemId}` path parameter must fit the stored column. */
export function assertItemId(itemId: string): void {
  if (!itemId || itemId.length > MAX_ITEM_ID_LENGTH) {
    throw new BadRequestError(`The item id must be 1-${MAX_ITEM_ID_LENGTH} characters long.`, itemId, [
      { field: 'itemId', message: `must be 1-${MAX_ITEM_ID_LENGTH} characters long` },
    ]);
  }
}

/** The API document of an assignment; `languages` (Accept-Language) turn the item name into a string. */
export function toResponse(row: ItemAssignmentRow, languages: string[] = []): ItemAssignmentResponse {
  return { ...documentBody(row, languages), ...mixinsAndMetadataOf(row) };
}

/** The document without `mixins` and `metadata`. */
function documentBody(
  row: Omit<ItemAssignmentRow, keyof StoredDocument>,
  languages: string[],
): Pick<ItemAssignmentResponse, 'segmentId' | 'item' | 'type'> {
  const name = localizedOutput(row.name, languages);
  return {
    segmentId: row.segmentId,
    item: { id: row.itemId, ...(row.code !== null && { code: row.code }), ...(name !== undefined && { name }) },
    type: row.type,
  };
}

/** The stored row of an upsert (key, columns, expected version) with its event payload, the `metadata` of which the write adds. */
export function toRow(
  tenant: string,
  key: { segmentId: string; type: ItemType; itemId: string },
  body: MixinsUpsert,
): VersionedUpsertRow {
  const mixins = body.mixins ?? {};
  const metadataMixins = body.metadata?.mixins ?? {};
  // The event's document; the write adds the stored metadata and the catalog's code and name of the item.
  const payload = {
    ...documentBody({ ...key, code: null, name: null }, []),
    ...(!isEmpty(mixins) && { mixins }),
    tenant,
  };
  return {
    key: { tenant, segment_id: key.segmentId, type: key.type, item_id: key.itemId },
    values: { mixins, metadata_mixins: metadataMixins },
    expectedVersion: body.metadata?.version,
    resourceId: key.itemId,
    event: {
      resourceId: resourceId(key.segmentId, key.type, key.itemId),
      payload,
      metadata: isEmpty(metadataMixins) ? {} : { mixins: metadataMixins },
    },
  };
}
