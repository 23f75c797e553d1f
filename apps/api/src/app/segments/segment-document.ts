import { SegmentStatus } from '@cs/contracts';
import { SEGMENT_PATCH_OPS, SegmentFields, SegmentResponse, SegmentUpdate } from '@cs/dto';
import { applyPatch, JsonPatchError, Operation } from 'fast-json-patch';
import { isEmpty, mixinsAndMetadataOf, validityOf } from '../common/documents';
import { isoTimestampColumns } from '../database/sql';
import { Localized, localizedInput, localizedOutput } from '../common/localization';
import { emptyRecord, withoutPrototypes } from '../common/records';
import { BadRequestError } from '../errors/domain-errors';

/** The stored columns a client writes (column name -> value), as `upsertVersioned` takes them. */
export interface SegmentValues {
  name: Localized;
  description: Localized | null;
  status: SegmentStatus;
  site_code: string;
  validity_from: Date | null;
  validity_to: Date | null;
  mixins: Record<string, unknown>;
  metadata_mixins: Record<string, string>;
}

/** A segment row as read with `SEGMENT_COLUMNS` (metadata timestamps as ISO text), or as written (Dates). */
export interface SegmentRow extends SegmentValues {
  id: string;
  version: number;
  created_at: Date | string;
  modified_at: Date | string;
}

/**
 * The select list that reads a `SegmentRow` from `segment s`. The server-set metadata timestamps come
 * as ISO text (parsing them into Dates and formatting them again showed in a segment list's profile:
 * tools/bench/results/history.md); validity dates are client input and may lie outside the years
 * 0001-9999 that text form covers.
 */
export const SEGMENT_COLUMNS = `s.id, s.name, s.description, s.status, s.site_code, s.validity_from, s.validity_to, s.mixins, s.metadata_mixins, s.version, ${isoTimestampColumns('s')}`;

/**
 * Turns a validated create/update body into the stored columns. With `Content-Language`, localized
 * fields are plain strings merged into `previous` (the stored maps, on updates). Absent optional
 * fields are cleared (PUT replaces the document); `status` defaults to INACTIVE.
 */
export function segmentValues(
  input: SegmentFields & { metadata?: { mixins?: Record<string, string> } },
  language: string | undefined,
  previous?: Pick<SegmentRow, 'name' | 'description'>,
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
    mixins: input.mixins ?? {},
    metadata_mixins: input.metadata?.mixins ?? {},
  };
}

/** The API document of a row; localized fields as maps, or as texts in the first of `languages` that matches. */
export function toSegmentResponse(row: SegmentRow, languages: string[]): SegmentResponse {
  const validity = validityOf(row.validity_from, row.validity_to);
  const description = localizedOutput(row.description, languages);
  return {
    id: row.id,
    name: localizedOutput(row.name, languages) as SegmentResponse['name'],
    ...(description !== undefined && { description }),
    ...(validity && { validity }),
    status: row.status,
    siteCode: row.site_code,
    ...mixinsAndMetadataOf(row),
  };
}

/**
 * The writable part of a stored segment, as a PUT body (maps for localized fields): what PATCH
 * operates on. `mixins` and `metadata.mixins` are always there, so `add /mixins/x` works on a new set.
 */
export function patchableDocument(row: SegmentRow): Record<string, unknown> {
  const { id: _id, metadata: _metadata, ...fields } = toSegmentResponse(row, []);
  return JSON.parse(JSON.stringify({ ...fields, mixins: row.mixins, metadata: { mixins: row.metadata_mixins } }));
}

const escapePointer = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Applies RFC 6902 `add` / `remove` / `replace` operations to `document` (not changed) and returns
 * the result, to be validated like a PUT body. With `Content-Language`, an operation on `/name` or
 * `/description` with a plain string (or a `remove`) addresses that language only.
 */
export function applySegmentPatch(
  document: Record<string, unknown>,
  body: unknown,
  language: string | undefined,
): Partial<SegmentUpdate> {
  if (!Array.isArray(body) || body.length === 0)
    throw new BadRequestError('The request body must be a non-empty JSON array of patch operations.');
  // fast-json-patch walks the path with plain property reads: on ordinary objects inherited names (`toString`,
  // `constructor`) count as present. Without prototypes every path segment is an own key or absent.
  const target: Record<string, unknown> = withoutPrototypes(document);
  const operations = body.map((operation: unknown, index): Operation => {
    const op = (operation as { op?: unknown } | null)?.op;
    if (
      typeof operation !== 'object' ||
      operation === null ||
      Array.isArray(operation) ||
      !SEGMENT_PATCH_OPS.includes(op as never)
    ) {
      throw new BadRequestError(
        `Patch operation ${index}: op must be one of ${SEGMENT_PATCH_OPS.join(', ')}.`,
        undefined,
        [{ field: `[${index}].op`, message: `must be one of ${SEGMENT_PATCH_OPS.join(', ')}` }],
      );
    }
    const withValue = {
      ...(operation as Operation),
      ...('value' in operation && { value: withoutPrototypes(operation.value) }),
    } as Operation;
    return language ? toLanguage(withValue, language, target) : withValue;
  });
  try {
    const patched = applyPatch(target, operations, true, true, true).newDocument;
    return JSON.parse(JSON.stringify(patched)) as Partial<SegmentUpdate>;
  } catch (error) {
    // fast-json-patch refuses `__proto__` and `constructor/prototype` segments with a plain TypeError (as the
    // JSON parser refuses such keys in bodies): a 400.
    if (error instanceof TypeError && error.message.startsWith('JSON-Patch')) throw new BadRequestError(error.message);
    if (!(error instanceof JsonPatchError)) throw error;
    const operation = error.operation as { op?: string; path?: string } | undefined;
    throw new BadRequestError(
      `Patch operation ${error.index ?? 0} (${operation?.op} ${operation?.path}): ${error.message.split('\n')[0]}`,
      undefined,
      [
        {
          field: typeof operation?.path === 'string' ? operation.path : `[${error.index ?? 0}]`,
          type: error.name,
          message: error.message.split('\n')[0],
        },
      ],
    );
  }
}

function toLanguage(operation: Operation, language: string, document: Record<string, unknown>): Operation {
  const field = operation.path === '/name' ? 'name' : operation.path === '/description' ? 'description' : undefined;
  if (!field) return operation;
  const path = `/${field}/${escapePointer(language)}`;
  if (operation.op === 'remove') return { op: 'remove', path };
  if ((operation.op === 'add' || operation.op === 'replace') && typeof operation.value === 'string') {
    document[field] ??= emptyRecord();
    return { op: 'add', path, value: operation.value };
  }
  return operation;
}
