import { Principal } from '@cs/contracts';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { acceptedLanguages, contentLanguage } from './localization';
import { documentedHeader, LANGUAGE_HEADER_DOCS, requestHeader } from './routes';

/**
 * Who asks, for which tenant, in which languages: built once per request by `@Ctx()` and passed first to
 * every service method, instead of a tenant, a principal and languages as separate positional parameters.
 */
export interface RequestContext {
  /** The path's tenant; the guard has checked that it is the token's. */
  readonly tenant: string;
  readonly principal: Principal;
  /** `Accept-Language` as a priority list; empty: localized fields are read as maps. */
  readonly languages: string[];
  /** The language of `Content-Language`; undefined: localized fields are written as maps. */
  readonly contentLanguage?: string;
}

export type LanguageHeader = keyof typeof LANGUAGE_HEADER_DOCS;

const requestContext = createParamDecorator((headers: LanguageHeader[], context: ExecutionContext): RequestContext => {
  const { principal } = context.switchToHttp().getRequest<{ principal: Principal }>();
  return {
    tenant: principal.tenant,
    principal,
    languages: headers.includes('Accept-Language') ? acceptedLanguages(requestHeader(context, 'accept-language')) : [],
    ...(headers.includes('Content-Language') && {
      contentLanguage: contentLanguage(requestHeader(context, 'content-language')),
    }),
  };
});

/**
 * The `RequestContext` of a route that needs a token. Only the language headers the route names are read (an
 * invalid `Content-Language` is a 400 there, ignored elsewhere as before) and documented in the OpenAPI document.
 */
export function Ctx(...headers: LanguageHeader[]): ParameterDecorator {
  return (target, key, index) => {
    requestContext(headers)(target, key, index);
    for (const header of headers) documentedHeader(header, LANGUAGE_HEADER_DOCS[header])(target, key, index);
  };
}
