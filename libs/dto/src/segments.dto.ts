import { SegmentStatus, SegmentStatuses } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNotIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  IsDateTime,
  IsLocalizedText,
  MetadataCreate,
  MetadataProperty,
  MetadataResponse,
  MetadataUpdate,
  MixinsInput,
  Validity,
} from './common.dto';

/** Longest accepted `criteria`, as for list `q`. */
export const MAX_CRITERIA_LENGTH = 4000;

const CRITERIA_DESCRIPTION =
  'Makes the segment automatic: a q-language expression (the grammar of list `q`) over the customer data the service ' +
  'holds. Matching customers get `AUTOMATIC` assignments, kept current as criteria and customer data change; manual ' +
  'assignments stay, exclusions keep customers out. Fields: `customer.id`, `customer.firstName`, `customer.lastName`, ' +
  '`customer.email`, `customer.phone`, `customer.preferredSite`, `customer.preferredLanguage`, ' +
  '`customer.preferredCurrency`, `customer.active`, `customer.b2b.*`, `customer.businessModel`, `customer.type`, ' +
  '`customer.company`, `customer.customerNumber`, `customer.metadata.createdAt`, `customer.mixins.*`, and through ' +
  "the customer's contact assignments `legalEntity.id`, `legalEntity.name`, `legalEntity.type`, " +
  '`legalEntity.parentId`, `legalEntity.customerGroups.id`, `legalEntity.mixins.*`, `contactType`: a criteria that ' +
  'names these yields B2B memberships (customer, legal entity), otherwise B2C ones. `null` makes the segment manual; ' +
  'absent on create: manual, absent on PUT: the stored criteria stay. ' +
  'Example: `customer.email:~"@acme\\.com$" customer.active:true`.';

/** Client-chosen segment ids: 1-66 characters of letters, digits and `_ . : -` (case-sensitive), except `RESERVED_SEGMENT_IDS`. */
export const SEGMENT_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,66}$/;
/**
 * The words of the routes beside `/segments/{segmentId}` (`/segments/items`, `/segments/bulk`, ...): a
 * segment with such an id could not be read, replaced or deleted by its path. (Not part of the pattern:
 * a look-ahead would not carry over to every client's regular expressions.)
 */
export const RESERVED_SEGMENT_IDS = ['bulk', 'criteria', 'items', 'match', 'search'];
export const SEGMENT_ID_RULE =
  '1-66 characters of letters, digits, `_`, `.`, `:` and `-`, case-sensitive, and none of the route words `bulk`, `criteria`, `items`, `match`, `search`';

export const isSegmentId = (id: string): boolean => SEGMENT_ID_PATTERN.test(id) && !RESERVED_SEGMENT_IDS.includes(id);

/** Documents a localized field: a map language -> text, or a plain string (per Content-Language / Accept-Language). */
const ApiLocalizedProperty = (description: string, required = true) =>
  ApiProperty({
    description,
    required,
    oneOf: [{ type: 'object', additionalProperties: { type: 'string' } }, { type: 'string' }],
  });

/** A segment's validity as written: date-times with a time zone. */
export class SegmentValidity extends Validity {
  @IsOptional()
  @IsDateTime()
  override from?: string;

  @IsOptional()
  @IsDateTime()
  override to?: string;
}

/** Response metadata of segments: every property is there unless a `fields` projection leaves it out. */
export class SegmentMetadataResponse extends PartialType(MetadataResponse) {}

/** The fields a client writes on create and update. */
export abstract class SegmentFields extends MixinsInput {
  @ApiLocalizedProperty(
    'Localized name of the customer segment: language tag (e.g. `en`, `de-CH`) -> text, or a plain string with `Content-Language`.',
  )
  @IsDefined()
  @IsLocalizedText({ nonEmpty: true })
  name!: Record<string, string> | string;

  @ApiLocalizedProperty(
    'Localized description of the customer segment: language tag -> text, or a plain string with `Content-Language`.',
    false,
  )
  @IsOptional()
  @IsLocalizedText()
  description?: Record<string, string> | string;

