import { Principal, Scopes } from '@cs/contracts';
import { ExecutionContext, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { TokenVerifier } from './token-verifier';
import { Public, RequiresScopes } from '../decorators/auth.decorators';
import { BadRequestError, ForbiddenError } from '../errors/domain-errors';
import { AuthGuard } from './auth.guard';

class Routes {
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  read(): string {
    return 'read';
  }

  @Public()
  open(): string {
    return 'open';
  }

  undeclared(): string {
    return 'undeclared';
  }
}

const principal: Principal = { tenant: 'acme', scopes: new Set([Scopes.segmentReadOwn]), clientId: 'c' };
const verifier = {
  verify: async (token: string) => (token === 'good' ? principal : Promise.reject(new Error('bad'))),
} as unknown as TokenVerifier;
const guard = new AuthGuard(new Reflector(), verifier, { assign: () => undefined } as unknown as PinoLogger);

function context(handler: keyof Routes, request: { authorization?: string; tenant?: string }) {
  const http = {
    headers: { authorization: request.authorization },
    params: request.tenant ? { tenant: request.tenant } : {},
  } as Record<string, unknown>;
  const ctx = {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => http }),
  } as unknown as ExecutionContext;
  return { ctx, http };
}

describe('AuthGuard', () => {
  it('lets public routes through without a token', async () => {
    await expect(guard.canActivate(context('open', {}).ctx)).resolves.toBe(true);
  });

  it('denies routes that declare neither scopes nor public access, even with a valid token', async () => {
    await expect(
      guard.canActivate(context('undeclared', { authorization: 'Bearer good', tenant: 'acme' }).ctx),
    ).rejects.toThrow(ForbiddenError);
  });

  it('answers 401 for missing, malformed and invalid tokens', async () => {
    await expect(guard.canActivate(context('read', { tenant: 'acme' }).ctx)).rejects.toThrow(UnauthorizedException);
    await expect(
      guard.canActivate(context('read', { authorization: 'Basic abc', tenant: 'acme' }).ctx),
    ).rejects.toThrow(UnauthorizedException);
    await expect(
      guard.canActivate(context('read', { authorization: 'Bearer bad', tenant: 'acme' }).ctx),
    ).rejects.toThrow(UnauthorizedException);
  });

  it('accepts any one of the declared scopes for the token tenant and exposes the principal', async () => {
    const { ctx, http } = context('read', { authorization: 'Bearer good', tenant: 'acme' });
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(http.principal).toBe(principal);
  });

  it('takes the principal verified before the body was read, and still checks its tenant and scopes', async () => {
    const early: Principal = { tenant: 'acme', scopes: new Set([Scopes.segmentRead]), clientId: 'early' };
    const { ctx, http } = context('read', { tenant: 'acme' });
    http.principal = early;
    await expect(guard.canActivate(ctx)).resolves.toBe(true);
    expect(http.principal).toBe(early);
    const elsewhere = context('read', { tenant: 'other' });
    elsewhere.http.principal = early;
    await expect(guard.canActivate(elsewhere.ctx)).rejects.toThrow(ForbiddenError);
  });

  it('answers 403 for another tenant and 400 for an invalid tenant', async () => {
    await expect(
      guard.canActivate(context('read', { authorization: 'Bearer good', tenant: 'other' }).ctx),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      guard.canActivate(context('read', { authorization: 'Bearer good', tenant: 'A!' }).ctx),
    ).rejects.toThrow(BadRequestError);
  });

  it('answers 403 when the token holds none of the declared scopes', async () => {
    class Manage {
      @RequiresScopes(Scopes.segmentManage)
      write(): string {
        return 'write';
      }
    }
    const ctx = {
      getHandler: () => Manage.prototype.write,
      getClass: () => Manage,
      switchToHttp: () => ({
        getRequest: () => ({ headers: { authorization: 'Bearer good' }, params: { tenant: 'acme' } }),
      }),
    } as unknown as ExecutionContext;
    await expect(guard.canActivate(ctx)).rejects.toThrow(ForbiddenError);
  });
});
