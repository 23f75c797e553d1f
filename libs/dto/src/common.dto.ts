import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { isLanguageTag, LANGUAGE_TAG_RULE } from '@cs/contracts';
import { IsInt, IsObject, IsOptional, Max, Min, ValidateBy, ValidateNested, ValidationOptions } from 'class-validator';
import { ErrorDetailResponse } from './error.dto';

// The pieces every feature's documents share: metadata, mixins, bulk answers, search bodies, ids.

const METADATA_MIXINS =
  'Links to the mixin schemas: a map where a key is a mixin name and the value a link to its schema.';
const MIXINS =
  'Mixins: a map where a key is a mixin name and the value a map of its attributes (stored and returned as given).';

/**
 * A free-form JSON property (mixins, localized maps) kept exactly as sent. class-transformer rebuilds
 * nested objects key by key and drops keys that name members of `Object.prototype` (`toString`,
 * `valueOf`, `__proto__`, ...), or fails on `constructor`: such keys are ordinary data here.
 * `Type(() => Boolean)` keeps it from walking into the value (`Boolean()` reads nothing of it); the
 * transform then puts back the value of the request.
 */
export function AsSent(): PropertyDecorator {
  const decorators = [
    Type(() => Boolean),
    Transform(({ obj, key }) => (Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined), {
      toClassOnly: true,
    }),
  ];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** The range of a Postgres `integer` (int4): the versions and positions are stored in such columns. */
export const INT4_MIN = -(2 ** 31);
export const INT4_MAX = 2 ** 31 - 1;

/** An integer an int4 column can hold, at least `min`. */
export function IsInt4(min = INT4_MIN): PropertyDecorator {
  const decorators = [IsInt(), Min(min), Max(INT4_MAX)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/**
 * An ISO-8601 date-time with a time zone (`2024-04-17T08:00:00.000Z`), or with `dateOnly` also a date
 * (`2024-04-17`), that names a real day (no 2023-02-29) of the years 0001-9999: the four-digit years
 * of ISO 8601, which JavaScript and Postgres both hold (`+275760-09-13` or year 0 are refused here,
 * not by the database).
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;

export function isStorableDateTime(value: unknown, dateOnly = false): boolean {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match || (!dateOnly && !match[4])) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeapYear(year) ? 1 : 0);
  return (
    year >= 1 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    !Number.isNaN(Date.parse(value as string))
  );
}

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

export function IsDateTime(options: { dateOnly?: boolean } = {}): PropertyDecorator {
  return ValidateBy({
    name: 'isDateTime',
    validator: {
      validate: (value: unknown) => isStorableDateTime(value, options.dateOnly),
      defaultMessage: () =>
        `$property must be an ISO-8601 ${options.dateOnly ? 'date (2024-04-17) or ' : ''}date-time with a time zone (2024-04-17T08:00:00.000Z) of a real day in the years 0001-9999`,
    },
  });
}

export interface LocalizedTextRules {
  /** At least one language (or a non-empty string). */
  nonEmpty?: boolean;
  /** Only the map form: the field ignores `Content-Language`. */
  mapOnly?: boolean;
}

/**
 * What is wrong with a localized text as written, or undefined: a map of language tags
 * (`LANGUAGE_TAG_PATTERN`) to strings, or (unless `mapOnly`) a plain string in the language that
 * `Content-Language` names; which of the two a request must use is decided by that header, in the service.
 */
export function localizedTextProblem(value: unknown, rules: LocalizedTextRules = {}): string | undefined {
  if (typeof value === 'string' && !rules.mapOnly) return rules.nonEmpty && !value ? 'must not be empty' : undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `must be a map of language tags to strings${rules.mapOnly ? '' : ', or a plain string when Content-Language names a language'}`;
  }
  const entries = Object.entries(value);
  if (rules.nonEmpty && !entries.length) return 'must contain at least one language';
  const badKey = entries.find(([language]) => !isLanguageTag(language));
  if (badKey) return `has the key ${JSON.stringify(badKey[0])}, which is not ${LANGUAGE_TAG_RULE}`;
  const badText = entries.find(([, text]) => typeof text !== 'string');
  if (badText) return `must map every language to a string (${JSON.stringify(badText[0])} does not)`;
  return undefined;
}

/** A localized text property (see `localizedTextProblem`), kept as sent. */
export function IsLocalizedText(rules: LocalizedTextRules = {}, options?: ValidationOptions): PropertyDecorator {
  const validate = ValidateBy(
    {
      name: 'isLocalizedText',
      validator: {
        validate: (value: unknown) => localizedTextProblem(value, rules) === undefined,
        defaultMessage: (args) => `$property ${localizedTextProblem(args?.value, rules)}`,
      },
    },
    options,
  );
  return (target, key) => {
    validate(target, key);
    AsSent()(target, key);
  };
}

/** `metadata` of a create request. */
export class MetadataCreate {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: METADATA_MIXINS })
  @IsOptional()
  @IsObject()
  @AsSent()
  mixins?: Record<string, string>;
}

