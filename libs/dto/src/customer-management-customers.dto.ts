import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { CUSTOMER_ID_MAX_LENGTH } from './customer-management-common.dto';
import { ErrorDetailResponse } from './error.dto';

/**
 * One customer of the customer data sync: the data contact assignments (and segment customer
 * assignments) show for a customer id. Each item replaces what the service holds for that id.
 */
export class CustomerSyncItem {
  @ApiProperty({ description: 'The customer id, as the customer service knows it.', maxLength: CUSTOMER_ID_MAX_LENGTH })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CUSTOMER_ID_MAX_LENGTH)
  id!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, description: 'First name (shown as `customer.name` of contact assignments).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  firstName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, description: 'Last name (shown as `customer.surname` of contact assignments).' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  lastName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 320, description: 'Contact e-mail address, as the customer service holds it.' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 64, description: 'Contact phone number, as the customer service holds it.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  phone?: string | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Mixins of the customer (stored as given).' })
  @IsOptional()
  @IsObject()
  mixins?: Record<string, unknown>;
}

/** One entry of the 207 answer of the customer sync endpoints. */
export class CustomerSyncResult {
  @ApiProperty({ description: 'Zero-based position of the item in the request body.' })
  index!: number;
  @ApiProperty({ description: 'HTTP status code of this item: 201 created, 204 updated or deleted, 4xx failed.' })
  code!: number;
  @ApiProperty({ description: 'HTTP status text of this item.' })
  status!: string;
  @ApiPropertyOptional({ description: 'The customer id, when known.' })
  id?: string;
  @ApiPropertyOptional({ description: 'Why the item failed.' })
  message?: string;
  @ApiPropertyOptional({ type: [ErrorDetailResponse], description: 'The invalid fields of a failed item.' })
  details?: ErrorDetailResponse[];
}
