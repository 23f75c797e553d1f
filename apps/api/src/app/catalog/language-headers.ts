import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { acceptedLanguages, contentLanguage } from '../common/localization';

// Param decorators instead of `@Headers(name)`, which Swagger would document as a required header.
function header(context: ExecutionContext, name: string): string | undefined {
  const value = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** `Accept-Language` as a priority list of languages (empty: return localized maps). */
export const AcceptedLanguages = createParamDecorator((_: unknown, context: ExecutionContext): string[] => acceptedLanguages(header(context, 'accept-language')));

/** The language of `Content-Language`, or undefined for maps. */
export const ContentLanguage = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => contentLanguage(header(context, 'content-language')));
