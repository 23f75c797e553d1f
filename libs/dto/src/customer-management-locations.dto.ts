import { LocationType, LocationTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { MetadataCreate, MetadataProperty, MetadataUpdate, MixinsInput } from './common.dto';
import { CustomerManagementCustomId, CustomerManagementDocument } from './customer-management-common.dto';

const TEXT = 1000;

export class LocationContactDetails {
  @ApiPropertyOptional({ type: [String], description: 'Contact e-mail addresses.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(TEXT, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Contact phone numbers.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(TEXT, { each: true })
  phones?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  addressLine1?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  addressLine2?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  city?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  postcode?: string;

  @ApiPropertyOptional({ example: 'US' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT)
  countryCode?: string;

  @ApiPropertyOptional({ type: [String], description: 'Tags of the location, e.g. `shipping`.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(TEXT, { each: true })
  tags?: string[];
}

/** The fields a location write carries besides id and metadata. */
class LocationFields extends MixinsInput {
  @ApiPropertyOptional({ description: 'The name of the location.', maxLength: 255 })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  name?: string;

  @ApiProperty({ enum: LocationTypes, description: 'The type of the location.' })
  @IsIn(LocationTypes)
  type!: LocationType;

  @ApiProperty({ type: LocationContactDetails })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationContactDetails)
  contactDetails!: LocationContactDetails;
}

export class LocationUpdate extends LocationFields {
  @MetadataProperty(MetadataUpdate)
  @IsObject()
  metadata?: MetadataUpdate;
}

export class LocationCreate extends IntersectionType(CustomerManagementCustomId, LocationFields) {
  @MetadataProperty(MetadataCreate)
  @IsObject()
  metadata?: MetadataCreate;
}

export class LocationResponse extends CustomerManagementDocument {
  @ApiProperty()
  id!: string;
  @ApiPropertyOptional()
  name?: string;
  @ApiProperty({ enum: LocationTypes })
  type!: LocationType;
  @ApiProperty({ type: LocationContactDetails })
  contactDetails!: LocationContactDetails;
}

/** Filters of `GET .../locations` beside q (each one ANDed). */
export class LocationListFilters {
  @ApiPropertyOptional({ description: 'Locations whose name contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ enum: LocationTypes, description: 'Locations of this type.' })
  @IsOptional()
  @IsIn(LocationTypes)
  type?: LocationType;

  @ApiPropertyOptional({ description: 'Locations with an e-mail address containing this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  'contactDetails.email'?: string;

  @ApiPropertyOptional({ description: 'Locations with a phone number containing this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  'contactDetails.phone'?: string;

  @ApiPropertyOptional({
    description: 'Locations whose addressLine1 or addressLine2 contains this text (case-insensitive).',
  })
  @IsOptional()
  @IsString()
  'contactDetails.address'?: string;

  @ApiPropertyOptional({ description: 'Locations whose city contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  'contactDetails.city'?: string;

  @ApiPropertyOptional({ description: 'Locations whose state contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  'contactDetails.state'?: string;

  @ApiPropertyOptional({ description: 'Locations whose postcode contains this text (case-insensitive).' })
  @IsOptional()
  @IsString()
  'contactDetails.postcode'?: string;

  @ApiPropertyOptional({ description: 'Locations with exactly this country code.' })
  @IsOptional()
  @IsString()
  'contactDetails.countryCode'?: string;
}
