import { Principal, Scope } from '@cs/contracts';
import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import {
  ApiExtension,
  ApiForbiddenResponse,
  ApiInternalServerErrorResponse,
  ApiOAuth2,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponse, UnauthorizedResponse } from '@cs/dto';

export const SCOPES_KEY = 'cs:scopes';
export const PUBLIC_KEY = 'cs:public';
export const OAUTH_SCHEME = 'OAuth2';

/** Fastify route config of the routes that need a token, read by the hook that verifies it before the body is read. */
export interface AuthRouteConfig {
  needsToken?: true;
}

/**
 * Adds `config` to a route's Fastify route config. Nest's `RouteConfig` replaces the whole config, so two decorators
 * that each need an entry (the token hook's, the revalidation hook's) would undo each other.
 */
export function RouteConfigEntry(config: Record<string, unknown>): MethodDecorator {
  return (_target, _key, descriptor) => {
    const current: unknown = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, descriptor.value as object);
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...(current ?? {}), ...config },
      descriptor.value as object,
    );
    return descriptor;
  };
}

/**
 * Declares who may call a route: a bearer token holding any one of `scopes` for the path's tenant.
 * Also documents the route's security, `x-scopes` and its 401/403 answers in the OpenAPI document.
 */
export function RequiresScopes(...scopes: [Scope, ...Scope[]]) {
  return applyDecorators(
    SetMetadata(SCOPES_KEY, scopes),
    RouteConfigEntry({ needsToken: true } satisfies AuthRouteConfig),
    ApiOAuth2(scopes, OAUTH_SCHEME),
    ApiExtension('x-scopes', scopes),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token.', type: UnauthorizedResponse }),
    ApiForbiddenResponse({
      description: 'The token lacks a required scope or belongs to another tenant.',
      type: ErrorResponse,
    }),
    ApiInternalServerErrorResponse({
      description: 'Unexpected error; the body reveals nothing about the cause.',
      type: ErrorResponse,
    }),
    ApiServiceUnavailableResponse({
      description: 'The database is unavailable or overloaded; retry later.',
      type: ErrorResponse,
    }),
  );
}

/** Marks a route as reachable without a token. Every other route needs `RequiresScopes`. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension('x-public', true));

/** The verified caller, as set by the auth guard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
