import { CustomerBusinessModel, CustomerBusinessModels, CustomerType, CustomerTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsDateTime, MixinsInput } from './common.dto';
import { CUSTOMER_ID_MAX_LENGTH } from './customer-management-common.dto';

/** Most legal entities one customer's `b2b.legalEntities` may list. */
export const CUSTOMER_B2B_LEGAL_ENTITIES_MAX = 1000;

/** One legal entity of a B2B customer, as the customer service lists it. */
export class CustomerSyncB2bLegalEntity {
  @ApiPropertyOptional({ description: 'ID of legal entity.', maxLength: CUSTOMER_ID_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(CUSTOMER_ID_MAX_LENGTH)
  id?: string;

  @ApiPropertyOptional({ description: 'Name of legal entity.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ description: 'ID of contact assignment.', maxLength: CUSTOMER_ID_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(CUSTOMER_ID_MAX_LENGTH)
  contactAssignmentId?: string;
}

/** The B2B properties of a customer (`b2b` of the Emporix customer model). */
export class CustomerSyncB2b {
  @ApiPropertyOptional({ description: 'Registration number of the company.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  companyRegistrationId?: string;

  @ApiPropertyOptional({
    type: [CustomerSyncB2bLegalEntity],
    maxItems: CUSTOMER_B2B_LEGAL_ENTITIES_MAX,
    description: 'The legal entities the customer is assigned to.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CUSTOMER_B2B_LEGAL_ENTITIES_MAX)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CustomerSyncB2bLegalEntity)
  legalEntities?: CustomerSyncB2bLegalEntity[];
}

/** `metadata` of a sync item: what the customer service records about the customer. */
export class CustomerSyncMetadata {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      "Customer creation date in the customer service (Emporix's `metadataCreatedAt`); not the `metadata.createdAt` of this service's own records.",
  })
  @IsOptional()
  @IsDateTime()
  createdAt?: string | null;
}

/**
 * One customer of the customer data sync: the data contact assignments (and segment customer
 * assignments) show for a customer id, and fields of the Emporix customer model
 * (customer-service.api.yml). Each item replaces what the service holds for that id.
 */
export class CustomerSyncItem extends MixinsInput {
  @ApiProperty({ description: 'The customer id, as the customer service knows it.', maxLength: CUSTOMER_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CUSTOMER_ID_MAX_LENGTH)
  id!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 255,
    description: 'First name (shown as `customer.name` of contact assignments).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  firstName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 255,
    description: 'Last name (shown as `customer.surname` of contact assignments).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  lastName?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 320,
    description: 'Contact e-mail address, as the customer service holds it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 64,
    description: 'Contact phone number, as the customer service holds it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  phone?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 128,
    description: 'Customer preferred site (a site code, e.g. `main`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  preferredSite?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 35,
    description: 'Customer preferred language, e.g. `en_US`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(35)
  preferredLanguage?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    minLength: 3,
    maxLength: 3,
    description: 'Customer preferred currency, compliant with the ISO 4217 standard, e.g. `EUR`.',
  })
  @IsOptional()
  @IsString()
  @Length(3, 3)
  preferredCurrency?: string | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'Flag indicating whether the customer profile is active.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;

  @ApiPropertyOptional({
    type: CustomerSyncB2b,
    nullable: true,
    description: 'Additional properties of a B2B customer: its company registration id and legal entities.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerSyncB2b)
  b2b?: CustomerSyncB2b | null;

  @ApiPropertyOptional({
    enum: CustomerBusinessModels,
    nullable: true,
    description: 'Business model of the customer: `B2B` when the customer is assigned to any company, otherwise `B2C`.',
  })
  @IsOptional()
  @IsIn(CustomerBusinessModels)
  businessModel?: CustomerBusinessModel | null;

  @ApiPropertyOptional({
    enum: CustomerTypes,
    nullable: true,
    description: 'User type: `CUSTOMER` or `CONTACT`; absent means a customer.',
  })
  @IsOptional()
  @IsIn(CustomerTypes)
  type?: CustomerType | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, description: 'Company name of the customer.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  company?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 128,
    description: 'Customer unique number generated by the customer service when the customer profile is created.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  customerNumber?: string | null;

  @ApiPropertyOptional({
    type: CustomerSyncMetadata,
    description: 'What the customer service records about the customer: its creation date.',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerSyncMetadata)
  metadata?: CustomerSyncMetadata;
}
