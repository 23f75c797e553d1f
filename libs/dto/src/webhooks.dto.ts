import { WebhookDisabledReason } from '@cs/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { INT4_MAX, IsInt4, MetadataResponse } from './common.dto';

// Webhook endpoints (our extension): where the service POSTs the tenant's events, signed per Standard Webhooks.

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 1000;
export const WEBHOOK_EVENT_TYPES_MAX = 50;
/** Longer than any event type or family prefix of the service. */
const EVENT_TYPE_MAX_LENGTH = 100;

/** The fields of an endpoint a client writes; a PUT replaces them all. */
export class WebhookEndpointCreate {
  @ApiProperty({
    description:
      'Where the events are POSTed: an absolute `https` URL without credentials or fragment, not pointing to a loopback, link-local or private address (`http` and such addresses only with `WEBHOOKS_ALLOW_PRIVATE=true`).',
    maxLength: WEBHOOK_URL_MAX_LENGTH,
    example: 'https://hooks.example.com/customer-segments',
  })
  @IsString()
  @MaxLength(WEBHOOK_URL_MAX_LENGTH)
  url!: string;

  @ApiPropertyOptional({ description: 'What the endpoint is for.', maxLength: WEBHOOK_DESCRIPTION_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WEBHOOK_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({
    type: [String],
    maxItems: WEBHOOK_EVENT_TYPES_MAX,
    description:
      'The events to send: exact event types (`customer-segment.segment-created`) or family prefixes (`customer-segment.*`). Empty or absent: every event.',
    example: ['customer-segment.*', 'client-management.location-created'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES_MAX)
  @IsString({ each: true })
  @MaxLength(EVENT_TYPE_MAX_LENGTH, { each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({
    description:
      'Whether events are sent; absent: true. Setting it to true again re-enables an endpoint the service disabled.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** `metadata` of an endpoint update: only the optimistic lock (endpoints have no mixins). */
export class WebhookEndpointMetadataUpdate {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: INT4_MAX,
    description:
      'The version the caller last saw; a different stored version makes the write fail with 409. Absent: no check.',
  })
  @IsOptional()
  @IsInt4(1)
  version?: number;
}

export class WebhookEndpointUpdate extends WebhookEndpointCreate {
  @ApiPropertyOptional({ type: WebhookEndpointMetadataUpdate })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => WebhookEndpointMetadataUpdate)
  metadata?: WebhookEndpointMetadataUpdate;
}

/** The answer of a create: the generated id and the signing secret, shown only here (and on rotation). */
export class WebhookEndpointCreated {
  @ApiProperty({ format: 'uuid', example: '0b7c9a4e-3f1d-4c2a-9a55-6f1e2d3c4b5a' })
  id!: string;

  @ApiProperty({
    description: 'The signing secret: `whsec_` and the base64 of 32 random bytes. Store it: no read returns it.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw2V0XzLrS4hs=',
  })
  secret!: string;
}

export class WebhookSecretRotated {
  @ApiProperty({ description: 'The new signing secret (`whsec_...`), shown only here.' })
  secret!: string;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description:
      'Until when the previous secret still signs beside the new one (`WEBHOOKS_SECRET_OVERLAP`); null when there is no overlap.',
  })
  previousSecretExpiresAt!: string | null;
}

/** An endpoint as read: never its secrets. */
export class WebhookEndpointResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty()
  url!: string;
  @ApiPropertyOptional()
  description?: string;
  @ApiProperty({ type: [String], description: 'Exact types and `family.*` prefixes; empty: every event.' })
  eventTypes!: string[];
  @ApiProperty({ description: 'Whether events are sent to it.' })
  active!: boolean;
  @ApiPropertyOptional({
    enum: ['gone', 'failing'],
    description:
      'Why the service disabled it: it answered `410 Gone`, or every attempt failed for `WEBHOOKS_DISABLE_AFTER`.',
  })
  disabledReason?: WebhookDisabledReason;
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    description: 'The first failed attempt since the last successful one; absent while attempts succeed.',
  })
  failingSince?: string;
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    description:
      'Until when the previous secret still signs beside the current one, after a rotation; absent once it does not.',
  })
  previousSecretExpiresAt?: string;
  @ApiProperty({ type: MetadataResponse })
  metadata!: MetadataResponse;
}
