import { SEGMENT_PATCH_OPS, SegmentUpdate } from '@cs/dto';
import { applyPatch, JsonPatchError, Operation } from 'fast-json-patch';
import { emptyRecord, withoutPrototypes } from '../common/records';
import { BadRequestError } from '../errors/domain-errors';
import { SegmentRow, toResponse } from './segments.mapper';

/**
 * The writable part of a stored segment, as a PUT body (maps for localized fields): what PATCH
 * operates on. `mixins` and `metadata.mixins` are always there, so `add /mixins/x` works on a new set.
 */
export function patchableDocument(row: SegmentRow): Record<string, unknown> {
  const { id: _id, metadata: _metadata, ...fields } = toResponse(row, []);
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
