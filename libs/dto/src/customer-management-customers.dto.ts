import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MixinsInput } from './common.dto';
import { CUSTOMER_ID_MAX_LENGTH } from './customer-management-common.dto';

/**
 * One customer of the customer data sync: the data contact assignments (and segment customer
 * assignments) show for a customer id. Each item replaces what the service holds for that id.
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
}
