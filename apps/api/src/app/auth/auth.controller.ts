import { OAUTH_ERROR_CODES, OAuthErrorBody, OAuthErrorCode, TokenResponse } from '@cs/contracts';
import { Body, Controller, createParamDecorator, ExecutionContext, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '../decorators/auth.decorators';
import { SigningKey } from './signing-key';
import { TokenIssuer, TokenRequest } from './token-issuer';

/** The Authorization header (HTTP Basic client credentials are optional, so not documented as a required header). */
const BasicAuthorization = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>()
    .headers.authorization;
  return typeof value === 'string' ? value : undefined;
});

class TokenRequestBody implements TokenRequest {
  @ApiProperty({ enum: ['client_credentials'] })
  grant_type!: string;
  @ApiPropertyOptional({ description: 'Also accepted as HTTP Basic credentials.' })
  client_id?: string;
  @ApiPropertyOptional()
  client_secret?: string;
  @ApiProperty({
    description:
      '`tenant=<tenant>` followed by the wanted scopes (all allowed ones when none). `customer_id=<id>` (and `legal_entity_id=<id>`) mint a customer token with `*_read_own` scopes only.',
    example: 'tenant=mytenant customersegment.segment_read customersegment.segment_manage',
  })
  scope!: string;
}

class TokenResponseBody implements TokenResponse {
  @ApiProperty()
  access_token!: string;
  @ApiProperty({ enum: ['Bearer'] })
  token_type!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires.' })
  expires_in!: number;
  @ApiProperty({ example: 'tenant=mytenant customersegment.segment_read' })
  scope!: string;
}

class OAuthErrorResponse implements OAuthErrorBody {
  @ApiProperty({ enum: OAUTH_ERROR_CODES, description: 'The RFC 6749 (section 5.2) error code.' })
  error!: OAuthErrorCode;
  @ApiPropertyOptional({ description: 'What was wrong, for a person to read.' })
  error_description?: string;
}

/** The built-in OAuth 2 issuer (client credentials); off in production configuration. */
@ApiTags('OAuth')
@Controller('oauth')
export class AuthController {
  constructor(
    private readonly issuer: TokenIssuer,
    private readonly key: SigningKey,
  ) {}

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ operationId: 'POST-oauth-token', summary: 'Issuing an access token (client credentials)' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: TokenRequestBody })
  @ApiOkResponse({ type: TokenResponseBody })
  @ApiBadRequestResponse({
    description:
      'An OAuth 2 error (RFC 6749 5.2), as every 4xx of this endpoint: `unsupported_grant_type` (not ' +
      '`client_credentials`), `invalid_scope` (no valid `tenant=...`, an unknown scope parameter, a scope or tenant ' +
      'the client may not have, or a scope string over 4096 characters), `unauthorized_client` (a customer token ' +
      'from a client not allowed to mint them), `invalid_request` (no `grant_type`, or a malformed body). Other ' +
      '4xx (413, 415, 429) carry `invalid_request` too; 5xx keep the Emporix error body.',
    type: OAuthErrorResponse,
  })
  @ApiUnauthorizedResponse({
    description:
      '`invalid_client`: unknown client or wrong secret. With `WWW-Authenticate: Basic` when the client ' +
      'authenticated with HTTP Basic.',
    type: OAuthErrorResponse,
    headers: {
      'WWW-Authenticate': {
        description: '`Basic realm="oauth"`, after HTTP Basic credentials.',
        schema: { type: 'string' },
      },
    },
  })
  token(@Body() body: TokenRequest | undefined, @BasicAuthorization() authorization?: string): Promise<TokenResponse> {
    return this.issuer.issue({ ...basicCredentials(authorization), ...pickStrings(body ?? {}) });
  }

  @Get('jwks')
  @Public()
  @ApiOperation({ operationId: 'GET-oauth-jwks', summary: 'The public keys that verify issued tokens' })
  jwks(): { keys: object[] } {
    return { keys: [this.key.publicJwk] };
  }
}

function pickStrings(body: object): TokenRequest {
  const request: Record<string, string> = {};
  for (const name of ['grant_type', 'client_id', 'client_secret', 'scope'] as const) {
    const value = (body as Record<string, unknown>)[name];
    if (typeof value === 'string') request[name] = value;
  }
  return request;
}

function basicCredentials(header: string | undefined): TokenRequest {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!match) return {};
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return {};
  try {
    return {
      client_id: decodeURIComponent(decoded.slice(0, separator)),
      client_secret: decodeURIComponent(decoded.slice(separator + 1)),
    };
  } catch {
    return {}; // malformed %-escapes: no usable credentials, answered as an unknown client (401)
  }
}
