import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { DocumentResponse } from './common.dto';

/**
 * Client-chosen ids of legal entities, locations and contact assignments. The reference spec writes
 * `^[a-zA-Z0-9_-]$` (exactly one character), which contradicts its own `maxLength: 66`; the missing
 * `+` is taken as a typo.
 */
export const CUSTOM_ID_PATTERN = /^[a-zA-Z0-9_-]+$/;
export const CUSTOM_ID_MAX_LENGTH = 66;
/** Longest customer id a contact assignment or the customer sync stores. */
export const CUSTOMER_ID_MAX_LENGTH = 128;

/** The optional client id of a create request. */
export class CustomerManagementCustomId {
  @ApiPropertyOptional({
    description:
      'Custom identifier; generated (24 hex characters) when absent. The reference spec shows the pattern without `+`, a typo: any 1-66 of `a-zA-Z0-9_-`.',
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

/** A reference to another document by id, as requests carry it: `{"id": "..."}`. */
export class CustomerManagementReference {
  @ApiProperty({ description: 'Id of the referenced document.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CUSTOMER_ID_MAX_LENGTH)
  id!: string;
}

/** What every stored customer-management document returns beside its own fields; `mixins` also when empty. */
export class CustomerManagementDocument extends DocumentResponse {
  // `required` explicitly: the inherited metadata makes it optional otherwise.
  @ApiProperty({
    required: true,
    type: Object,
    additionalProperties: true,
    description: 'Mixins: a map where a key is a mixin set name and the value a map of its attributes.',
  })
  override mixins!: Record<string, unknown>;
}
