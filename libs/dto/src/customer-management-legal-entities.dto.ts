import { ContactType, ContactTypes, LegalEntityType, LegalEntityTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IsLocalizedText,
  MetadataCreate,
  MetadataProperty,
  MetadataResponse,
  MetadataUpdate,
  MixinsInput,
} from './common.dto';
import {
  CustomerManagementCustomId,
  CustomerManagementDocument,
  CustomerManagementReference,
} from './customer-management-common.dto';
import { LocationResponse } from './customer-management-locations.dto';

const TEXT = 1000;
/** ISO-8601 date or date-time (calendar dates only, so that every stored value is a valid timestamp). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i;

export class LegalEntityAccountLimit {
  @ApiPropertyOptional({ description: 'The account limit currency.', example: 'EUR' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  currency?: string;

  @ApiPropertyOptional({ minimum: 0, description: 'The purchasing limit of the legal entity.', example: 1000.99 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  value?: number;
}

export class LegalEntityLegalInfo {
  @ApiPropertyOptional({ description: 'The legal name of the entity.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  legalName?: string;

  @ApiPropertyOptional({
    description: 'Registration date, ISO 8601, e.g. `2020-04-30T04:00:00.000Z`.',
    example: '2022-03-31T13:18:02.379Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(ISO_DATE_TIME, { message: 'registrationDate must be an ISO-8601 date or date-time' })
  registrationDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  taxRegistrationNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  registrationAgency?: string;

  @ApiPropertyOptional({ example: 'DE' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  countryOfRegistration?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  registrationId?: string;
}

export class LegalEntityCustomerGroup {
  @ApiProperty({ description: 'The unique identifier of the customer group.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT)
  id!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'Localized name of the customer group (language tag -> text, e.g. `{"en": "Buyers"}`).',
  })
  @IsOptional()
  @IsLocalizedText({ mapOnly: true })
  name?: Record<string, string>;

  @ApiPropertyOptional({ description: 'The customer group role.' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  role?: string;
}

/** The fields a legal entity write carries besides id, type and metadata. */
class LegalEntityFields extends MixinsInput {
  @ApiProperty({ description: 'The name of the legal entity.', maxLength: 255 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;

  @ApiPropertyOptional({
    description: 'The parent legal entity: required for a SUBSIDIARY, not allowed for a COMPANY.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  parentId?: string;

  @ApiPropertyOptional({ type: LegalEntityAccountLimit })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LegalEntityAccountLimit)
  accountLimit?: LegalEntityAccountLimit;

  @ApiPropertyOptional({ type: LegalEntityLegalInfo })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => LegalEntityLegalInfo)
  legalInfo?: LegalEntityLegalInfo;

  @ApiPropertyOptional({
    type: [LegalEntityCustomerGroup],
    description: 'Customer groups assigned to the legal entity (stored as given).',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LegalEntityCustomerGroup)
  customerGroups?: LegalEntityCustomerGroup[];

  @ApiPropertyOptional({
    type: [CustomerManagementReference],
    description: 'Ids of existing locations: the addresses of the legal entity.',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CustomerManagementReference)
  entitiesAddresses?: CustomerManagementReference[];

  @ApiPropertyOptional({
    type: [CustomerManagementReference],
    description: 'Ids of existing contact assignments: the approval group of the legal entity.',
  })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CustomerManagementReference)
  approvalGroup?: CustomerManagementReference[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    maxItems: 1,
    description: 'Restrictions of the legal entity (at most one value), e.g. `["US"]`.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1)
  @IsString({ each: true })
  @MaxLength(TEXT, { each: true })
  restrictions?: string[] | null;
}

export class LegalEntityUpdate extends LegalEntityFields {
  @ApiProperty({ enum: LegalEntityTypes, description: 'The type of the legal entity.' })
  @IsIn(LegalEntityTypes)
  type!: LegalEntityType;

  @MetadataProperty(MetadataUpdate)
  @IsObject()
  metadata?: MetadataUpdate;
}

export class LegalEntityCreate extends IntersectionType(
  CustomerManagementCustomId,
  OmitType(LegalEntityUpdate, ['type', 'metadata'] as const),
) {
  @ApiPropertyOptional({ enum: LegalEntityTypes, description: 'The type of the legal entity; `COMPANY` when absent.' })
  @IsOptional()
  @IsIn(LegalEntityTypes)
  type?: LegalEntityType;

  @MetadataProperty(MetadataCreate)
  @IsObject()
  metadata?: MetadataCreate;
}

/** The customer of a contact assignment, from the customer data the service holds (only `id` when it holds none). */
export class ContactAssignmentCustomer {
  @ApiProperty({ description: 'The customer unique identifier.' })
  id!: string;
  @ApiPropertyOptional({ description: 'The first name of the customer.' })
  name?: string;
  @ApiPropertyOptional({ description: 'The last name of the customer.' })
  surname?: string;
  @ApiPropertyOptional({ description: 'The e-mail address of the customer.' })
  email?: string;
  @ApiPropertyOptional({ description: 'The phone number of the customer.' })
  phone?: string;
}

/** A contact assignment inside a legal entity's approval group (its legal entity only by id). */
export class ContactAssignmentSummary {
  @ApiProperty()
  id!: string;
  @ApiProperty({ type: CustomerManagementReference })
  legalEntity!: CustomerManagementReference;
  @ApiProperty({ type: ContactAssignmentCustomer })
  customer!: ContactAssignmentCustomer;
  @ApiProperty({ enum: ContactTypes })
  type!: ContactType;
  @ApiProperty()
  primary!: boolean;
  @ApiProperty({ type: MetadataResponse })
  metadata!: MetadataResponse;
}

export class LegalEntityResponse extends CustomerManagementDocument {
  @ApiProperty()
  id!: string;
  @ApiProperty()
  name!: string;
  @ApiProperty({ enum: LegalEntityTypes })
  type!: LegalEntityType;
  @ApiPropertyOptional()
  parentId?: string;
  @ApiPropertyOptional({ type: LegalEntityAccountLimit })
  accountLimit?: LegalEntityAccountLimit;
  @ApiPropertyOptional({ type: LegalEntityLegalInfo })
  legalInfo?: LegalEntityLegalInfo;
  @ApiProperty({ type: [LegalEntityCustomerGroup] })
  customerGroups!: LegalEntityCustomerGroup[];
  @ApiProperty({ type: [LocationResponse], description: 'The locations that are addresses of the legal entity.' })
  entitiesAddresses!: LocationResponse[];
  @ApiProperty({ type: [ContactAssignmentSummary], description: 'The contact assignments of the approval group.' })
  approvalGroup!: ContactAssignmentSummary[];
  @ApiPropertyOptional({ type: [String] })
  restrictions?: string[];
}

/** Filters of the legal entity list and search beside q (each one ANDed). */
export class LegalEntityListFilters {
  @ApiPropertyOptional({ description: 'The legal entity with exactly this id (ids are case-sensitive).' })
  @IsOptional()
  @IsString()
  id?: string;

  @ApiPropertyOptional({ description: 'Legal entities whose name contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: LegalEntityTypes, description: 'Legal entities of this type.' })
  @IsOptional()
  @IsIn(LegalEntityTypes)
  type?: LegalEntityType;

  @ApiPropertyOptional({ description: 'Legal entities with this parent.' })
  @IsOptional()
  @IsString()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Legal entities whose legal name contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  'legalInfo.legalName'?: string;

  @ApiPropertyOptional({ description: 'Legal entities registered at exactly this date (the text as stored).' })
  @IsOptional()
  @IsString()
  'legalInfo.registrationDate'?: string;

  @ApiPropertyOptional({ description: 'Legal entities with exactly this tax registration number.' })
  @IsOptional()
  @IsString()
  'legalInfo.taxRegistrationNumber'?: string;

  @ApiPropertyOptional({
    description: 'Legal entities whose registration agency contains this text (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  'legalInfo.registrationAgency'?: string;

  @ApiPropertyOptional({
    description: 'Legal entities whose country of registration contains this text (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  'legalInfo.countryOfRegistration'?: string;

  @ApiPropertyOptional({ description: 'Legal entities with exactly this registration id.' })
  @IsOptional()
  @IsString()
  'legalInfo.registrationId'?: string;
}
