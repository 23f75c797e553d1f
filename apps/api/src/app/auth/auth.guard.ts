import { Principal, TENANT_PATTERN } from '@cs/contracts';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { TokenVerifier } from './token-verifier';
import { PUBLIC_KEY, SCOPES_KEY } from '../decorators/auth.decorators';
import { BadRequestError, ForbiddenError } from '../errors/domain-errors';

export interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  /** Set by the `authenticateBeforeBody` hook, which verifies the token before the body is read. */
  principal?: Principal;
}

/**
 * Global guard. A route is reachable only when it is marked public or declares scopes:
 * then the caller needs a valid bearer token (401 otherwise), for the path's tenant and
 * holding any one of the declared scopes (403 otherwise). Undeclared routes are denied.
 * The token was usually verified before the body was read; the guard then takes that principal.
 * The request's log lines then carry its tenant and client id.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly logger: PinoLogger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const scopes = this.reflector.getAllAndOverride<string[] | undefined>(SCOPES_KEY, targets);
    if (!scopes?.length) throw new ForbiddenError('This route has no access declaration.');

    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const principal = request.principal ?? (await authenticate(this.verifier, request.headers.authorization));
    const tenant = request.params?.tenant;
    if (tenant !== undefined) {
      if (!TENANT_PATTERN.test(tenant)) {
        throw new BadRequestError(
          'The tenant must be 3-16 lowercase letters and digits, starting with a letter.',
          tenant,
          [{ field: 'tenant', message: 'must match ^[a-z][a-z0-9]+$ and be 3-16 characters long' }],
        );
      }
      if (tenant !== principal.tenant)
        throw new ForbiddenError('The access token does not belong to this tenant.', tenant);
    }
    if (!scopes.some((scope) => principal.scopes.has(scope))) {
      throw new ForbiddenError(`The access token lacks the required scope (any of: ${scopes.join(', ')}).`);
    }
    request.principal = principal;
    // Every later line of the request (its request line too) names who asked; never anything of the token itself.
    this.logger.assign({ tenant: principal.tenant, clientId: principal.clientId });
    return true;
  }
}

/** The caller of a bearer `Authorization` header; 401 when it is missing, malformed or invalid. */
export async function authenticate(verifier: TokenVerifier, header: string | string[] | undefined): Promise<Principal> {
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw new UnauthorizedException();
  try {
    return await verifier.verify(match[1]);
  } catch {
    throw new UnauthorizedException();
  }
}