  @ApiPropertyOptional({
    type: SegmentValidity,
    description: 'Determines the time frame in which the customer segment is valid.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SegmentValidity)
  validity?: SegmentValidity;

  @ApiPropertyOptional({
    enum: SegmentStatuses,
    description:
      'Determines whether the customer segment is active or not. If not provided the value is set to `INACTIVE`.',
  })
  @IsOptional()
  @IsIn(SegmentStatuses)
  status?: SegmentStatus;

  @ApiProperty({ description: 'Determines for which site the customer segment is available.', maxLength: 128 })
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  siteCode!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_CRITERIA_LENGTH,
    description: CRITERIA_DESCRIPTION,
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CRITERIA_LENGTH)
  criteria?: string | null;
}

export class SegmentCreation extends SegmentFields {
  @ApiPropertyOptional({
    description: `Unique identifier of the customer segment, generated (24 hex characters) if not provided. Custom ids: ${SEGMENT_ID_RULE}.`,
    pattern: SEGMENT_ID_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @Matches(SEGMENT_ID_PATTERN, { message: `id must be ${SEGMENT_ID_RULE}` })
  @IsNotIn(RESERVED_SEGMENT_IDS, { message: `id must be ${SEGMENT_ID_RULE}` })
  id?: string;

  @MetadataProperty(MetadataCreate)
  metadata?: MetadataCreate;
}

export class SegmentUpdate extends SegmentFields {
  @MetadataProperty(MetadataUpdate)
  metadata?: MetadataUpdate;
}

export class SegmentUpdateBulk extends SegmentUpdate {
  @ApiProperty({
    description: `Unique identifier of the customer segment (${SEGMENT_ID_RULE}).`,
    pattern: SEGMENT_ID_PATTERN.source,
  })
  @IsString()
  @Matches(SEGMENT_ID_PATTERN, { message: `id must be ${SEGMENT_ID_RULE}` })
  @IsNotIn(RESERVED_SEGMENT_IDS, { message: `id must be ${SEGMENT_ID_RULE}` })
  id!: string;
}

/** A segment as read. `id` is always there; `name`, `status`, `siteCode` and `metadata` too, unless a `fields` projection leaves them out. */
export class SegmentResponse {
  @ApiProperty({ description: 'Unique identifier of the customer segment (kept by every `fields` projection).' })
  id!: string;
  @ApiLocalizedProperty(
    'Localized name: the map, or with `Accept-Language` the text in the best matching language.',
    false,
  )
  name!: Record<string, string> | string;
  @ApiLocalizedProperty('Localized description, like `name`.', false)
  description?: Record<string, string> | string;
  @ApiPropertyOptional({ type: Validity })
  validity?: Validity;
  @ApiPropertyOptional({ enum: SegmentStatuses })
  status!: SegmentStatus;
  @ApiPropertyOptional()
  siteCode!: string;
  @ApiPropertyOptional({
    description: 'The rule of an automatic segment (see the create body); not shown to customer tokens.',
  })
  criteria?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  mixins?: Record<string, unknown>;
  @ApiPropertyOptional({ type: SegmentMetadataResponse })
  metadata!: MetadataResponse;
}

export class SegmentListFilter {
  @ApiPropertyOptional({
    description:
      'Only segments this customer is assigned to. Honoured for `customersegment.segment_read` tokens only; customer tokens always see their own segments.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  customerId?: string;

  @ApiPropertyOptional({
    description:
      'Only segments with a customer assignment in this legal entity (of `customerId`, or of the calling customer).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  legalEntityId?: string;
}

export class SegmentReadFilter {
  @ApiPropertyOptional({
    description:
      'Only when the segment has a customer assignment in this legal entity (for customer tokens: an assignment of the calling customer).',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  legalEntityId?: string;
}

export const SEGMENT_PATCH_OPS = ['add', 'remove', 'replace'] as const;

export class SegmentPatchOperation {
  @ApiProperty({ enum: SEGMENT_PATCH_OPS, description: 'The RFC 6902 operation: `add`, `remove` or `replace`.' })
  op!: (typeof SEGMENT_PATCH_OPS)[number];
  @ApiProperty({
    description: 'JSON pointer into the segment, e.g. `/status`, `/name`, `/mixins/additionalAttributes/externalId`.',
  })
  path!: string;
  @ApiPropertyOptional({
    oneOf: [{ type: 'object' }, { type: 'string' }, { type: 'number' }],
    description:
      'The value for `add` and `replace`: any JSON value (also a boolean or an array, e.g. inside `mixins`).',
  })
  value?: unknown;
}
