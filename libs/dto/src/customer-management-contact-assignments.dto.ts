import { ContactType, ContactTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { MetadataCreate, MetadataProperty, MetadataUpdate, MixinsInput } from './common.dto';
import {
  CustomerManagementCustomId,
  CustomerManagementDocument,
  CustomerManagementReference,
} from './customer-management-common.dto';
import { ContactAssignmentSummary, LegalEntityResponse } from './customer-management-legal-entities.dto';

export class ContactAssignmentUpdate extends MixinsInput {
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

  @MetadataProperty(MetadataUpdate)
  @IsObject()
  metadata?: MetadataUpdate;
}

export class ContactAssignmentCreate extends IntersectionType(
  CustomerManagementCustomId,
  OmitType(ContactAssignmentUpdate, ['type', 'metadata'] as const),
) {
  @ApiPropertyOptional({
    enum: ContactTypes,
    description: 'The type of the contact assignment; `CONTACT` when absent.',
  })
  @IsOptional()
  @IsIn(ContactTypes)
  type?: ContactType;

  @MetadataProperty(MetadataCreate)
  @IsObject()
  metadata?: MetadataCreate;
}

/** A contact assignment as read: its summary with the legal entity expanded, and its mixins. */
export class ContactAssignmentResponse extends IntersectionType(
  OmitType(ContactAssignmentSummary, ['legalEntity'] as const),
  CustomerManagementDocument,
) {
  @ApiProperty({ type: LegalEntityResponse })
  legalEntity!: LegalEntityResponse;
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
