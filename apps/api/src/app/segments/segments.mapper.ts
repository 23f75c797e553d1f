import { EventMixins, SegmentStatus, SegmentUpdatedEventData } from '@cs/contracts';
import { SegmentFields, SegmentResponse } from '@cs/dto';
import { isEmpty, mixinsAndMetadataOf, validityOf } from '../common/documents';
import { localizedInput, localizedOutput } from '../common/localization';
import { OwnColumns, SelectedRow } from '../database/columns';
import { BadRequestError } from '../errors/domain-errors';
import { SegmentEntity } from './segment.entity';

/** The stored columns a client writes (column name -> value), as the upsert takes them. */
export type SegmentValues = Omit<OwnColumns<SegmentEntity>, 'id'>;

/** A segment row as the repository reads it (metadata timestamps as ISO text), or as written (Dates). */
export type SegmentRow = Omit<SelectedRow<SegmentEntity>, 'tenant'>;

/**
 * Turns a validated create/update body into the stored columns. With `Content-Language`, localized
 * fields are plain strings merged into `previous` (the stored maps, on updates). Absent optional
 * fields are cleared (PUT replaces the document), except `criteria`, which stays; `status` defaults to INACTIVE.
 */
export function toRow(
  input: SegmentFields & { metadata?: { mixins?: Record<string, string> } },
  language: string | undefined,
  previous?: Pick<SegmentRow, 'name' | 'description' | 'criteria'>,
): SegmentValues {
  const name = localizedInput('name', input.name, language, previous?.name);
  if (!name || isEmpty(name))
    throw new BadRequestError('name must contain at least one language.', undefined, [
      { field: 'name', message: 'must not be empty' },
    ]);
  const description = localizedInput('description', input.description, language, previous?.description) ?? null;
  const from = input.validity?.from ? new Date(input.validity.from) : null;
  const to = input.validity?.to ? new Date(input.validity.to) : null;
  if (from && to && from > to) {
    throw new BadRequestError('validity.from must not be after validity.to.', undefined, [
      { field: 'validity.from', message: 'must not be after validity.to' },
    ]);
  }
  return {
    name,
    description: isEmpty(description) ? null : description,
    status: input.status ?? 'INACTIVE',
    site_code: input.siteCode,
    validity_from: from,
    validity_to: to,
    // Absent keeps the stored criteria (a client unaware of the field must not empty an automatic segment); null clears.
    criteria: input.criteria === undefined ? (previous?.criteria ?? null) : input.criteria,
    mixins: input.mixins ?? {},
    metadata_mixins: input.metadata?.mixins ?? {},
  };
}

/** A segment event's payload without `metadata`, and what the write adds to the stored `metadata` (see `UpsertEvent`). */
export interface SegmentEventWrite {
  payload: Omit<SegmentUpdatedEventData, 'metadata'>;
  metadata: { mixins?: Record<string, string> };
}

/**
 * What the events of a write of `values` carry: the document as stored (localized fields as the stored maps, as a GET
 * without Accept-Language shows them) with its tenant; `previousStatus` only on updates.
 */
export function toEventWrite(
  document: { tenant: string; id: string; values: SegmentValues },
  previousStatus?: SegmentStatus,
): SegmentEventWrite {
  const { tenant, id, values } = document;
  const validity = validityOf(values.validity_from, values.validity_to);
  return {
    payload: {
      id,
      name: values.name,
      ...(values.description && { description: values.description }),
      ...(validity && { validity }),
      status: values.status,
      siteCode: values.site_code,
      ...(values.criteria !== null && { criteria: values.criteria }),
      ...(!isEmpty(values.mixins) && { mixins: values.mixins as EventMixins }),
      tenant,
      ...(previousStatus && { previousStatus }),
    },
    metadata: isEmpty(values.metadata_mixins) ? {} : { mixins: values.metadata_mixins },
  };
}

/**
 * The API document of a row; localized fields as maps, or as texts in the first of `languages` that matches.
 * `criteria` only with `showCriteria` (not for customer tokens: a rule may name what a customer should not read).
 */
export function toResponse(row: SegmentRow, languages: string[], showCriteria = true): SegmentResponse {
  const validity = validityOf(row.validity_from, row.validity_to);
  const description = localizedOutput(row.description, languages);
  return {
    id: row.id,
    name: localizedOutput(row.name, languages) as SegmentResponse['name'],
    ...(description !== undefined && { description }),
    ...(validity && { validity }),
    status: row.status,
    siteCode: row.site_code,
    ...(showCriteria && row.criteria !== null && { criteria: row.criteria }),
    ...mixinsAndMetadataOf(row),
  };
}
