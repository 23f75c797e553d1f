import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorDetailResponse {
  @ApiPropertyOptional({ description: 'The field the problem is about.' })
  field?: string;
  @ApiPropertyOptional({ description: 'The kind of problem.' })
  type?: string;
  @ApiProperty()
  message!: string;
}

export class ErrorResponse {
  @ApiProperty({ description: 'HTTP status code.', example: 400 })
  code!: number;
  @ApiProperty({ description: 'HTTP status.', example: 'Bad Request' })
  status!: string;
  @ApiProperty({ description: 'Error message.' })
  message!: string;
  @ApiPropertyOptional({ description: 'The ID of the resource which caused the error.' })
  resourceId?: string;
  @ApiPropertyOptional({
    type: [ErrorDetailResponse],
    description: 'The individual problems, e.g. one per invalid field.',
  })
  details?: ErrorDetailResponse[];
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
