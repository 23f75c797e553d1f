import { INVALID_TOKEN_BODY } from '@cs/contracts';
import { ArgumentsHost, Catch, ExceptionFilter, Logger, UnauthorizedException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorFormOf, renderErrorBody } from './error-format';
import { toErrorBody } from './error-mapping';

/**
 * The one place where errors become responses: a 401 gets the gateway's fault body,
 * everything else the Emporix error body, its `details` in the form of the route's contract file
 * (and the token endpoint's 4xx the OAuth 2 error body).
 * Unknown errors are logged and answered with a 500 that reveals nothing about the cause.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    sendError(reply, error, this.logger);
  }
}

export function sendError(reply: FastifyReply, error: unknown, logger: Pick<Logger, 'error' | 'warn'>): void {
  if (error instanceof UnauthorizedException) {
    void reply.status(401).header('WWW-Authenticate', 'Bearer').send(INVALID_TOKEN_BODY);
    return;
  }
  const body = toErrorBody(error);
  // An unavailable database is an expected condition (one line each, no stack); anything else is a defect.
  if (body.code === 503) logger.warn(`503: ${error instanceof Error ? error.message : String(error)}`);
  else if (body.code >= 500) logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  if (body.code === 503) void reply.header('Retry-After', '1');
  const form = errorFormOf(reply.request.url);
  // RFC 6749 5.2: a client that authenticated with HTTP Basic learns the scheme of the failed authentication.
  if (form === 'oauth' && body.code === 401 && /^Basic\s/i.test(reply.request.headers.authorization ?? ''))
    void reply.header('WWW-Authenticate', 'Basic realm="oauth"');
  void reply.status(body.code).send(renderErrorBody(body, form));
}
