import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';

/**
 * Client-chosen ids of legal entities, locations and contact assignments. The reference spec writes
 * `^[a-zA-Z0-9_-]$` (exactly one character), which contradicts its own `maxLength: 66`; the missing
 * `+` is taken as a typo.
 */
export const CUSTOM_ID_PATTERN = /^[a-zA-Z0-9_-]+$/;
export const CUSTOM_ID_MAX_LENGTH = 66;
/** Longest customer id a contact assignment or the customer sync stores. */
export const CUSTOMER_ID_MAX_LENGTH = 128;

const MIXINS_DESCRIPTION = 'Mixins: a map where a key is a mixin set name and the value a map of its attributes.';

/** The optional client id of a create request. */
export class CustomerManagementCustomId {
  @ApiPropertyOptional({
    description: 'Custom identifier; generated (24 hex characters) when absent. The reference spec shows the pattern without `+`, a typo: any 1-66 of `a-zA-Z0-9_-`.',
    minLength: 1,
    maxLength: CUSTOM_ID_MAX_LENGTH,
    pattern: CUSTOM_ID_PATTERN.source,
  })
  @IsOptional()
  @IsString()
  @Length(1, CUSTOM_ID_MAX_LENGTH)
  @Matches(CUSTOM_ID_PATTERN, { message: 'id may contain only letters, digits, _ and -' })
  id?: string;
}

export class CustomerManagementMetadataCreate {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Links to the mixin schemas: mixin set name -> schema URL.' })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, string>;
}

export class CustomerManagementMetadataUpdate extends CustomerManagementMetadataCreate {
  @ApiPropertyOptional({ minimum: 1, description: 'The version the caller last read; a different stored version makes the write fail with 409. Absent: no check.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class CustomerManagementMetadata {
  @ApiProperty({ description: 'Version of the document; starts at 1 and grows by one with every change.' })
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  modifiedAt!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Links to the mixin schemas: mixin set name -> schema URL.' })
  mixins?: Record<string, string>;
}

/** `mixins` of a request (stored and returned as given). */
export class CustomerManagementMixins {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: MIXINS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, unknown>;
}

/** A reference to another document by id, as requests carry it: `{"id": "..."}`. */
export class CustomerManagementReference {
  @ApiProperty({ description: 'Id of the referenced document.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CUSTOMER_ID_MAX_LENGTH)
  id!: string;
}

export class CustomerManagementCreated {
  @ApiProperty({ description: 'Id of the created document.', example: '53ac81fd0cce8b26b36f3492' })
  id!: string;
}

export class CustomerManagementSearch {
  @ApiPropertyOptional({ description: 'A q-language query, e.g. `type:COMPANY legalInfo.countryOfRegistration:DE`.', example: 'type:COMPANY' })
  q?: string;
}

/** What every stored customer-management document returns beside its own fields. */
export class CustomerManagementDocument {
  @ApiProperty({ type: CustomerManagementMetadata })
  metadata!: CustomerManagementMetadata;
  @ApiProperty({ type: 'object', additionalProperties: true, description: MIXINS_DESCRIPTION })
  mixins!: Record<string, unknown>;
}
