import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem of a request: the `details` of an error on the customer-segment routes. */
export class ErrorDetailResponse {
  @ApiPropertyOptional({ description: 'The field the problem is about.' })
  field?: string;
  @ApiPropertyOptional({ description: 'The kind of problem.' })
  type?: string;
  @ApiProperty()
  message!: string;
  @ApiPropertyOptional({ description: 'Where to read more about the problem.' })
  moreInfo?: string;
}

class ErrorFields {
  @ApiProperty({ description: 'HTTP status code.', example: 400 })
  code!: number;
  @ApiProperty({ description: 'HTTP status.', example: 'Bad Request' })
  status!: string;
  @ApiProperty({ description: 'Error message.' })
  message!: string;
  @ApiPropertyOptional({ description: 'The ID of the resource which caused the error.' })
  resourceId?: string;
}

/** The error body of the customer-management routes (and of every route outside the two contract files). */
export class ErrorResponse extends ErrorFields {
  @ApiPropertyOptional({
    type: [String],
    description: 'Every problem, as `<field>: <message>` (the message alone where no field is concerned).',
    example: ['name: name must be a string'],
  })
  details?: string[];
}

/** The error body of the customer-segment routes (`/customer-segment/...`). */
export class SegmentErrorResponse extends ErrorFields {
  @ApiPropertyOptional({
    type: ErrorDetailResponse,
    description: 'The first problem (`message` names every one).',
  })
  details?: ErrorDetailResponse;
}

class FaultDetail {
  @ApiProperty({ example: 'oauth.v2.InvalidAccessToken' })
  errorcode!: string;
}

class Fault {
  @ApiProperty({ example: 'Invalid access token' })
  faultstring!: string;
  @ApiProperty({ type: FaultDetail })
  detail!: FaultDetail;
}

export class UnauthorizedResponse {
  @ApiProperty({ type: Fault })
  fault!: Fault;
}
