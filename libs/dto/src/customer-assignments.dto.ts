import { AssignmentType, AssignmentTypes } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { DocumentResponse, MixinsUpsert } from './common.dto';

/** Longest customer / legal entity id an assignment can store. */
export const ASSIGNMENT_ID_MAX_LENGTH = 128;

/** Identifies one assignment in a bulk request. */
export class CustomerAssignmentRemoveBulk {
  @ApiProperty({ description: 'Unique identifier of the customer.', maxLength: ASSIGNMENT_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  customerId!: string;

  @ApiPropertyOptional({
    description: 'Unique identifier of the legal entity (B2B). Omit it for B2C.',
    maxLength: ASSIGNMENT_ID_MAX_LENGTH,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ASSIGNMENT_ID_MAX_LENGTH)
  legalEntityId?: string;
}

export class CustomerAssignmentUpsertBulk extends IntersectionType(CustomerAssignmentRemoveBulk, MixinsUpsert) {}

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

/** Customer assignments always return their `mixins`, also when empty. */
export class CustomerAssignmentB2CResponse extends DocumentResponse {
  @ApiProperty({ type: AssignedCustomer })
  customer!: AssignedCustomer;
  @ApiProperty({ enum: AssignmentTypes })
  assignmentType!: AssignmentType;
  // `required` explicitly: the inherited metadata makes it optional otherwise.
  @ApiProperty({
    required: true,
    type: Object,
    additionalProperties: true,
    description: 'A key-value map of additional attributes.',
  })
  override mixins!: Record<string, unknown>;
}

export class CustomerAssignmentResponse extends CustomerAssignmentB2CResponse {
  @ApiPropertyOptional({ type: AssignedLegalEntity, description: 'Present for B2B assignments only.' })
  legalEntity?: AssignedLegalEntity;
}