/** `metadata` of an update or upsert request. */
export class MetadataUpdate extends MetadataCreate {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: INT4_MAX,
    description:
      'The version the caller last saw; a different stored version makes the write fail with 409. Absent: no check.',
  })
  @IsOptional()
  @IsInt4(1)
  version?: number;
}

/** An optional nested `metadata` of a write, validated as `type` (`MetadataCreate` or `MetadataUpdate`). */
export function MetadataProperty(type: new () => MetadataCreate): PropertyDecorator {
  const decorators = [ApiPropertyOptional({ type }), IsOptional(), ValidateNested(), Type(() => type)];
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

/** `metadata` of a document as read; timestamps are ISO-8601 UTC strings. */
export class MetadataResponse {
  @ApiProperty({ type: 'string', format: 'date-time', description: 'The creation date.' })
  createdAt!: string;
  @ApiProperty({ type: 'string', format: 'date-time', description: 'The modification date.' })
  modifiedAt!: string;
  @ApiProperty({
    type: 'integer',
    description: 'The document version number; starts at 1 and grows by one with every change.',
  })
  version!: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: METADATA_MIXINS })
  mixins?: Record<string, string>;
}

/** What a stored document returns beside its own fields: its `mixins` (left out when empty) and `metadata`. */
export class DocumentResponse {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: MIXINS })
  mixins?: Record<string, unknown>;
  @ApiProperty({ type: MetadataResponse })
  metadata!: MetadataResponse;
}

/** The `mixins` a document write may carry. */
export class MixinsInput {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: MIXINS })
  @IsOptional()
  @IsObject()
  @AsSent()
  mixins?: Record<string, unknown>;
}

/** The body of an upsert that carries nothing but `mixins` and `metadata` (and the base of those carrying more). */
export class MixinsUpsert extends MixinsInput {
  @MetadataProperty(MetadataUpdate)
  metadata?: MetadataUpdate;
}

/** A validity period as read; the writes validate it with their own rules. */
export class Validity {
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    description: 'Start of the validity period (inclusive).',
  })
  from?: string;
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    description: 'End of the validity period (inclusive); not before `from`.',
  })
  to?: string;
}

/** The body of a `.../search` POST: the q-language query of the matching GET list. */
export class SearchBody {
  @ApiPropertyOptional({
    description: 'A query in the q-language, e.g. `status:ACTIVE name.en:~gold`.',
    example: 'status:ACTIVE',
  })
  q?: string;
}

/** The answer of a create (and of an upsert that created): the document's id. */
export class IdResponse {
  @ApiProperty({ description: 'Id of the created document.', example: '628cd20c6e8b2432b6346ca6' })
  id!: string;
}

/** One entry of a 207 answer of a bulk endpoint (customer-management routes). */
export class BulkItemResponse {
  @ApiProperty({ description: 'Zero-based position of the item in the request body.' })
  index!: number;
  @ApiProperty({
    description: 'HTTP status code of this item, e.g. 201 created, 204 updated or deleted, 4xx rejected.',
  })
  code!: number;
  @ApiProperty({ description: 'HTTP status text of this item.' })
  status!: string;
  @ApiPropertyOptional({ description: "The item's id (or the id of the resource the error is about), where known." })
  id?: string;
  @ApiPropertyOptional({ description: 'Why the item failed.' })
  message?: string;
  @ApiPropertyOptional({
    type: [String],
    description: 'Every problem of a rejected item, as `<field>: <message>`.',
  })
  details?: string[];
}

/** One entry of a 207 answer of a bulk endpoint of the customer-segment routes. */
export class SegmentBulkItemResponse extends OmitType(BulkItemResponse, ['details'] as const) {
  @ApiPropertyOptional({
    type: ErrorDetailResponse,
    description: 'The first problem of a rejected item (`message` names every one).',
  })
  details?: ErrorDetailResponse;
}
