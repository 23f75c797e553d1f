import { ContactType, ContactTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import {
  CustomerManagementCustomId,
  CustomerManagementDocument,
  CustomerManagementMetadataCreate,
  CustomerManagementMetadataUpdate,
  CustomerManagementMixins,
  CustomerManagementReference,
} from './customer-management-common.dto';
import { ContactAssignmentCustomer, LegalEntityResponse } from './customer-management-legal-entities.dto';

export class ContactAssignmentUpdate extends CustomerManagementMixins {
  @ApiProperty({ type: CustomerManagementReference })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerManagementReference)
  legalEntity!: CustomerManagementReference;

  @ApiProperty({ type: CustomerManagementReference })
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerManagementReference)
  customer!: CustomerManagementReference;

  @ApiProperty({ enum: ContactTypes, description: 'The type of the contact assignment.' })
  @IsIn(ContactTypes)
  type!: ContactType;

  @ApiPropertyOptional({ description: 'Whether the customer is a primary contact; false when absent.' })
  @IsOptional()
  @IsBoolean()
  primary?: boolean;

  @ApiPropertyOptional({ type: CustomerManagementMetadataUpdate })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerManagementMetadataUpdate)
  metadata?: CustomerManagementMetadataUpdate;
}

export class ContactAssignmentCreate extends IntersectionType(CustomerManagementCustomId, OmitType(ContactAssignmentUpdate, ['type', 'metadata'] as const)) {
  @ApiPropertyOptional({ enum: ContactTypes, description: 'The type of the contact assignment; `CONTACT` when absent.' })
  @IsOptional()
  @IsIn(ContactTypes)
  type?: ContactType;

  @ApiPropertyOptional({ type: CustomerManagementMetadataCreate })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CustomerManagementMetadataCreate)
  metadata?: CustomerManagementMetadataCreate;
}

export class ContactAssignmentResponse extends CustomerManagementDocument {
  @ApiProperty()
  id!: string;
  @ApiProperty({ type: LegalEntityResponse })
  legalEntity!: LegalEntityResponse;
  @ApiProperty({ type: ContactAssignmentCustomer })
  customer!: ContactAssignmentCustomer;
  @ApiProperty({ enum: ContactTypes })
  type!: ContactType;
  @ApiProperty()
  primary!: boolean;
}

/** Filters of `GET .../contact-assignments` beside q (each one ANDed, all `equals`). */
export class ContactAssignmentListFilters {
  @ApiPropertyOptional({ description: 'Contact assignments of this legal entity.' })
  @IsOptional()
  @IsString()
  'legalEntity.id'?: string;

  @ApiPropertyOptional({ description: 'Contact assignments of this customer.' })
  @IsOptional()
  @IsString()
  'customer.id'?: string;

  @ApiPropertyOptional({ enum: ContactTypes, description: 'Contact assignments of this type.' })
  @IsOptional()
  @IsIn(ContactTypes)
  type?: ContactType;

  @ApiPropertyOptional({ type: Boolean, description: 'Contact assignments with this primary flag.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  primary?: boolean;
}
