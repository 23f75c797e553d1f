import { AssignmentType, AssignmentTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { ErrorDetailResponse } from './error.dto';

/** Longest customer / legal entity id an assignment can store. */
export const ASSIGNMENT_ID_MAX_LENGTH = 128;

export class CustomerAssignmentMetadataUpdate {
  @ApiPropertyOptional({ description: 'The version the caller last saw; a different stored version makes the write fail with 409.', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ description: 'A key-value map, where key is a mixin name and value is a link to the mixin schema.', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, unknown>;
}

export class CustomerAssignmentUpsert {
  @ApiPropertyOptional({ description: 'A key-value map of additional attributes.', type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, unknown>;

  @ApiPropertyOptional({ type: CustomerAssignmentMetadataUpdate })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerAssignmentMetadataUpdate)
  metadata?: CustomerAssignmentMetadataUpdate;
}

export class CustomerAssignmentRemoveBulk {
  @ApiProperty({ description: 'Unique identifier of the customer.', maxLength: ASSIGNMENT_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  customerId!: string;

  @ApiPropertyOptional({ description: 'Unique identifier of the legal entity (B2B). Omit it for B2C.', maxLength: ASSIGNMENT_ID_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  legalEntityId?: string;
}

export class CustomerAssignmentUpsertBulk extends CustomerAssignmentUpsert {
  @ApiProperty({ description: 'Unique identifier of an existing customer.', maxLength: ASSIGNMENT_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  customerId!: string;

  @ApiPropertyOptional({ description: 'Unique identifier of an existing legal entity. It should be omitted for B2C.', maxLength: ASSIGNMENT_ID_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  legalEntityId?: string;
}

export class CustomerAssignmentsSearch {
  @ApiPropertyOptional({ description: 'A query in the q-language, e.g. `assignmentType:MANUAL customer.lastName:~Doe`.', example: 'assignmentType:MANUAL' })
  q?: string;
}

export class AssignedCustomer {
  @ApiProperty({ description: 'Unique identifier of the customer.' })
  id!: string;
  @ApiPropertyOptional({ description: "Customer's first name (when the service holds the customer's data)." })
  firstName?: string;
  @ApiPropertyOptional({ description: "Customer's last name (when the service holds the customer's data)." })
  lastName?: string;
  @ApiPropertyOptional({ description: "Customer's e-mail address (when the service holds the customer's data)." })
  email?: string;
}

export class AssignedLegalEntity {
  @ApiProperty({ description: 'Unique identifier of the legal entity.' })
  id!: string;
  @ApiPropertyOptional({ description: 'Name of the legal entity (when the service holds its data).' })
  name?: string;
}

export class CustomerAssignmentMetadataResponse {
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  modifiedAt!: string;
  @ApiProperty({ description: 'The document version number.' })
  version!: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Mixin name -> link to the mixin schema.' })
  mixins?: Record<string, unknown>;
}

export class CustomerAssignmentB2CResponse {
  @ApiProperty({ type: AssignedCustomer })
  customer!: AssignedCustomer;
  @ApiProperty({ enum: AssignmentTypes })
  assignmentType!: AssignmentType;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A key-value map of additional attributes.' })
  mixins!: Record<string, unknown>;
  @ApiProperty({ type: CustomerAssignmentMetadataResponse })
  metadata!: CustomerAssignmentMetadataResponse;
}

export class CustomerAssignmentResponse extends CustomerAssignmentB2CResponse {
  @ApiPropertyOptional({ type: AssignedLegalEntity, description: 'Present for B2B assignments only.' })
  legalEntity?: AssignedLegalEntity;
}

export class CustomerAssignmentBulkResult {
  @ApiProperty({ description: 'Index of the processed item, matching the item position in request body (zero-based).' })
  index!: number;
  @ApiProperty({ description: 'HTTP Status Code.' })
  code!: number;
  @ApiProperty({ description: 'HTTP Status description.' })
  status!: string;
  @ApiPropertyOptional({ description: 'Error message.' })
  message?: string;
  @ApiPropertyOptional({ description: 'The id of the resource the error is about, e.g. the missing segment.' })
  id?: string;
  @ApiPropertyOptional({ type: [ErrorDetailResponse], description: 'The individual problems of an invalid item.' })
  details?: ErrorDetailResponse[];
}
