import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

/** One HTTP attempt of a delivery to an endpoint. */
export class WebhookAttemptResponse {
  @ApiProperty({ description: 'Identifier of the attempt (for `.../attempts/{attemptId}/retry`).', example: '1207' })
  id!: string;

  @ApiProperty({ description: 'The event delivered: its `id`, sent as `webhook-id`.', example: '4711' })
  eventId!: string;

  @ApiProperty({ example: 'customer-segment.segment-created' })
  eventType!: string;

  @ApiProperty({ description: '1 for the first attempt of the delivery, +1 for each retry.', example: 1 })
  attempt!: number;

  @ApiProperty({ format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({ description: 'Whether the endpoint answered 2xx.' })
  succeeded!: boolean;

  @ApiProperty({ type: Number, nullable: true, description: 'The status it answered; null without an answer.' })
  responseStatus!: number | null;

  @ApiProperty({ description: 'From sending the request to the end of the answer.', example: 12 })
  latencyMs!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it failed (the status, a timeout, a refused address, a connection error); null on success.',
  })
  error!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the delivery is tried again; null when it succeeded, was given up, or its endpoint disabled.',
  })
  nextAttemptAt!: string | null;
}

export class WebhookReplayRequest {
  @ApiProperty({ format: 'date-time', description: 'Events that occurred at or after this time.' })
  @IsISO8601({ strict: true })
  since!: string;

  @ApiProperty({ format: 'date-time', description: 'Events that occurred before this time.' })
  @IsISO8601({ strict: true })
  until!: string;

  @ApiPropertyOptional({
    type: [String],
    description: "Only these types or `family.*` prefixes (within the endpoint's own filter); absent: all.",
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  eventTypes?: string[];
}

export class WebhookReplayResponse {
  @ApiProperty({ description: 'Deliveries queued: one per matching event still kept.', example: 42 })
  queued!: number;
}
